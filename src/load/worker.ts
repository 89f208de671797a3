/**
 * A loader thread: parses its share of the files and posts back plain data (objects, ids,
 * diagnostics, text), one message per file. Positions stay behind with the yaml nodes; the main thread recomputes
 * them for the few resources that end up with findings.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
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
    const loaded = loadFile(found, job.options);
    const file: WorkerFile = {
      index,
      file: loaded.file,
      text: loaded.source?.packed(),
      diagnostics: loaded.diagnostics,
      error: loaded.error?.message,
      docs: loaded.resources.map((r) => ({ id: r.id, object: r.object, docIndex: r.source.docIndex, place: (r.source as LoadedSource).place })),
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
