/**
 * Loading on every core. Parsing YAML is most of a large run's time and the yaml package
 * is single-threaded, so big inputs are split between worker threads and this one, by size.
 * The call stays synchronous: the main thread parses its own share, then blocks on each
 * worker's signal and takes its result with receiveMessageOnPort.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { KubeproofError, type Diagnostic, type KubeObject, type Resource, type ResourceId } from '../core/index.js';
import type { FoundFile } from './discover.js';
import { loadFile, type FileLoadOptions, type LoadedFile } from './load-file.js';
import { lazyLocate, type DocumentPlace, type LoadedSource } from './lazy-locate.js';

/** Below this many bytes a worker costs more to start than it saves. */
export const PARALLEL_THRESHOLD_BYTES = 1024 * 1024;

export interface WorkerFile {
  file: string;
  text?: string;
  diagnostics: Diagnostic[];
  error?: string;
  docs: { id: ResourceId; object: KubeObject; docIndex: number; place: DocumentPlace }[];
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Loads files on `jobs` threads (this one included); results come back in the files' order. */
export function loadFilesParallel(files: readonly FoundFile[], options: FileLoadOptions, jobs: number): LoadedFile[] {
  const sizes = files.map((f) => sizeOf(f.absolute));
  const total = sizes.reduce((a, b) => a + b, 0);
  const threads = Math.min(jobs, files.length, Math.max(1, Math.floor(total / (PARALLEL_THRESHOLD_BYTES / 2))));
  if (threads <= 1 || total < PARALLEL_THRESHOLD_BYTES) return files.map((f) => loadFile(f, options));

  // Largest files first, each to the least loaded thread: shares end up even.
  const buckets = Array.from({ length: threads }, () => ({ bytes: 0, indexes: [] as number[] }));
  for (const i of files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!)) {
    const bucket = buckets.reduce((min, b) => (b.bytes < min.bytes ? b : min));
    bucket.bytes += sizes[i]!;
    bucket.indexes.push(i);
  }

  const workers = buckets.slice(1).map((bucket) => startWorker(bucket.indexes.map((i) => files[i]!), options));
  const out: LoadedFile[] = new Array(files.length);
  for (const i of buckets[0]!.indexes) out[i] = loadFile(files[i]!, options);
  workers.forEach((w, n) => {
    const indexes = buckets[n + 1]!.indexes;
    const results = collect(w);
    // A worker that failed as a whole: its share is loaded here instead, so nothing is lost.
    indexes.forEach((fileIndex, k) => {
      const r = results?.[k];
      out[fileIndex] = r ? fromWorker(r) : loadFile(files[fileIndex]!, options);
    });
  });
  return out;
}

interface Started {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

type MessagePort = import('node:worker_threads').MessagePort;

function startWorker(files: FoundFile[], options: FileLoadOptions): Started {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerUrl(), { workerData: { files, options, port: port2, signal }, transferList: [port2] });
  return { worker, port: port1, signal };
}

function collect({ worker, port, signal }: Started): WorkerFile[] | undefined {
  // Bounded waits: a worker that never signals (killed, out of memory) does not hang the run.
  for (let waited = 0; Atomics.load(signal, 0) === 0 && waited < 600_000; waited += 1000) Atomics.wait(signal, 0, 0, 1000);
  const message = receiveMessageOnPort(port)?.message as { results?: WorkerFile[]; failure?: string } | undefined;
  port.close();
  void worker.terminate();
  return message?.results;
}

function fromWorker(r: WorkerFile): LoadedFile {
  const resources: Resource[] = r.docs.map((d) => {
    const source: LoadedSource = { file: r.file, docIndex: d.docIndex, place: d.place, locate: lazyLocate(r.text ?? '', d.place) };
    if (d.place.itemIndex !== undefined) source.itemIndex = d.place.itemIndex;
    return { id: d.id, object: d.object, source };
  });
  const loaded: LoadedFile = { file: r.file, resources, diagnostics: r.diagnostics };
  if (r.text !== undefined) loaded.text = r.text;
  if (r.error !== undefined) loaded.error = new KubeproofError('INPUT', r.error);
  return loaded;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The worker's module: dist/load/worker.js beside the library and the bundled CLI alike
 * (both sit one folder below dist/). Under the test runner this module is TypeScript source,
 * which a worker cannot run, so the built copy is used.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/load/worker.js', import.meta.url) : new URL('../load/worker.js', import.meta.url);
}
