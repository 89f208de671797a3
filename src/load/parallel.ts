/**
 * Loading on every core. Parsing YAML is most of a large run's time and the yaml package
 * is single-threaded, so big inputs are split between worker threads and this one, by size.
 * The call stays synchronous: the main thread parses its own share and takes each worker's
 * results with receiveMessageOnPort. A worker posts each file as soon as it is parsed, and the
 * main thread takes them between its own files: one message with a worker's whole share held
 * that share three times at once (the worker's heap, the message, its copy here), 6 times the
 * input at the peak.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { KubeproofError, type Diagnostic, type KubeObject, type Resource, type ResourceId } from '../core/index.js';
import type { FoundFile } from './discover.js';
import { DEFAULT_MAX_FILE_SIZE, loadFile, memoryBudgetBytes, overBudget, SMALLEST_HEAP_BYTES, type FileLoadOptions, type LoadedFile } from './load-file.js';
import { LoadedSource, type DocumentPlace } from './lazy-locate.js';
import { SourceText, type PackedText } from './source-text.js';
import { onThisThread, type DocumentStage } from './stage.js';
// process.getBuiltinModule: Node's node:worker_threads loads on first use, not at every start (issue 19: a
// one-file run never needs it, and loading it is ~1 ms of a cold start).

/** Below this many bytes a worker costs more to start than it saves. */
export const PARALLEL_THRESHOLD_BYTES = 1024 * 1024;

export interface WorkerFile {
  /** Its place in the worker's share. */
  index: number;
  file: string;
  text?: PackedText;
  diagnostics: Diagnostic[];
  error?: string;
  /** `staged`: what the stage's run gave for the resource (load/stage.ts). */
  docs: { id: ResourceId; object: KubeObject; docIndex: number; place: DocumentPlace; staged?: unknown }[];
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

export interface ParallelOptions {
  beforeParse?: (bytes: number) => void;
  /** Run on each resource as it is parsed, on whichever thread parses it. */
  stage?: DocumentStage;
  /** Below this many bytes in all, one thread (default PARALLEL_THRESHOLD_BYTES; tests lower it). */
  thresholdBytes?: number;
}

/** Loads files on `jobs` threads (this one included); results come back in the files' order. */
export function loadFilesParallel(all: readonly FoundFile[], options: FileLoadOptions, jobs: number, { beforeParse, stage, thresholdBytes = PARALLEL_THRESHOLD_BYTES }: ParallelOptions = {}): LoadedFile[] {
  const here = stage && onThisThread(stage);
  const load = (f: FoundFile) => loadFile(f, options, here);
  const allSizes = all.map((f) => sizeOf(f.absolute));
  // What the memory cannot hold is refused first, in the files' order, each with a finding.
  const out: LoadedFile[] = new Array(all.length);
  // Asked of V8 only when the input could exceed it (SMALLEST_HEAP_BYTES says why).
  let budget: number | undefined;
  const overBudgetBy = (bytes: number) => bytes > SMALLEST_HEAP_BYTES / 4 && bytes > (budget ??= memoryBudgetBytes());
  let used = 0;
  const kept: number[] = [];
  allSizes.forEach((size, i) => {
    const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (size <= maxFileSize && overBudgetBy(used + size)) out[i] = overBudget(all[i]!.display, size, budget!);
    else {
      if (size <= maxFileSize) used += size;
      kept.push(i);
    }
  });
  const files = kept.map((i) => all[i]!);
  const sizes = kept.map((i) => allSizes[i]!);
  const place = (loaded: LoadedFile[]) => {
    loaded.forEach((l, k) => (out[kept[k]!] = l));
    return out;
  };
  const total = sizes.reduce((a, b) => a + b, 0);
  beforeParse?.(total);
  const threads = Math.min(jobs, files.length, Math.max(1, Math.floor(total / (thresholdBytes / 2))));
  if (threads <= 1 || total < thresholdBytes) return place(files.map(load));

  // Largest files first, each to the least loaded thread: shares end up even.
  const buckets = Array.from({ length: threads }, () => ({ bytes: 0, indexes: [] as number[] }));
  for (const i of files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!)) {
    const bucket = buckets.reduce((min, b) => (b.bytes < min.bytes ? b : min));
    bucket.bytes += sizes[i]!;
    bucket.indexes.push(i);
  }

