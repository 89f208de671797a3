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
import { appendAll, type Diagnostic, type Resource } from '../core/index.js';
import type { DocumentStage } from '../load/index.js';
import { perResourceRules, type LintOptions } from '../rules/index.js';
import { BuiltinKindValidator, type SchemaOptions } from '../schema/index.js';

/** What a loader thread needs to do as the main thread does: plain data. */
export interface StageData {
  schema: Pick<SchemaOptions, 'kubernetesVersion' | 'skipKinds' | 'precompiled'>;
  /** The rules' options, when the run runs rules: its per-resource rules run here too. */
  lint?: Pick<LintOptions, 'disable' | 'enable' | 'severities' | 'ruleOptions' | 'only' | 'strictRefs' | 'kubernetesVersion'>;
}

/** One resource's findings, placed, as plain objects: undefined where the main thread does that part. */
export interface StageResult {
  schema?: Diagnostic[];
  rules?: Diagnostic[];
}

/** The stage's work on one resource, on any thread. */
export function runAsLoaded(data: StageData): (resource: Resource) => StageResult | undefined {
  // Made on first use: a run of custom resources only never loads a schema here.
  let validator: BuiltinKindValidator | undefined;
  let rules: ((resource: Resource) => Diagnostic[]) | undefined;
  return (resource) => {
    validator ??= new BuiltinKindValidator(data.schema);
    const schema = validator.validate(resource);
    if (data.lint) rules ??= perResourceRules(data.lint);
    const ruled = rules?.(resource);
    if (!schema && !ruled) return undefined;
    // Most resources have no finding: one shared result for them, not two arrays each.
    if (schema?.length === 0 && ruled?.length === 0) return CLEAN;
    // Spreading reads every position now (core/locate.ts), while the nodes are held, in the fields' order.
    return { ...(schema && { schema: schema.map(plain) }), ...(ruled && { rules: ruled.map(plain) }) };
  };
}

const plain = (d: Diagnostic): Diagnostic => ({ ...d });

/** Validated and ruled, nothing found. Frozen: shared by every such resource. */
const CLEAN: StageResult = Object.freeze({ schema: Object.freeze([]) as unknown as Diagnostic[], rules: Object.freeze([]) as unknown as Diagnostic[] });

/** A result as a thread posted it (a copy): the shared one again when it is empty. */
function canonical(result: StageResult): StageResult {
  return result.schema?.length === 0 && result.rules?.length === 0 ? CLEAN : result;
}

export interface InLoad {
  stage: DocumentStage;
  /** For validateSchemas: a resource's findings made as it was loaded, else undefined. */
  prevalidated: (resource: Resource) => readonly Diagnostic[] | undefined;
  /** For runRules: the resource's per-resource rules ran as it was loaded. */
  ruled: (resource: Resource) => boolean;
  /** The findings of those rules about these resources, in their order. */
  ruleFindings: (resources: readonly Resource[]) => Diagnostic[];
}

/** `lint`: the options the run's rules run with, or undefined when it runs none. */
export function inLoad(options: SchemaOptions, lint: LintOptions | undefined): InLoad {
  const data: StageData = {
    schema: {
      ...(options.kubernetesVersion !== undefined && { kubernetesVersion: options.kubernetesVersion }),
      ...(options.skipKinds !== undefined && { skipKinds: [...options.skipKinds] }),
      ...(options.precompiled !== undefined && { precompiled: options.precompiled }),
    },
    ...(lint && { lint: lintData(lint) }),
  };
  // A Map, not a WeakMap: the resources last the run anyway, and tens of thousands of weak entries cost every full GC.
  const found = new Map<Resource, StageResult>();
  const stage: DocumentStage = {
    run: runAsLoaded(data),
    take: (resource, result) => void found.set(resource, canonical(result as StageResult)),
    workerModule: workerModule(),
    workerData: data,
  };
  return {
    stage,
    prevalidated: (resource) => found.get(resource)?.schema,
    ruled: (resource) => found.get(resource)?.rules !== undefined,
    ruleFindings: (resources) => {
      const out: Diagnostic[] = [];
      for (const r of resources) {
        const ruled = found.get(r)?.rules;
        if (ruled) appendAll(out, ruled);
      }
      return out;
    },
  };
}

/** Only what the rules read: the run's options hold functions and more that a thread cannot be sent. */
function lintData(lint: LintOptions): NonNullable<StageData['lint']> {
  const { disable, enable, severities, ruleOptions, only, strictRefs, kubernetesVersion } = lint;
  return JSON.parse(JSON.stringify({ disable, enable, severities, ruleOptions, only, strictRefs, kubernetesVersion })) as NonNullable<StageData['lint']>;
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
