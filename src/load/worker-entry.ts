/**
 * A loader thread's first module: it imports only Node's own, then the loader (worker.ts, or the
 * module a stage names: load/stage.ts) and runs its `main`. When that module cannot be loaded (a
 * copied dist/ without the node_modules it imports, a broken install), it says it is done at
 * once: the main thread, which waits synchronously on the signal and cannot see the worker's
 * 'error' event, then loads that share itself instead of waiting out its idle bound (minutes, as
 * if the run hung).
 */
import { workerData } from 'node:worker_threads';

const { signal, module } = workerData as { signal: Int32Array; module?: string };
const done = () => {
  Atomics.store(signal, 1, 1);
  Atomics.notify(signal, 0);
};
// A thread that ends part way (process.exit in some module, an uncaught error) says so too: what
// it did not post is then loaded by the main thread at once, not after the idle bound.
process.once('exit', done);
import(module ?? './worker.js')
  .then((loaded: { main(): void }) => loaded.main())
  .catch(done);
