/** `kubeproof schedule`: the workloads of the inputs placed on a node inventory by the dry-run scheduler. */
import { redactDeep, sortDiagnostics, type CheckedFile, type Diagnostic, type KubeproofError, type Resource } from '../core/index.js';
import { ADMISSION_POLICY, runAdmissionPolicies, runPodSecurity } from '../policy/index.js';
import { runRules, type LintOptions } from '../rules/index.js';
import { scheduleWorkloads, type ScheduleReport, type Strategy } from '../schedule/index.js';
import { validateSchemas } from '../schema/index.js';
import { afterRun, beforeRun, configFile } from './apply-config.js';
import { dedupe, loadInputs } from './check.js';
import { loadInventory, scalableInputs } from './inventory.js';
import { refusedByApiServer } from './refused.js';
import type { ValidateOptions } from './validate.js';
import { mergeReadFiles } from './read-files.js';
import { loadSchemaSources } from './schema-sources.js';

export interface ScheduleCommandOptions extends ValidateOptions {
  /** Node inventory files or directories (v1 Node, kubeproof.dev/v1alpha1 NodePool). */
  nodePaths: readonly string[];
  strategy?: Strategy;
  headroom?: boolean;
}

export interface ScheduleCommandResult {
  report: ScheduleReport;
  /**
   * Input problems (loading, rendering, the inventory), what the API server would refuse (as
   * `kubeproof validate` reports it), and one `unschedulable` per workload with a pending pod.
   */
  diagnostics: Diagnostic[];
  resources: Resource[];
  files: CheckedFile[];
  errors: KubeproofError[];
  /** Every file the run read, absolute and sorted. */
  readFiles: string[];
}


export function schedule(paths: readonly string[], given: ScheduleCommandOptions): ScheduleCommandResult {
  const options = beforeRun(given);
  const inputs = loadInputs(paths, options);
  const inventory = loadInventory(options.nodePaths, options);
  // A workload the API server would refuse never runs: validate the inputs as `kubeproof validate`
  // does (schemas, its own checks, the rules for what it refuses), report that, and schedule
  // only what would be created. schedule takes no --crds, so a custom resource without a
  // schema is a warning here, not a failed dry run.
  const sources = loadSchemaSources(options.crdPaths, options, inputs.resources);
  const lint: LintOptions = { ...options, only: 'rejected-by-api-server' };
  const checks = sortDiagnostics([
    ...validateSchemas(inputs.resources, { ...options, crds: sources.crds, jsonSchemas: sources.jsonSchemas, ignoreMissingSchemas: options.ignoreMissingSchemas ?? true }),
    ...inputs.groups.flatMap((group) => runRules(group, lint)),
    // What admission refuses: the PodSecurity enforce level and Deny bindings of the
    // ValidatingAdmissionPolicies among the inputs (warn and audit let the pods run).
    ...inputs.groups.flatMap((group) => runPodSecurity(group, { disable: options.disable, podSecurity: options.config?.podSecurity, kubernetesVersion: options.kubernetesVersion }, inputs.resources)).filter((d) => d.severity === 'error'),
    ...inputs.groups.flatMap((group) => runAdmissionPolicies(group, { crds: sources.crds, kubernetesVersion: options.kubernetesVersion })).filter((d) => d.severity === 'error' && d.ruleId === ADMISSION_POLICY),
  ]);
  const pools = { diagnostics: [] as Diagnostic[], errors: [] as KubeproofError[], readFiles: [] as string[] };
  const nodePools = scalableInputs(options.nodePoolPaths, inventory, options, pools);
  const refused = refusedByApiServer(inputs.resources, checks);
  const { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss, headroom } = options;
  const result = scheduleWorkloads(inputs.resources, inventory.nodes, { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss, headroom, refused, nodePools });
  const diagnostics = dedupe(sortDiagnostics([...inputs.diagnostics.filter((d) => d.severity !== 'info'), ...checks, ...inventory.diagnostics, ...pools.diagnostics, ...result.diagnostics]));
  const shown = sortDiagnostics(afterRun(diagnostics, options, { resources: inputs.resources, files: inputs.files, texts: inputs.texts, lint }));
  return {
    // Pod and workload names, amounts, reasons: a replacement may have copied a Secret value into any (core/redact.ts).
    report: redactDeep(result.report),
    diagnostics: shown,
    resources: inputs.resources,
    files: redactDeep(inputs.files),
    errors: [...inputs.errors, ...inventory.errors, ...pools.errors, ...sources.errors],
    readFiles: mergeReadFiles(inputs.readFiles, inventory.readFiles, pools.readFiles, sources.files, configFile(options)),
  };
}
