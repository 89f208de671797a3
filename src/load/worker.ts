/**
 * A loader thread: parses its share of the files and posts back plain data (objects, ids,
 * diagnostics, text). Positions stay behind with the yaml nodes; the main thread recomputes
 * them for the few resources that end up with findings.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { FoundFile } from './discover.js';
import type { LoadedSource } from './lazy-locate.js';
import { loadFile, type FileLoadOptions } from './load-file.js';
import type { WorkerFile } from './parallel.js';

interface Job {
  files: FoundFile[];
  options: FileLoadOptions;
  port: MessagePort;
  signal: Int32Array;
}

// As in the CLI entry: the yaml parser reads process.env per token; a plain object is cheap to read.
process.env = { ...process.env };

const job = workerData as Job;
const results: WorkerFile[] = [];
try {
  for (const found of job.files) {
    const loaded = loadFile(found, job.options);
    results.push({
      file: loaded.file,
      text: loaded.text,
      diagnostics: loaded.diagnostics,
      error: loaded.error?.message,
      docs: loaded.resources.map((r) => ({ id: r.id, object: r.object, docIndex: r.source.docIndex, place: (r.source as LoadedSource).place })),
    });
  }
  job.port.postMessage({ results });
} catch (err) {
  job.port.postMessage({ failure: err instanceof Error ? err.message : String(err) });
} finally {
  // The main thread waits synchronously (Atomics.wait) so that loading stays a plain function call.
  Atomics.store(job.signal, 0, 1);
  Atomics.notify(job.signal, 0);
  parentPort?.close();
}