  const workers = buckets.slice(1).map((bucket) => startWorker(bucket.indexes.map((i) => files[i]!), options, stage));
  const loaded: LoadedFile[] = new Array(files.length);
  const take = (n: number, r: WorkerFile) => void (loaded[buckets[n + 1]!.indexes[r.index]!] = fromWorker(r, stage));
  for (const i of buckets[0]!.indexes) {
    loaded[i] = load(files[i]!);
    workers.forEach((w, n) => drain(w, (r) => take(n, r)));
  }
  workers.forEach((w, n) => {
    finish(w, (r) => take(n, r));
    // A worker that failed, as a whole or part way: what it did not post is loaded here instead, so nothing is lost.
    for (const i of buckets[n + 1]!.indexes) loaded[i] ??= load(files[i]!);
  });
  return place(loaded);
}

interface Started {
  worker: Worker;
  port: MessagePort;
  /** [0]: messages posted so far; [1]: 1 once the worker is done. */
  signal: Int32Array;
  done: boolean;
}

type MessagePort = import('node:worker_threads').MessagePort;

function startWorker(files: FoundFile[], options: FileLoadOptions, stage: DocumentStage | undefined): Started {
  const { MessageChannel, Worker } = process.getBuiltinModule('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(workerUrl(), { workerData: { files, options, port: port2, signal, ...(stage && { module: stage.workerModule, stage: stage.workerData }) }, transferList: [port2] });
  return { worker, port: port1, signal, done: false };
}

/** Takes every message a worker has posted so far. */
function drain(started: Started, take: (r: WorkerFile) => void): void {
  const { receiveMessageOnPort } = process.getBuiltinModule('node:worker_threads');
  for (let m = receiveMessageOnPort(started.port); m; m = receiveMessageOnPort(started.port)) {
    const message = m.message as WorkerMessage;
    if ('file' in message) take(message.file);
    else started.done = true;
  }
}

/** Takes the rest of a worker's files as they come, then lets it go. */
function finish(started: Started, take: (r: WorkerFile) => void): void {
  const { signal } = started;
  // Bounded waits: a worker that stops posting (killed, out of memory) does not hang the run.
  for (let idle = 0; idle < 600_000; ) {
    const posted = Atomics.load(signal, 0);
    drain(started, take);
    if (started.done || Atomics.load(signal, 1) === 1) break;
    if (Atomics.wait(signal, 0, posted, 1000) === 'timed-out') idle += 1000;
    else idle = 0;
  }
  drain(started, take);
  started.port.close();
  void started.worker.terminate();
}

/** What a worker posts: one file's result (`index` in its share), or that it is done. */
export type WorkerMessage = { file: WorkerFile } | { done: true; failure?: string };

function fromWorker(r: WorkerFile, stage: DocumentStage | undefined): LoadedFile {
  const source = r.text && SourceText.fromPacked(r.text);
  const resources: Resource[] = r.docs.map((d) => {
    const resource: Resource = { id: d.id, object: d.object, source: new LoadedSource(r.file, d.docIndex, d.place, source ?? new SourceText('')) };
    if (stage && d.staged !== undefined) stage.take(resource, d.staged);
    return resource;
  });
  const loaded: LoadedFile = { file: r.file, resources, diagnostics: r.diagnostics };
  if (source !== undefined) loaded.source = source;
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
 * The worker's module: dist/load/worker-entry.js (which imports worker.js) beside the library and the bundled CLI alike
 * (both sit one folder below dist/). Under the test runner this module is TypeScript source,
 * which a worker cannot run, so the built copy is used.
 */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../../dist/load/worker-entry.js', import.meta.url) : new URL('../load/worker-entry.js', import.meta.url);
}
