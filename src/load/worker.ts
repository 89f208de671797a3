/**
 * A loader thread: parses its share of the files and posts back plain data (objects, ids,
 * diagnostics, text), one message per file. Positions stay behind with the yaml nodes; the main thread recomputes
 * them for the few resources that end up with findings. With a stage (load/stage.ts), each
 * resource's stage result goes with it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Resource } from '../core/index.js';
import type { FoundFile } from './discover.js';
import type { LoadedSource } from './lazy-locate.js';
import { loadFile, type FileLoadOptions } from './load-file.js';
import type { WorkerFile, WorkerMessage } from './parallel.js';

interface Job {
  files: FoundFile[];
  options: FileLoadOptions;
  port: MessagePort;
  signal: Int32Array;
}

/** The loader alone: what worker-entry.ts runs when no stage names a module of its own. */
export function main(): void {
  runLoader();
}

/** Loads this thread's share; `run`: the stage's work on each resource as it is parsed (load/stage.ts). */
export function runLoader(run?: (resource: Resource) => unknown): void {
  // As in the CLI entry: the yaml parser reads process.env per token; a plain object is cheap to read.
  process.env = { ...process.env };

  const job = workerData as Job;
  const post = (message: WorkerMessage) => {
    job.port.postMessage(message);
    Atomics.add(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
  };
  try {
    // Each file posted as soon as it is parsed, and dropped here: the main thread takes them as they come.
    job.files.forEach((found, index) => {
      const staged = new Map<Resource, unknown>();
      const loaded = loadFile(found, job.options, run && ((r) => void staged.set(r, run(r))));
      const file: WorkerFile = {
        index,
        file: loaded.file,
        text: loaded.source?.packed(),
        diagnostics: loaded.diagnostics,
        error: loaded.error?.message,
        docs: loaded.resources.map((r) => ({ id: r.id, object: r.object, docIndex: r.source.docIndex, place: (r.source as LoadedSource).place, ...(staged.get(r) !== undefined && { staged: staged.get(r) }) })),
      };
      post({ file });
    });
    post({ done: true });
  } catch (err) {
    post({ done: true, failure: err instanceof Error ? err.message : String(err) });
  } finally {
    // The main thread waits synchronously (Atomics.wait) so that loading stays a plain function call.
    Atomics.store(job.signal, 1, 1);
    Atomics.notify(job.signal, 0);
    parentPort?.close();
  }
}
