import { check } from '../../src/api/check.js';
import type { ValidateOptions } from '../../src/api/validate.js';
import type { Diagnostic } from '../../src/core/index.js';
import { tempTree } from '../helpers.js';

/** Checks a tree of files (path -> YAML) and returns the policy findings, compactly: `rule severity file:line:col message`. */
export function policyFindings(files: Record<string, string>, paths: string[] = ['.'], options: ValidateOptions = {}, ruleIds = /^(admission-policy|admission-policy-offline|invalid-admission-policy)$/): string[] {
  const dir = tempTree(files);
  const result = check(paths, { cwd: dir, ...options });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.diagnostics.filter((d) => ruleIds.test(d.ruleId)).map(show);
}

export const show = (d: Diagnostic) => `${d.ruleId} ${d.severity} ${d.file}:${d.line}:${d.column} ${d.message}`;

/** A ValidatingAdmissionPolicy as YAML; `spec` is indented YAML under spec:. */
export function policy(name: string, spec: string): string {
  return `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}`;
}

export function binding(name: string, spec: string): string {
  return `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata:\n  name: ${name}\nspec:\n${indent(spec)}`;
}

const indent = (s: string) => s.trim().split('\n').map((l) => `  ${l}`).join('\n') + '\n';

export const DEPLOYMENT_RULES = `matchConstraints:
  resourceRules:
  - apiGroups: [apps]
    apiVersions: [v1]
    operations: [CREATE, UPDATE]
    resources: [deployments]`;

export function deployment(name: string, replicas: number, extra: { namespace?: string; labels?: string } = {}): string {
  const ns = extra.namespace ? `\n  namespace: ${extra.namespace}` : '';
  const labels = extra.labels ? `\n  labels: ${extra.labels}` : '';
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}${ns}${labels}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.27\n`;
}
