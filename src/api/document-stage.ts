/**
 * Schema validation as each resource is loaded, on the thread that parsed it (issue 19, item 1:
 * both cores for the whole pipeline). The loader runs this stage on each resource while it still
 * holds the document's yaml nodes (load/stage.ts), so the findings are placed without a re-parse,
 * then posts them back with the resource as plain data. Only built-in Kubernetes kinds are done
 * here: a custom resource waits for validateSchemas, once every CRD of the run is known (a CRD
 * among the inputs may come after its resources, or in another thread's share), and so does a
 * built-in kind that some CRD turns out to redefine (validateSchemas checks).
 *
 * This module composes load and schema, so it sits above both, in api/ (load must not import
 * schema); api/pipeline-worker.ts is the loader thread's module that runs it there.
 */
import type { Diagnostic, Resource } from '../core/index.js';
import type { DocumentStage } from '../load/index.js';
import { BuiltinKindValidator, type SchemaOptions } from '../schema/index.js';

/** What a loader thread needs to validate as the main thread does: plain data. */
export type StageData = Pick<SchemaOptions, 'kubernetesVersion' | 'skipKinds' | 'precompiled'>;

/** The stage's work on one resource, on any thread: its findings placed and copied to plain objects. */
export function validateAsLoaded(data: StageData): (resource: Resource) => Diagnostic[] | undefined {
  let validator: BuiltinKindValidator | undefined; // made on first use: a run of custom resources only never loads a schema here
  return (resource) => {
    validator ??= new BuiltinKindValidator(data);
    // Spreading reads every position now (core/locate.ts), while the nodes are held, in the fields' order.
    return validator.validate(resource)?.map((d) => ({ ...d }));
  };
}

export interface SchemaInLoad {
  stage: DocumentStage;
  /** For validateSchemas: a resource's findings made as it was loaded, else undefined. */
  prevalidated: (resource: Resource) => readonly Diagnostic[] | undefined;
}

export function schemaInLoad(options: SchemaOptions): SchemaInLoad {
  const data: StageData = {
    ...(options.kubernetesVersion !== undefined && { kubernetesVersion: options.kubernetesVersion }),
    ...(options.skipKinds !== undefined && { skipKinds: [...options.skipKinds] }),
    ...(options.precompiled !== undefined && { precompiled: options.precompiled }),
  };
  const found = new WeakMap<Resource, Diagnostic[]>();
  const stage: DocumentStage = {
    run: validateAsLoaded(data),
    take: (resource, result) => void found.set(resource, result as Diagnostic[]),
    workerModule: workerModule(),
    workerData: data,
  };
  return { stage, prevalidated: (resource) => found.get(resource) };
}

/**
 * dist/api/pipeline-worker.js beside the library and the bundled CLI alike (both one folder below
 * dist/). Under the test runner this module is TypeScript source, which a worker cannot run, so
 * the built copy is used (as load/parallel.ts does for the loader's own).
 */
function workerModule(): string {
  const url = import.meta.url.endsWith('.ts') ? new URL('../../dist/api/pipeline-worker.js', import.meta.url) : new URL('../api/pipeline-worker.js', import.meta.url);
  return url.href;
}
