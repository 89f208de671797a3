/**
 * A check that throws (a bug) costs that check, not the server: the error is logged through the
 * connection, the document shows one internal-error diagnostic, and the next check works. In
 * process, so the failure can be injected; the protocol is still spoken by a real client.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { Engine } from '../../src/lsp/engine.js';
import { startServer } from '../../src/lsp/server.js';

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';

describe('kubeproof lsp, when a check throws', () => {
  const saved = { ...console };
  let client: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    startServer({ input: toServer, output: fromServer });
    client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    client.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
    client.onNotification(LogMessageNotification.type, (p) => void (p.type === MessageType.Error && errors.push(p.message)));
    client.listen();
    await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    await client.sendNotification(InitializedNotification.type, {});
  });

  afterAll(() => {
    client.dispose();
    Object.assign(console, saved); // the server routes console output into the protocol
    vi.restoreAllMocks();
  });

  const open = async (uri: string, text: string) => {
    const before = published.length;
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await vi.waitFor(() => expect(published.length).toBeGreaterThan(before));
    return published[published.length - 1]!;
  };

  it('logs the error, shows it on the document, and keeps serving', async () => {
    vi.spyOn(Engine.prototype, 'check').mockImplementationOnce(() => {
      throw new Error('injected failure');
    });
    const failed = await open('untitled:first', CONFIG_MAP);
    expect(failed.diagnostics).toMatchObject([{ code: 'internal-error', message: 'internal error while checking this file: injected failure', range: { start: { line: 0, character: 0 } } }]);
    expect(errors.join('\n')).toMatch(/checking untitled:first failed: Error: injected failure/);

    const next = await open('untitled:second', CONFIG_MAP);
    expect(next).toMatchObject({ uri: 'untitled:second', diagnostics: [] });
  });
});
