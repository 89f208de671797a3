/**
 * The language server started in this process and spoken to by a real protocol client, for
 * tests that inject a failure (vi.spyOn on the Engine) or read what the server logs.
 * test/lsp/server.test.ts drives the built server as a child process instead.
 */
import { PassThrough } from 'node:stream';
import { expect, vi } from 'vitest';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type LogMessageParams,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer, type ServerSetup } from '../../src/lsp/server.js';

export interface InProcessSession {
  published: PublishDiagnosticsParams[];
  logged: LogMessageParams[];
  /** Opens a document and resolves with the diagnostics published next. */
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Sends a whole-buffer edit; resolves once it is written to the server's input. */
  change(uri: string, version: number, text: string): Promise<void>;
  close(): void;
}

/** `rootUri`: the workspace folder (none by default); `server`: what the command line would give, and test hooks. */
export async function startInProcess(setup: { rootUri?: string; server?: ServerSetup } = {}): Promise<InProcessSession> {
  const saved = { ...console };
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  startServer({ input: toServer, output: fromServer }, setup.server);
  const client = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  const logged: LogMessageParams[] = [];
  client.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push(p));
  client.onNotification(LogMessageNotification.type, (p) => void logged.push(p));
  client.listen();
  await client.sendRequest(InitializeRequest.type, { processId: null, rootUri: setup.rootUri ?? null, capabilities: {} });
  await client.sendNotification(InitializedNotification.type, {});
  return {
    published,
    logged,
    async open(uri, text) {
      const before = published.length;
      await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      await vi.waitFor(() => expect(published.length).toBeGreaterThan(before), { timeout: 20_000 });
      return published[published.length - 1]!;
    },
    async change(uri, version, text) {
      await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    close() {
      client.dispose();
      Object.assign(console, saved); // the server routes console output into the protocol
      vi.restoreAllMocks();
    },
  };
}
