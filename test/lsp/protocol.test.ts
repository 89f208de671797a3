/**
 * LSP protocol hygiene (issue 15): the server keeps the protocol's rules about initialization
 * and answers a malformed message with an error, never a stack trace; a huge workspace does not
 * hold up the first answer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, tempTree } from '../helpers.js';

const SERVER = path.join(REPO_ROOT, 'dist', 'lsp', 'main.js');
const BROKEN = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nbogus: 1\n';

interface Server {
  child: ChildProcess;
  connection: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  logs: string[];
  stderr: () => string;
}

const running: Server[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.child.kill();
});

function start(): Server {
  const child = spawn(process.execPath, [SERVER], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server: Server = { child, connection, published: [], logs: [], stderr: () => stderr };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => void server.published.push(p));
  connection.onNotification(LogMessageNotification.type, (p) => void server.logs.push(p.message));
  connection.listen();
  running.push(server);
  return server;
}

/** A process's CPU time (user + system) so far in ms, from /proc; undefined where there is none. */
function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(get: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

function initialize(s: Server, root: string) {
  return s.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: pathToFileURL(root).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'w' }] });
}

function open(s: Server, file: string, text: string) {
  void s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(file).href, languageId: 'yaml', version: 1, text } });
}

describe('initialization', () => {
  it('answers a request before initialize with ServerNotInitialized (-32002) and drops notifications', async () => {
    const dir = tempTree({ 'a.yaml': BROKEN });
    const s = start();
    await expect(s.connection.sendRequest(ShutdownRequest.type)).rejects.toMatchObject({ code: -32002 });
    await expect(s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x' }, position: { line: 0, character: 0 } })).rejects.toMatchObject({ code: -32002 });
    open(s, path.join(dir, 'a.yaml'), BROKEN); // dropped: before initialize
    await initialize(s, dir);
    void s.connection.sendNotification(InitializedNotification.type, {});
    await sleep(500);
    expect(s.published).toEqual([]);
    await s.connection.sendRequest(ShutdownRequest.type); // and now it answers
  });

  it('publishes nothing between the initialize answer and the initialized notification; then it does', async () => {
    const dir = tempTree({ 'a.yaml': BROKEN });
    const s = start();
    await initialize(s, dir);
    open(s, path.join(dir, 'a.yaml'), BROKEN);
    await sleep(400);
    expect(s.published).toEqual([]);
    void s.connection.sendNotification(InitializedNotification.type, {});
    const p = await until(() => s.published[0]);
    expect(p.diagnostics.map((d) => d.code)).toEqual(['unknown-field']);
  });
});

describe('malformed messages', () => {
  it('answers wrongly typed request params with InvalidParams (-32602), no stack trace, and keeps serving', async () => {
    const dir = tempTree({ 'a.yaml': BROKEN });
    const s = start();
    const bad = s.connection.sendRequest('initialize', 'not an object');
    await expect(bad).rejects.toMatchObject({ code: -32602 });
    const err = (await bad.catch((e: unknown) => e)) as Error;
    expect(err.message).not.toMatch(/\n\s+at /);
    await expect(s.connection.sendRequest('initialize', { processId: null, capabilities: 'none' })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('capabilities') });
    await initialize(s, dir); // a proper one still works
    void s.connection.sendNotification(InitializedNotification.type, {});
    void s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(path.join(dir, 'a.yaml')).href, languageId: 'yaml', version: 'one', text: BROKEN } } as never);
    void s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: 42 } as never);
    void s.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 7 }, contentChanges: 'x' });
    await until(() => (s.logs.filter((l) => l.includes('ignored')).length >= 3 ? true : undefined));
    const all = [...s.logs, s.stderr()].join('\n');
    expect(all).toContain('kubeproof: ignored textDocument/didOpen: textDocument.version must be an integer');
    expect(all).not.toMatch(/\n\s+at /);
    expect(s.published).toEqual([]);
    open(s, path.join(dir, 'a.yaml'), BROKEN); // the server is still serving
    await until(() => s.published[0]);
  });
});

describe('a huge workspace', () => {
  it('answers the first open of 20,000 files in under 2 s of server CPU (the index is built in the background)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20_000; i++) files[`team${i % 50}/app${Math.floor(i / 50) % 40}/cm${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm${i}, namespace: team${i % 50}}\ndata: {k: v${i}}\n`;
    const dir = tempTree(files);
    const s = start();
    const started = performance.now();
    await initialize(s, dir);
    void s.connection.sendNotification(InitializedNotification.type, {});
    open(s, path.join(dir, 'team0/app0/cm0.yaml'), BROKEN);
    const first = await until(() => s.published[0]);
    const took = performance.now() - started;
    const cpu = cpuMsOf(s.child.pid!);
    expect(first.diagnostics.map((d) => d.code)).toContain('unknown-field');
    // The server's own CPU up to its first answer: reading the 20,000 files first would cost
    // seconds of it. Wall time also counts the other processes of a loaded machine (it took 2.2-5.8 s
    // at load average 15 on 2 cores, where this CPU figure stayed near 0.6 s); it is the bound only
    // where CPU time cannot be read.
    expect(cpu ?? took).toBeLessThan(2000);
  }, 60_000);

  it('answers a file alone at first, then with the cross-resource rules once the workspace is read', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1_500; i++) files[`cms/cm${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm${i}}\ndata: {k: v}\n`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "nginx:1.27"}]\n  volumes:\n    - {name: a, configMap: {name: cm1400}}\n    - {name: b, configMap: {name: nowhere}}\nbogus: 1\n';
    const dir = tempTree({ ...files, 'pod.yaml': pod });
    const s = start();
    await initialize(s, dir);
    void s.connection.sendNotification(InitializedNotification.type, {});
    open(s, path.join(dir, 'pod.yaml'), pod);
    const full = await until(() => s.published.find((p) => p.diagnostics.some((d) => d.code === 'missing-configmap')));
    expect(full.diagnostics.filter((d) => d.code === 'missing-configmap').map((d) => d.message)).toEqual([expect.stringContaining('"nowhere"')]);
    expect(full.diagnostics.map((d) => d.code)).toContain('unknown-field');
  }, 30_000);
});
