import { countBySeverity, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, sortDiagnostics, type KubeproofError, type Resource, type RunReport } from '../core/index.js';
import { loadPaths, type LoadOptions } from '../load/index.js';
import type { LintOptions } from '../rules/index.js';
import { validateSchemas, type SchemaOptions } from '../schema/index.js';

export interface ValidateOptions extends LoadOptions, Omit<SchemaOptions, 'crds'>, LintOptions {
  /** check/lint: run the cross-resource rules (default true). */
  rules?: boolean;
  /** Files or directories holding CustomResourceDefinitions to validate custom resources against. */
  crdPaths?: readonly string[];
}

export interface RunResult extends RunReport {
  resources: Resource[];
  /** Fatal input problems (missing or unreadable paths): the run exits 2 after reporting the rest. */
  errors: KubeproofError[];
}

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';

/** Loads manifests and validates them against their schemas. Later stages join here as they land. */
export function validate(paths: readonly string[], options: ValidateOptions = {}): RunResult {
  const loaded = loadPaths(paths, options);
  const crdSource = options.crdPaths?.length ? loadPaths(options.crdPaths, { ...options, readStdin: undefined }) : undefined;
  const crds = crdSource?.resources.filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD) ?? [];
  const diagnostics = [...loaded.diagnostics, ...(crdSource?.diagnostics.filter((d) => d.severity !== 'info') ?? [])];
  diagnostics.push(...validateSchemas(loaded.resources, { ...options, crds }));
  return {
    resources: loaded.resources,
    diagnostics: sortDiagnostics(diagnostics),
    files: loaded.files,
    errors: [...loaded.errors, ...(crdSource?.errors ?? [])],
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
