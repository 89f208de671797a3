/** The policy stage inside `check`: Pod Security findings, and the dry run leaving out what admission refuses. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { schedule } from '../../src/api/schedule.js';
import { validate } from '../../src/api/validate.js';
import { tempTree } from '../helpers.js';

const files = {
  'ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {pod-security.kubernetes.io/enforce: baseline}\n',
  'web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: true
      containers:
      - name: app
        image: shop/web:1.4.2
        resources: {requests: {cpu: 100m, memory: 64Mi}}
`,
  'nodes.yaml': 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: general}\nspec:\n  count: 2\n  allocatable: {cpu: "2", memory: 4Gi, pods: 20}\n',
};

describe('validate: Pod Security Standards', () => {
  it('refuses what the enforce level refuses, as the API server would answer the request', () => {
    const dir = tempTree(files);
    const result = validate(['ns.yaml', 'web.yaml'], { cwd: dir });
    expect(result.diagnostics.filter((d) => d.ruleId === 'pod-security').map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual(['web.yaml:10:20 error violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)']);
  });

  it('checks nothing without a level (the controller\'s default is privileged)', () => {
    const dir = tempTree(files);
    expect(validate(['web.yaml'], { cwd: dir }).diagnostics.filter((d) => d.ruleId === 'pod-security')).toEqual([]);
  });
});

describe('check: Pod Security Standards', () => {
  it('reports the enforce level at the field, and the dry run creates none of the refused pods', () => {
    const dir = tempTree(files);
    const result = check(['ns.yaml', 'web.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    const found = result.diagnostics.filter((d) => d.ruleId === 'pod-security');
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message}`)).toEqual(['web.yaml:10:20 error violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)']);
    expect(result.schedule?.refused).toEqual([{ namespace: 'shop', name: 'web', kind: 'Deployment', message: 'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)' }]);
    expect(result.schedule?.summary.pods).toBe(0);
  });

  it('schedules the same workload when its namespace allows it', () => {
    const dir = tempTree({ ...files, 'ns.yaml': files['ns.yaml'].replace('enforce: baseline', 'enforce: privileged') });
    const result = check(['ns.yaml', 'web.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    expect(result.diagnostics.filter((d) => d.ruleId === 'pod-security')).toEqual([]);
    expect(result.schedule?.summary).toMatchObject({ pods: 2, scheduled: 2, refused: 0 });
  });

  it('kubeproof schedule leaves the refused workload out too, with the refusal', () => {
    const dir = tempTree(files);
    const result = schedule(['ns.yaml', 'web.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    expect(result.report.refused.map((r) => r.message)).toEqual(['violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true)']);
    expect(result.diagnostics.filter((d) => d.ruleId === 'pod-security').map((d) => d.severity)).toEqual(['error']);
  });

  it('leaves out a workload a ValidatingAdmissionPolicy Deny binding refuses, in check --nodes and kubeproof schedule', () => {
    const policy = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: {name: no-host-network}
spec:
  failurePolicy: Fail
  matchConstraints:
    resourceRules: [{apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments]}]
  validations:
  - expression: "!has(object.spec.template.spec.hostNetwork) || !object.spec.template.spec.hostNetwork"
    message: host networking is not allowed
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: {name: no-host-network}
spec:
  policyName: no-host-network
  validationActions: [Deny]
`;
    const dir = tempTree({ ...files, 'ns.yaml': files['ns.yaml'].replace('enforce: baseline', 'enforce: privileged'), 'policy.yaml': policy });
    const message = "ValidatingAdmissionPolicy 'no-host-network' with binding 'no-host-network' denied request: host networking is not allowed";
    const checked = check(['ns.yaml', 'web.yaml', 'policy.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    expect(checked.schedule?.refused).toEqual([{ namespace: 'shop', name: 'web', kind: 'Deployment', message }]);
    const scheduled = schedule(['ns.yaml', 'web.yaml', 'policy.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    expect(scheduled.report.refused.map((r) => r.message)).toEqual([message]);
  });
});
