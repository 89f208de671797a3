/**
 * The policy stage: what the cluster's admission would refuse or warn about, after the rules.
 * Each engine lives in its own folder: Pod Security Standards (pod-security/),
 * ValidatingAdmissionPolicy (vap/) and the config's custom rules (custom/).
 */
import type { Diagnostic, Resource, RuleMeta } from '../core/index.js';
import { podSecurityChecksMarkdown } from './pod-security/docs.js';
import { admissionPolicyMetas } from './vap/index.js';
import { checkPodSecurity, podSecurityMeta, POD_SECURITY_RULE_ID, type PodSecurityOptions } from './pod-security/index.js';

export type { PodSecurityOptions, PodSecuritySettings } from './pod-security/index.js';
export { POD_SECURITY_RULE_ID, podSecurityMeta } from './pod-security/index.js';
export { runAdmissionPolicies, admissionPolicyMetas, ADMISSION_POLICY, type AdmissionOptions } from './vap/index.js';
export { runCustomRules, customRuleMetas, type CustomRule } from './custom/index.js';

/** The long docs of the policy stage's rules, for docs/rules.md. */
export function podSecurityDocs(): string {
  return ['### The Pod Security Standards checks (`pod-security`)', '', podSecurityMeta.docs, '', podSecurityChecksMarkdown()].join('\n');
}

/** Everything the policy stage reports but custom rules (which the config declares), for docs, SARIF `rules[]` and `kubeproof rules`. */
export const policyProblemMetas: RuleMeta[] = [podSecurityMeta, ...admissionPolicyMetas];

export interface PolicyOptions extends PodSecurityOptions {
  /** Rule ids not to run (`--disable pod-security`, `pod-security: off`). */
  disable?: readonly string[];
}

/**
 * Findings of every admission policy over one group of resources (an overlay's output, or the
 * plain files); `all` is every resource of the run, where a Namespace outside the group is found.
 */
export function runPodSecurity(resources: readonly Resource[], options: PolicyOptions = {}, all: readonly Resource[] = resources): Diagnostic[] {
  if (options.disable?.includes(POD_SECURITY_RULE_ID)) return [];
  return checkPodSecurity(resources, options, all);
}
