/**
 * The security rules as a user meets them: which run by default and which only when turned on
 * (--enable, or a severity in kubeproof.yaml), the `security` tag and score SARIF gives them,
 * `kubeproof rules`, and findings on a rendered overlay pointing at the kustomization that wrote them.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { rules } from '../../src/rules/index.js';
import { loadOptions } from '../../src/lsp/options.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../src/schema/index.js';
import * as path from 'node:path';
import { runCli, tempTree } from '../helpers.js';

const SECURITY_RULES = ['automount-service-account-token', 'dangerous-capabilities', 'default-namespace', 'default-service-account', 'drop-capabilities', 'host-namespaces', 'host-path-mount', 'missing-network-policy', 'privilege-escalation', 'read-only-root-filesystem', 'unsafe-sysctls', 'writable-host-mount'];
const OFF_BY_DEFAULT = ['automount-service-account-token', 'default-namespace', 'default-service-account', 'drop-capabilities', 'missing-network-policy', 'privilege-escalation', 'read-only-root-filesystem', 'writable-host-mount'];

/** A pod that every one of the security rules reports (privilege-escalation through its init container: c adds SYS_ADMIN). */
const insecure = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db-only, namespace: default}
spec:
  podSelector: {matchLabels: {app: db}}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: default, labels: {app: web}}
spec:
  hostNetwork: true
  containers:
  - name: c
    image: busybox:1.36
    volumeMounts: [{name: data, mountPath: /data}]
    securityContext: {capabilities: {add: [SYS_ADMIN]}}
  volumes:
  - {name: docker, hostPath: {path: /var/run/docker.sock}}
  - {name: data, hostPath: {path: /srv/data}}
  initContainers: [{name: init, image: busybox:1.36, securityContext: {readOnlyRootFilesystem: true}}]
  securityContext: {sysctls: [{name: kernel.msgmax, value: "65536"}]}
`;

const ruleIds = (diagnostics: readonly { ruleId: string }[]) => [...new Set(diagnostics.map((d) => d.ruleId))].filter((id) => SECURITY_RULES.includes(id)).sort();

describe('security rules', () => {
  it('each carries a security severity, and its docs name the peer check it follows', () => {
    for (const id of SECURITY_RULES) {
      const rule = rules.find((r) => r.meta.id === id);
      expect(rule, id).toBeDefined();
      expect(rule!.meta.securitySeverity, id).toBeGreaterThan(0);
      expect(rule!.meta.docs, id).toMatch(/kube-linter|kube-score/);
      expect(Boolean(rule!.meta.defaultOff), id).toBe(OFF_BY_DEFAULT.includes(id));
    }
  });

  it('runs the ones on by default, and the others only when enabled', () => {
    const dir = tempTree({ 'pod.yaml': insecure });
    const on = SECURITY_RULES.filter((id) => !OFF_BY_DEFAULT.includes(id));
    expect(ruleIds(check(['pod.yaml'], { cwd: dir }).diagnostics)).toEqual(on);
    expect(ruleIds(check(['pod.yaml'], { cwd: dir, enable: OFF_BY_DEFAULT }).diagnostics)).toEqual(SECURITY_RULES);
    // --disable turns off a rule that is on by default.
    expect(ruleIds(check(['pod.yaml'], { cwd: dir, disable: ['host-namespaces'] }).diagnostics)).toEqual(on.filter((id) => id !== 'host-namespaces'));
  });

  it('turns an opt-in rule on with a severity in kubeproof.yaml, at that severity; options alone do not', async () => {
    const dir = tempTree({ 'pod.yaml': insecure, 'kubeproof.yaml': 'rules:\n  read-only-root-filesystem: warning\n  default-namespace: {options: {unset: true}}\n' });
    const r = await runCli(['check', 'pod.yaml', '-f', 'json'], { cwd: dir });
    const found = JSON.parse(r.stdout).diagnostics as { ruleId: string; severity: string; line: number; column: number }[];
    expect(found.filter((d) => d.ruleId === 'read-only-root-filesystem').map((d) => `${d.line}:${d.column} ${d.severity}`)).toEqual(['16:5 warning']);
    expect(found.some((d) => d.ruleId === 'default-namespace')).toBe(false);
  });

  it('the language server runs the rules kubeproof.yaml turns on, as check does', () => {
    const dir = tempTree({ 'kubeproof.yaml': 'rules:\n  privilege-escalation: warning\n  host-port: off\n' });
    expect(loadOptions({ kubernetesVersion: DEFAULT_KUBERNETES_VERSION, debounceMs: 0, crdPaths: [] }, path.join(dir, 'pod.yaml')).enable).toEqual(['privilege-escalation']);
  });

  it('are tagged security in SARIF, with their security-severity', async () => {
    const dir = tempTree({ 'pod.yaml': insecure });
    const r = await runCli(['check', 'pod.yaml', '-f', 'sarif', '--enable', 'read-only-root-filesystem'], { cwd: dir });
    const driverRules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; properties: { tags: string[]; 'security-severity'?: string } }[];
    const byId = new Map(driverRules.map((x) => [x.id, x.properties]));
    expect(byId.get('host-path-mount')).toMatchObject({ tags: ['security', 'kubernetes'], 'security-severity': '8.0' });
    expect(byId.get('read-only-root-filesystem')).toMatchObject({ tags: ['security', 'kubernetes'], 'security-severity': '3.5' });
    expect(byId.get('dangerous-capabilities')?.tags).toContain('security');
  });

  it('kubeproof rules lists an opt-in rule as off, and at the severity kubeproof.yaml gives it', async () => {
    const list = async (dir: string) => new Map((JSON.parse((await runCli(['rules', '-f', 'json'], { cwd: dir })).stdout) as { id: string; severity: string; defaultOff?: boolean }[]).map((r) => [r.id, r]));
    const plain = await list(tempTree());
    expect(plain.get('writable-host-mount')).toMatchObject({ severity: 'off', defaultOff: true });
    expect(plain.get('host-namespaces')).toMatchObject({ severity: 'warning' });
    expect(plain.get('host-namespaces')?.defaultOff).toBeUndefined();
    const configured = await list(tempTree({ 'kubeproof.yaml': 'rules:\n  writable-host-mount: error\n' }));
    expect(configured.get('writable-host-mount')?.severity).toBe('error');
  });

  it('point at the kustomization that put a rendered resource in the default namespace', () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources: [pod.yaml]\n',
      'base/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox:1.36}]\n',
      'overlay/kustomization.yaml': 'resources: [../base]\nnamespace: default\n',
    });
    const found = check(['overlay'], { cwd: dir, enable: ['default-namespace'] }).diagnostics.filter((d) => d.ruleId === 'default-namespace');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['overlay/kustomization.yaml:2:12 Pod "p" is in the default namespace; put it in a namespace of its own']);
  });
});
