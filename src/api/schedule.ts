/** `kubeproof schedule`: the workloads of the inputs placed on a node inventory by the dry-run scheduler. */
import { sortDiagnostics, type CheckedFile, type Diagnostic, type KubeproofError, type Resource } from '../core/index.js';
import { scheduleWorkloads, type ScheduleReport, type Strategy } from '../schedule/index.js';
import { loadInputs } from './check.js';
import { loadInventory } from './inventory.js';
import type { ValidateOptions } from './validate.js';
import { configFile } from './apply-config.js';
import { mergeReadFiles } from './read-files.js';

export interface ScheduleCommandOptions extends ValidateOptions {
  /** Node inventory files or directories (v1 Node, kubeproof.dev/v1alpha1 NodePool). */
  nodePaths: readonly string[];
  strategy?: Strategy;
  headroom?: boolean;
}

export interface ScheduleCommandResult {
  report: ScheduleReport;
  /** Input problems (loading, rendering, the inventory) and one `unschedulable` per workload with a pending pod. */
  diagnostics: Diagnostic[];
  resources: Resource[];
  files: CheckedFile[];
  errors: KubeproofError[];
  /** Every file the run read, absolute and sorted. */
  readFiles: string[];
}

export function schedule(paths: readonly string[], options: ScheduleCommandOptions): ScheduleCommandResult {
  const inputs = loadInputs(paths, options);
  const inventory = loadInventory(options.nodePaths, options);
  const { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss, headroom } = options;
  const result = scheduleWorkloads(inputs.resources, inventory.nodes, { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss, headroom });
  return {
    report: result.report,
    diagnostics: sortDiagnostics([...inputs.diagnostics.filter((d) => d.severity !== 'info'), ...inventory.diagnostics, ...result.diagnostics]),
    resources: inputs.resources,
    files: inputs.files,
    errors: [...inputs.errors, ...inventory.errors],
    readFiles: mergeReadFiles(inputs.readFiles, inventory.readFiles, configFile(options)),
  };
}
