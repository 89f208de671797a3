// The language server's latency, as an editor sees it (issue 20): `kubeproof lsp` of a build
// (DIST/lsp/main.js) on a copy of overlays-example, a real LSP client sending single edits
// (each after a pause longer than the coalescing delay) and timing the publishDiagnostics of
// each edited version. Two cases: a plain manifest (apps/web.yaml) and a base file three
// overlays build (shop/base/api.yaml). Besides wall time, the server's own CPU time per edit
// (utime + stime from /proc/<pid>/stat, Linux), which other work on the machine barely moves.
//
//   node bench/lsp.mjs [DIST] [EDITS]   prints JSON: { plain: {wallMs, cpuMs}, overlay: {...} }
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
/** Longer than the server's default coalescing delay (src/lsp/options.ts, 100 ms): each edit is a single one. */
const PAUSE_MS = 150;
const TICKS_MS = 1000 / 100; // USER_HZ, 100 on Linux

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU milliseconds the process has used so far; undefined without /proc. */
function cpuOf(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICKS_MS; // utime, stime
  } catch {
    return undefined;
  }
}

export async function measureLsp(dist, edits = 21) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-bench-lsp-'));
  fs.cpSync(path.join(root, 'overlays-example'), path.join(work, 'shop'), { recursive: true });
  fs.mkdirSync(path.join(work, 'apps'));
  fs.copyFileSync(path.join(root, 'overlays-example', 'base', 'web.yaml'), path.join(work, 'apps', 'web.yaml'));
  const child = spawn(process.execPath, [path.join(dist, 'lsp', 'main.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of [...waiting]) if (w.uri === p.uri && w.version === p.version) waiting.splice(waiting.indexOf(w), 1) && w.resolve();
  });
  connection.listen();
  const rootUri = pathToFileURL(work).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities: {}, workspaceFolders: [{ uri: rootUri, name: 'bench' }] });
  await connection.sendNotification('initialized', {});
  const published = (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve }));

  const run = async (rel, edit) => {
    const uri = pathToFileURL(path.join(work, rel)).href;
    const text = fs.readFileSync(path.join(work, rel), 'utf8');
    const opened = published(uri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    await opened;
    const wallMs = [];
    const cpuMs = [];
    for (let i = 0, version = 2; i < edits + 2; i++, version++) {
      await sleep(PAUSE_MS);
      const done = published(uri, version);
      const cpu = cpuOf(child.pid);
      const started = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: edit(text, i) }] });
      await done;
      if (i < 2) continue; // the first two warm the kinds and caches
      wallMs.push(performance.now() - started);
      const after = cpuOf(child.pid);
      if (cpu !== undefined && after !== undefined) cpuMs.push(after - cpu);
    }
    return { wallMs, cpuMs };
  };
  try {
    return {
      plain: await run('apps/web.yaml', (t, i) => t.replace('replicas: 1', `replicas: ${2 + (i % 5)}`)),
      overlay: await run('shop/base/api.yaml', (t, i) => t.replace('replicas: 1', `replicas: ${2 + (i % 5)}`)),
    };
  } finally {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
  console.log(JSON.stringify(await measureLsp(dist, Number(process.argv[3] ?? 21))));
}
