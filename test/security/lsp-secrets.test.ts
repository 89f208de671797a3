/**
 * Secrets never printed, in the editor: the language server publishes the same findings as
 * `kubeproof check`, and logs what fails; neither shows a Secret's values. In process, through
 * a real protocol client, as test/lsp/robustness.test.ts does.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Engine } from '../../src/lsp/engine.js';
import { startInProcess, type InProcessSession } from '../lsp/in-process.js';
import { b64, canary, expectNoLeak } from './canary.js';

const S = canary('lsp/S');
const S2 = canary('lsp/S2');
const S3 = canary('lsp/S3');

const SECRET = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  token: "${S}!"\n  ok: ${b64(S2)}\nstringData:\n  tagged: !${S3} x\n  cfg: {inner: ${S2}}\n`;

describe('kubeproof lsp and Secret values', () => {
  let session: InProcessSession;
  const open = (uri: string, text: string) => session.open(uri, text);
  const logged = () => session.logged.map((l) => l.message);

  beforeAll(async () => {
    session = await startInProcess();
  });

  afterAll(() => session.close());

  it('publishes the findings on a Secret without its values', async () => {
    const result = await open('untitled:secret', SECRET);
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toEqual(expect.arrayContaining(['data.token: Invalid value: "<redacted>": must be base64-encoded', 'Unresolved tag: <redacted>']));
    expectNoLeak(JSON.stringify(result), [S, S2, S3], 'published diagnostics');
  });

  it('logs and publishes a failed check without the values it held', async () => {
    await open('untitled:secret-again', SECRET);
    vi.spyOn(Engine.prototype, 'checking').mockImplementationOnce(() => {
      throw new Error(`cannot parse ${S2} in ${S}!`);
    });
    const failed = await open('untitled:failed', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    expect(failed.diagnostics.map((d) => d.message)).toEqual(['internal error while checking this file: cannot parse <redacted> in <redacted>']);
    expectNoLeak(JSON.stringify(failed), [S, S2], 'published internal error');
    await vi.waitFor(() => expect(logged().join('\n')).toContain('checking untitled:failed failed'));
    expectNoLeak(logged().join('\n'), [S, S2, S3], 'the server log');
  });
});
