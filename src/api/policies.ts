/**
 * The policy stage in a run: what admission would refuse (the ValidatingAdmissionPolicies among
 * the inputs and in the `--policies` files, the Pod Security Standards), and (check and lint) the
 * config's custom rules.
 */
import type { Diagnostic, KubeproofError, Resource } from '../core/index.js';
import { loadPaths } from '../load/index.js';
import { runAdmissionPolicies, runCustomRules, runPodSecurity } from '../policy/index.js';
import { absoluteFiles } from './read-files.js';
import type { ValidateOptions } from './validate.js';

export interface PolicySources {
  resources: Resource[];
  diagnostics: Diagnostic[];
  errors: KubeproofError[];
  /** Every file read, absolute. */
  files: string[];
}

/** No --policies (the language server: only the workspace's own policies apply). */
export const NO_POLICY_FILES: PolicySources = { resources: [], diagnostics: [], errors: [], files: [] };

/** What --policies names, loaded like any manifest (never from standard input). */
export function loadPolicySources(options: ValidateOptions): PolicySources {
  if (!options.policyPaths?.length) return { resources: [], diagnostics: [], errors: [], files: [] };
  const loaded = loadPaths(options.policyPaths, { ...options, readStdin: undefined, pathFilter: undefined });
  return { resources: loaded.resources, diagnostics: loaded.diagnostics.filter((d) => d.severity !== 'info'), errors: loaded.errors, files: absoluteFiles(loaded.files, options.cwd) };
}

/**
 * The admission verdicts on one group of inputs (policies, Pod Security, both as the API server
 * would answer the request); with `lint` (check and lint, rules on), the config's custom rules too. `all` is every input of the run, where
 * Pod Security finds a Namespace outside the group.
 */
export function runPolicies(group: readonly Resource[], policies: PolicySources, crds: readonly Resource[], options: ValidateOptions, lint: boolean, all: readonly Resource[] = group): Diagnostic[] {
  const out = runAdmissionPolicies(group, { policies: policies.resources, crds, kubernetesVersion: options.kubernetesVersion });
  out.push(...runPodSecurity(group, { disable: options.disable, podSecurity: options.config?.podSecurity, kubernetesVersion: options.kubernetesVersion }, all));
  if (lint && options.config?.customRules.length) {
    const disabled = new Set((options.disable ?? []).filter((id) => !options.enable?.includes(id)));
    out.push(...runCustomRules(group, options.config.customRules, { kubernetesVersion: options.kubernetesVersion, disabled, crds: [...crds, ...all.filter((r) => r.id.kind === 'CustomResourceDefinition')] }));
  }
  return out;
}
