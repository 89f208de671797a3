/**
 * A later stage run by the loader on each resource as it is parsed, on whichever thread parses it
 * (issue 19: both cores for the whole pipeline). The loader knows nothing of what the stage does
 * (load must not import schema): a higher layer (api/document-stage.ts) gives the functions here,
 * and the module a loader thread runs instead of load/worker.js, which composes the loader with
 * the same stage there (api/pipeline-worker.ts).
 */
import type { Resource } from '../core/index.js';

export interface DocumentStage {
  /**
   * Runs on a resource while its yaml nodes are held (its positions need no re-parse). What it
   * returns is given to `take` on the main thread: plain data, as a loader thread posts it.
   * Undefined: nothing to give (the main thread does that resource's work itself later).
   */
  run(resource: Resource): unknown;
  /** On the main thread: what `run` returned for a resource, on this thread or a loader thread. */
  take(resource: Resource, result: unknown): void;
  /** The module (file URL) a loader thread runs: its `main()` calls `runLoader` with the stage's own `run`. */
  workerModule: string;
  /** What that module needs to make its `run` (plain data). */
  workerData: unknown;
}

/** The hook parse.ts calls on this thread. */
export function onThisThread(stage: DocumentStage): (resource: Resource) => void {
  return (resource) => {
    const result = stage.run(resource);
    if (result !== undefined) stage.take(resource, result);
  };
}
