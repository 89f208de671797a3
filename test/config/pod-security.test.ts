/** kubeproof.yaml's podSecurity: validated like the rest, and what it changes in a check run. */
import { describe, expect, it } from 'vitest';
import { knownRules } from '../../src/api/config.js';
import { parseConfig } from '../../src/config/index.js';
import { runCli, tempTree } from '../helpers.js';

const parsed = (yaml: string) => parseConfig(yaml, '/repo/kubeproof.yaml', '/repo', knownRules());
const problems = (yaml: string) => parsed(yaml).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

const pod = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: team}
spec:
  containers:
  - name: app
    image: app:1.0
    securityContext: {privileged: true}
`;

describe('config: podSecurity', () => {
  it('reads the default level, its version and the exemptions', () => {
    expect(parsed('podSecurity:\n  default: restricted\n  version: v1.30\n  exemptions: {namespaces: [kube-system], runtimeClasses: [kata]}\n').config?.podSecurity).toEqual({
      default: { level: 'restricted', version: 30 },
      exemptions: { namespaces: ['kube-system'], runtimeClasses: ['kata'] },
    });
    expect(parsed('podSecurity: {default: baseline}\n').config?.podSecurity).toEqual({ default: { level: 'baseline', version: 'latest' } });
  });

  it('says what is wrong, with a did-you-mean', () => {
    expect(problems('podSecurity:\n  defualt: restricted\n  exemptions: {namespace: [x]}\n')).toEqual([
      '2:3 invalid-config unknown key "defualt" in podSecurity (did you mean "default"?)',
      '3:16 invalid-config unknown key "namespace" in podSecurity.exemptions (did you mean "namespaces"?)',
    ]);
    expect(problems('podSecurity: {default: strict}\n')[0]).toMatch(/^1:24 invalid-config podSecurity\.default: .*privileged, baseline, restricted/);
  });

  it('applies the default to namespaces not among the inputs, and the rule can be turned down or off like any other', async () => {
    const dir = tempTree({ 'pod.yaml': pod, 'kubeproof.yaml': 'podSecurity: {default: baseline}\n' });
    const refused = await runCli(['check', 'pod.yaml', '--format', 'json'], { cwd: dir });
    expect(refused.code).toBe(1);
    const found = (JSON.parse(refused.stdout) as { diagnostics: { ruleId: string; severity: string; message: string; line: number; column: number }[] }).diagnostics.filter((d) => d.ruleId === 'pod-security');
    expect(found).toEqual([expect.objectContaining({ severity: 'error', line: 8, column: 35, message: 'violates PodSecurity "baseline:latest": privileged (container "app" must not set securityContext.privileged=true)' })]);
    const exempt = tempTree({ 'pod.yaml': pod, 'kubeproof.yaml': 'podSecurity: {default: baseline, exemptions: {namespaces: [team]}}\nrules: {privileged: off}\n' });
    expect((await runCli(['check', 'pod.yaml'], { cwd: exempt })).stdout).not.toContain('pod-security');
    const off = tempTree({ 'pod.yaml': pod, 'kubeproof.yaml': 'podSecurity: {default: baseline}\nrules: {pod-security: off}\n' });
    expect((await runCli(['check', 'pod.yaml'], { cwd: off })).stdout).not.toContain('pod-security');
  });
});
