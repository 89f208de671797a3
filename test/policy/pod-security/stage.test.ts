import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/core/index.js';
import { runPodSecurity as runPolicies } from '../../../src/policy/index.js';
import { checkPodSecurity, type PodSecurityOptions } from '../../../src/policy/pod-security/index.js';
import { parse } from '../../helpers.js';

const ns = (labels: Record<string, string>, name = 'app') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`).join('\n')}\n`;

const privilegedPod = `apiVersion: v1
kind: Pod
metadata:
  name: priv
  namespace: app
spec:
  volumes:
  - name: host
    hostPath: {path: /}
  containers:
  - name: c
    image: busybox:1.36
    securityContext:
      privileged: true
`;

const deployment = (extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: app
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:${extra}
      containers:
      - name: app
        image: nginx:1.27
`;

function run(text: string, options: PodSecurityOptions = {}): Diagnostic[] {
  return checkPodSecurity(parse(text).resources, options);
}

const brief = (d: Diagnostic) => `${d.severity} ${d.line}:${d.column} ${d.path} ${d.message}`;

describe('pod security: the admission stage', () => {
  it("splits the API server's refusal into one finding per check and field, in the controller's order", () => {
    const found = run(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + '---\n' + privilegedPod);
    // What a 1.3x API server answered for this pod (kubectl apply, enforce=restricted): the oracle for order and wording.
    const apiServer =
      'violates PodSecurity "restricted:latest": privileged (container "c" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), restricted volume types (volume "host" uses restricted volume type "hostPath"), runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';
    const prefix = 'violates PodSecurity "restricted:latest": ';
    expect(prefix + found.map((d) => d.message.slice(prefix.length)).join(', ')).toBe(apiServer);
    expect(found.every((d) => d.severity === 'error' && d.ruleId === 'pod-security')).toBe(true);
    expect(found.map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual([
      '21:19 /spec/containers/0/securityContext/privileged',
      '20:5 /spec/containers/0/securityContext/allowPrivilegeEscalation',
      '20:5 /spec/containers/0/securityContext/capabilities/drop',
      '16:15 /spec/volumes/0/hostPath',
      '20:5 /spec/containers/0/securityContext/runAsNonRoot',
      '20:5 /spec/containers/0/securityContext/seccompProfile/type',
    ]);
  });

  it('warns at the warn level only when the enforce level lets the pod in', () => {
    const text = ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }) + '---\n' + privilegedPod;
    // baseline refuses it (privileged, hostPath): no warning is added to a refused request.
    expect(run(text).map(brief)).toEqual([
      'error 17:15 /spec/volumes/0/hostPath violates PodSecurity "baseline:latest": hostPath volumes (volume "host")',
      'error 22:19 /spec/containers/0/securityContext/privileged violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
    ]);
    const allowed = privilegedPod.replace('  volumes:\n  - name: host\n    hostPath: {path: /}\n', '').replace('privileged: true', 'privileged: false');
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }) + '---\n' + allowed).map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false)',
      'warning would violate PodSecurity "restricted:latest": unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"])',
      'warning would violate PodSecurity "restricted:latest": runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true)',
      'warning would violate PodSecurity "restricted:latest": seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    ]);
  });

  it("reports a workload's template: the controller's warning, and the refusal its pods then get", () => {
    const warnOnly = run(ns({ 'pod-security.kubernetes.io/warn': 'restricted' }) + '---\n' + deployment());
    expect(warnOnly.map((d) => `${d.severity} ${d.path}`)).toEqual([
      'warning /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation',
      'warning /spec/template/spec/containers/0/securityContext/capabilities/drop',
      'warning /spec/template/spec/containers/0/securityContext/runAsNonRoot',
      'warning /spec/template/spec/containers/0/securityContext/seccompProfile/type',
    ]);
    expect(warnOnly[0]?.message).toBe('would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)');
    // enforce=restricted (warn follows it): the ReplicaSet's pods are refused with the enforce message.
    const enforced = run(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + '---\n' + deployment());
    expect(enforced.map((d) => d.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(enforced[0]?.message).toBe('violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)');
    // enforce baseline, warn restricted: the template passes baseline and gets restricted's warnings only.
    const mixed = run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' }) + '---\n' + deployment());
    expect(mixed.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });

  it('evaluates the version the namespace pins, and names it in the message', () => {
    const probe = deployment().replace('image: nginx:1.27', 'image: nginx:1.27\n        livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}');
    const at = (version: string) => run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': version }) + '---\n' + probe);
    expect(at('v1.33')).toEqual([]);
    expect(at('v1.34').map((d) => d.message)).toEqual(['violates PodSecurity "baseline:v1.34": probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")']);
    expect(at('latest').map((d) => d.message)).toEqual(['violates PodSecurity "baseline:latest": probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")']);
    // A pin newer than any check evaluates as the newest.
    expect(at('v1.99').map((d) => d.message)).toEqual(['violates PodSecurity "baseline:v1.99": probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")']);
  });

  it('latest, and a pin newer than the cluster, mean the --kubernetes-version cluster\'s release: its controller has no newer check', () => {
    const probe = deployment().replace('image: nginx:1.27', 'image: nginx:1.27\n        livenessProbe: {httpGet: {host: 10.0.0.1, port: 80}}');
    const at = (version: string, kubernetesVersion: PodSecurityOptions['kubernetesVersion']) =>
      run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': version }) + '---\n' + probe, { kubernetesVersion }).map((d) => d.message);
    // hostProbesAndHostLifecycle starts at policy v1.34, in Kubernetes 1.34.
    expect(at('latest', '1.33')).toEqual([]);
    expect(at('v1.34', '1.33')).toEqual([]);
    expect(at('latest', '1.34')).toEqual(['violates PodSecurity "baseline:latest": probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")']);
    expect(at('v1.34', '1.35')).toEqual(['violates PodSecurity "baseline:v1.34": probe or lifecycle host (container "app" uses probe or lifecycle host "10.0.0.1")']);
  });

  it('reports the audit level as a warning where it says more than enforce and warn, naming the audit annotation it goes to (not a warning kubectl prints)', () => {
    const found = run(ns({ 'pod-security.kubernetes.io/audit': 'baseline' }) + '---\n' + privilegedPod);
    expect(found.map((d) => `${d.severity} ${d.message}`)).toEqual([
      'warning audit annotation pod-security.kubernetes.io/audit-violations (audit level: not shown to the client): would violate PodSecurity "baseline:latest": hostPath volumes (volume "host")',
      'warning audit annotation pod-security.kubernetes.io/audit-violations (audit level: not shown to the client): would violate PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
    ]);
    // audit = enforce: said once, as the refusal.
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/audit': 'baseline' }) + '---\n' + privilegedPod).map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it('uses the configured default for a namespace that is not among the inputs, and nothing without one', () => {
    expect(run(deployment())).toEqual([]);
    const found = run(deployment(), { podSecurity: { default: { level: 'restricted', version: 30 } } });
    expect(found.map((d) => d.message)[0]).toBe('violates PodSecurity "restricted:v1.30": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)');
    // A namespace among the inputs labels over the default, mode by mode, as over the controller's configured defaults:
    // enforce=privileged lets the pods in, the default warn level still warns until warn is labelled too.
    const restricted = { podSecurity: { default: { level: 'restricted' as const } } };
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'privileged' }) + '---\n' + deployment(), restricted).map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/warn': 'privileged' }) + '---\n' + deployment(), restricted)).toEqual([]);
    // A pod without a namespace is in "default".
    const inDefault = deployment().replace('  namespace: app\n', '');
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }, 'default') + '---\n' + inDefault)).toHaveLength(4);
  });

  it("skips the exempt namespaces and runtime classes, as the controller's configuration does", () => {
    const restricted = { podSecurity: { default: { level: 'restricted' as const } } };
    expect(run(deployment(), { podSecurity: { ...restricted.podSecurity, exemptions: { namespaces: ['app'] } } })).toEqual([]);
    const kata = deployment('\n      runtimeClassName: kata');
    expect(run(kata, { podSecurity: { ...restricted.podSecurity, exemptions: { runtimeClasses: ['kata'] } } })).toEqual([]);
    expect(run(kata, { podSecurity: { ...restricted.podSecurity, exemptions: { runtimeClasses: ['gvisor'] } } })).toHaveLength(4);
  });

  it('reads namespace labels as the controller does: a bad enforce level fails closed and is an error at the label', () => {
    const found = run(ns({ 'pod-security.kubernetes.io/enforce': 'strict', 'pod-security.kubernetes.io/warn-version': 'v2.0' }) + '---\n' + deployment());
    expect(found.slice(0, 2).map(brief)).toEqual([
      'error 6:41 /metadata/labels/pod-security.kubernetes.io~1enforce metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted',
      'error 7:46 /metadata/labels/pod-security.kubernetes.io~1warn-version metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "v2.0": must be "latest" or "v1.x"',
    ]);
    // restricted:latest, as the controller falls back to; warn does not follow an enforce level it could not read.
    expect(found.slice(2).map((d) => `${d.severity} ${d.message.slice(0, 40)}`)).toEqual(Array(4).fill('error violates PodSecurity "restricted:latest"'));
  });

  it('finds a Namespace outside the group, and leaves other kinds and API groups alone', () => {
    const namespace = parse(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }), 'ns.yaml').resources;
    const workloads = parse(deployment() + '---\napiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: x, namespace: app}\nspec: {template: {spec: {containers: [{name: a}]}}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: app}\n').resources;
    expect(runPolicies(workloads, {}, [...namespace, ...workloads])).toHaveLength(4);
    expect(runPolicies(workloads, { disable: ['pod-security'] }, [...namespace, ...workloads])).toEqual([]);
  });
});

describe('pod security: the controller sees the defaulted object (schema/defaults), findings stay in the user\'s file', () => {
  const restrictedPod = (volumes: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: app
spec:${extra}
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  volumes:
${volumes}
  containers:
  - name: c
    image: busybox:1.36
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`;

  it('a volume that names no source is an emptyDir (SetDefaults_Volume), which restricted allows', () => {
    const text = ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + '---\n' + restrictedPod('  - name: scratch');
    expect(run(text).map(brief)).toEqual([]);
  });

  it('a hostNetwork Pod\'s container ports are host ports (SetDefaults_Pod): the finding is at the port the user wrote, not at a field they never did', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: app
spec:
  hostNetwork: true
  containers:
  - name: c
    image: busybox:1.36
    ports:
    - containerPort: 8080
`;
    expect(run(ns({ 'pod-security.kubernetes.io/enforce': 'baseline' }) + '---\n' + pod).map(brief)).toEqual([
      'error 14:16 /spec/hostNetwork violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
      'error 19:7 /spec/containers/0/ports/0/hostPort violates PodSecurity "baseline:latest": hostPort (container "c" uses hostPort 8080)',
    ]);
  });

  it('the input object is left as it was', () => {
    const parsed = parse(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }) + '---\n' + restrictedPod('  - name: scratch')).resources;
    const before = structuredClone(parsed.map((r) => r.object));
    checkPodSecurity(parsed);
    expect(parsed.map((r) => r.object)).toEqual(before);
  });
});
