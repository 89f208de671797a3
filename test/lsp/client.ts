/**
 * A real LSP client (vscode-languageserver-protocol) speaking over stdio to the built server
 * (dist/lsp/main.js) as a child process: what the end-to-end tests of test/lsp drive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../helpers.js';

export const SERVER = path.join(REPO_ROOT, 'dist', 'lsp', 'main.js');

export class Client {
  readonly connection: ProtocolConnection;
  readonly logs: string[] = [];
  private readonly waiting: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();

  constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      for (const w of [...this.waiting]) {
        if (w.uri === params.uri && w.test(params)) {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          w.resolve(params);
        }
      }
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => void this.logs.push(params.message));
    this.connection.listen();
  }

  /** The next diagnostics published for `uri` that pass `test`; ask before sending what triggers them. */
  next(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.push({ uri, test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const published = this.next(uri);
    this.versions.set(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return published;
  }

  /** Replaces the whole buffer (unsaved); returns the version sent. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Replaces the whole buffer; resolves with the diagnostics of exactly that version. */
  edit(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    const published = this.next(uri, (p) => p.version === version);
    this.change(uri, text);
    return published;
  }

  isOpen(uri: string): boolean {
    return this.versions.has(uri);
  }

  save(uri: string): void {
    void this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }
}

/** The built server (by default its own entry, dist/lsp/main.js) as a child process, initialized with `dir` as its only workspace folder. */
export async function startClient(dir: string, capabilities: ClientCapabilities, initializationOptions: Record<string, unknown> = {}, before?: (client: Client) => void, command = [SERVER]): Promise<{ client: Client; initialized: InitializeResult }> {
  const child = spawn(process.execPath, command, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const client = new Client(child);
  before?.(client);
  // A server that dies on start (a usage error) must fail the test at once, with what it said.
  const died = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited with code ${code} before answering initialize: ${stderr}`))));
  const initialized = await Promise.race([
    died,
    client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'workspace' }],
      capabilities,
      initializationOptions,
    }),
  ]);
  died.catch(() => {}); // exiting later, on `exit`, is what a server does
  await client.connection.sendNotification(InitializedNotification.type, {});
  return { client, initialized };
}

/**
 * The server for one describe block: started on the workspace `make` returns (before its
 * tests), shut down and the workspace removed after them.
 */
export function serverFor(make: () => string): { readonly dir: string; readonly client: Client } {
  let dir = '';
  let client: Client | undefined;
  beforeAll(async () => {
    dir = make();
    ({ client } = await startClient(dir, {}));
  });
  afterAll(async () => {
    if (client) {
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      client.connection.dispose();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get client() {
      return client!;
    },
  };
}
