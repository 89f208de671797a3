/**
 * A check that throws (a bug) costs that check, not the server: the error is logged through the
 * connection, the document shows one internal-error diagnostic, and the next check works. In
 * process, so the failure can be injected; the protocol is still spoken by a real client.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { Engine } from '../../src/lsp/engine.js';
import { startInProcess, type InProcessSession } from './in-process.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';

describe('kubeproof lsp, when a check throws', () => {
  let session: InProcessSession;
  const open = (uri: string, text: string) => session.open(uri, text);
  const errors = () => session.logged.filter((l) => l.type === MessageType.Error).map((l) => l.message);

  beforeAll(async () => {
    session = await startInProcess();
  });

  afterAll(() => session.close());

  it('logs the error, shows it on the document, and keeps serving', async () => {
    vi.spyOn(Engine.prototype, 'checking').mockImplementationOnce(() => {
      throw new Error('injected failure');
    });
    const failed = await open('untitled:first', CONFIG_MAP);
    expect(failed.diagnostics).toMatchObject([{ code: 'internal-error', message: 'internal error while checking this file: injected failure', range: { start: { line: 0, character: 0 } } }]);
    expect(errors().join('\n')).toMatch(/checking untitled:first failed: Error: injected failure/);

    const next = await open('untitled:second', CONFIG_MAP);
    expect(next).toMatchObject({ uri: 'untitled:second', diagnostics: [] });
  });
});
