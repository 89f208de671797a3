import { appendAll, countBySeverity, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, redactDeep, sortDiagnostics, type KubeproofError, type Resource, type RunReport } from '../core/index.js';
import { loadPaths, type LoadOptions } from '../load/index.js';
import { resourceTotals, runRules, type LintOptions } from '../rules/index.js';
import { validateSchemas, type SchemaOptions } from '../schema/index.js';
import type { ScheduleReport, Strategy } from '../schedule/index.js';
import type { Config } from '../config/index.js';
import { afterRun, beforeRun, configFile } from './apply-config.js';
import { finishHeld, holdBack } from './hold-back.js';
import { manifestFiles, mergeReadFiles } from './read-files.js';
import { loadSchemaSources } from './schema-sources.js';
import { loadPolicySources, runPolicies } from './policies.js';
import { inLoad as runInLoad } from './document-stage.js';
import { applySubstitution, placeholderHints, substitutionFor, type EnvsubstOptions } from './envsubst.js';

export interface ValidateOptions extends LoadOptions, Omit<SchemaOptions, 'crds'>, LintOptions {
  /** check/lint: run the cross-resource rules (default true). */
  rules?: boolean;
  /** Sum requests and limits per workload and namespace into the result. */
  totals?: boolean;
  /** Node inventory files or directories: check also schedules the pods on them. */
  nodePaths?: readonly string[];
  /**
   * NodePool files or directories (kubeproof.dev/v1alpha1, with spec.max): pools that may grow.
   * The pending pods are offered to them as cluster-autoscaler's scale-up would (schedule/node-pools.ts);
   * inventory NodePools with spec.max are scalable too, without this.
   */
  nodePoolPaths?: readonly string[];
  /** Scoring strategy of the dry-run scheduler. */
  strategy?: Strategy;
  /** check: every pod must still fit after losing any n nodes (the n most loaded when n > 1). */
  tolerateNodeLoss?: number;
  /** check: every pod must still fit after losing any one zone. */
  tolerateZoneLoss?: boolean;
  /** Files or directories holding CustomResourceDefinitions to validate custom resources against. */
  crdPaths?: readonly string[];
  /** Files or directories holding ValidatingAdmissionPolicies, bindings and params to apply to the inputs (--policies). */
  policyPaths?: readonly string[];
  /** kubeproof.yaml (see loadConfig): include/exclude, rule severities per file, rule options. */
  config?: Config;
  /** Apply suppression comments and kubeproof.dev/ignore annotations (default true; --no-suppressions). */
  suppressions?: boolean;
  /**
   * Only the errors will be shown, and the other findings are neither counted against a limit nor fixed (-q): those
   * no suppression or config can touch come last, unsorted, their positions placed only if read (api/hold-back.ts).
   */
  onlyErrorsShown?: boolean;
  /** `${VAR}` substitution as Flux post-build substitution does it, after load and render (--envsubst). */
  envsubst?: EnvsubstOptions;
  /** Texts by display path that are newer than the files on disk (an editor's unsaved buffers): their suppression comments count. */
  buffers?: ReadonlyMap<string, string>;
  /**
   * Validate built-in kinds and run the per-resource rules as each resource is loaded, on the
   * thread that parsed it (api/document-stage.ts). Off by default: the same output, but measured
   * (issue 19, on the 10k bench corpus) it cost more CPU than the main-thread pipeline, -j 1 and
   * -j 2 alike (each thread compiles its own validators, and the work done per resource rather than per list).
   */
  pipelineOnLoad?: boolean;
}

export interface RunResult extends RunReport {
  resources: Resource[];
  /** The dry-run scheduler's report, when a node inventory was given. */
  schedule?: ScheduleReport;
  /** Fatal input problems (missing or unreadable paths): the run exits 2 after reporting the rest. */
  errors: KubeproofError[];
  /**
   * Every file the run read as input, absolute and sorted: the manifests loaded (a walked file
   * holding no Kubernetes object and no problem is not one), what kustomizations read, CRDs,
   * node inventories, the config file.
   */
  readFiles: string[];
}


/** Loads manifests and validates them as the API server would: schemas, its own checks, and the rules for what it refuses. */
export function validate(paths: readonly string[], given: ValidateOptions = {}): RunResult {
  const options = beforeRun(given);
  // pipelineOnLoad: built-in kinds are validated, and the per-resource rules run, as they are loaded, on every core (api/document-stage.ts).
  // Not with --envsubst: what is validated is the substituted object, made after loading.
  const lint: LintOptions = { ...options, only: 'rejected-by-api-server' };
  const substitution = substitutionFor(options);
  const inLoad = options.pipelineOnLoad && !substitution ? runInLoad(options, lint) : undefined;
  const loaded = applySubstitution(loadPaths(paths, { ...options, ...(inLoad && { stage: inLoad.stage }) }), substitution);
  const sources = loadSchemaSources(options.crdPaths, options, loaded.resources);
  const diagnostics = [...loaded.diagnostics, ...sources.diagnostics];
  const schemaFindings = validateSchemas(loaded.resources, { ...options, crds: sources.crds, jsonSchemas: sources.jsonSchemas, prevalidated: inLoad?.prevalidated });
  if (!substitution) placeholderHints(schemaFindings, loaded.resources);
  appendAll(diagnostics, schemaFindings);
  // What the API server would refuse, though no schema says so: a request above its limit, an unparsable quantity...
  appendAll(diagnostics, runRules(loaded.resources, lint, undefined, inLoad?.ruled));
  if (inLoad) appendAll(diagnostics, inLoad.ruleFindings(loaded.resources));
  // What the API server's ValidatingAdmissionPolicies would refuse (custom rules are lint: check only).
  const policies = loadPolicySources(options);
  appendAll(diagnostics, policies.diagnostics);
  appendAll(diagnostics, runPolicies(loaded.resources, policies, sources.crds, options, false));
  const totals = options.totals ? resourceTotals(loaded.resources) : undefined;
  const run = { resources: loaded.resources, files: loaded.files, texts: loaded.texts, lint } as const;
  const { held, rest } = holdBack(diagnostics, options, run);
  const shown = [...sortDiagnostics(afterRun(sortDiagnostics(rest), options, run)), ...finishHeld(held, options, run)];
  return {
    // Names and amounts copied out of a Secret are shown masked too (core/redact.ts).
    ...(totals && { totals: redactDeep(totals) }),
    resources: loaded.resources,
    diagnostics: shown,
    files: redactDeep(loaded.files),
    errors: [...loaded.errors, ...sources.errors, ...policies.errors],
    readFiles: mergeReadFiles(manifestFiles(loaded.files, loaded.diagnostics, options.cwd), sources.files, policies.files, configFile(options), substitution?.files ?? []),
  };
}

export interface ExitPolicy {
  /** Warnings allowed before the run fails; -1 (default) for no limit. */
  maxWarnings?: number;
}

/** 0 clean, 1 findings fail the run, 2 input errors (which win: a run that could not read everything proved nothing). */
export function exitCodeFor(result: Pick<RunResult, 'diagnostics' | 'errors'>, policy: ExitPolicy = {}): number {
  if (result.errors.length > 0) return EXIT_ERROR;
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const max = policy.maxWarnings ?? -1;
  if (errors > 0 || (max >= 0 && warnings > max)) return EXIT_FINDINGS;
  return EXIT_OK;
}
