/**
 * Admission sees the object after the API server has defaulted it (schema/defaults): a policy on a
 * field the manifest leaves out reads the value the cluster would fill in, not a missing key.
 */
import { describe, expect, it } from 'vitest';
import { binding, DEPLOYMENT_RULES, policy, policyFindings } from './helpers.js';

const BIND = binding('b', 'policyName: p\nvalidationActions: [Deny]');
const deploymentWithout = (image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: ${image}
`;
const run = (validations: string, object = deploymentWithout(), rules = DEPLOYMENT_RULES) => policyFindings({ 'p.yaml': policy('p', `${rules}\nvalidations:\n${validations}`), 'b.yaml': BIND, 'd.yaml': object });

describe('ValidatingAdmissionPolicy on the defaulted object', () => {
  it('spec.replicas left out reads 1, as the cluster fills it in (SetDefaults_Deployment): admitted, not "no such key"', () => {
    expect(run('- expression: "object.spec.replicas <= 5"')).toEqual([]);
  });

  it('a refusal on a defaulted field points where the user would add it: the nearest parent they wrote', () => {
    expect(run('- expression: "object.spec.replicas >= 2"\n  message: at least two replicas')).toEqual([
      "admission-policy error d.yaml:5:1 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: at least two replicas",
    ]);
  });

  it('imagePullPolicy follows the image\'s tag: IfNotPresent for a version, Always for latest or no tag', () => {
    // At the containers the expression reads, where an imagePullPolicy would be added.
    const always = '- expression: "object.spec.template.spec.containers.all(c, c.imagePullPolicy == \'Always\')"\n  message: pull always';
    expect(run(always)).toEqual(["admission-policy error d.yaml:11:7 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: pull always"]);
    expect(run(always, deploymentWithout('nginx'))).toEqual([]);
    expect(run(always, deploymentWithout('nginx:latest'))).toEqual([]);
  });

  it('strategy, revisionHistoryLimit and the pod template\'s defaults are there too', () => {
    expect(run(`- expression: "object.spec.strategy.type == 'RollingUpdate' && object.spec.strategy.rollingUpdate.maxSurge == '25%'"
- expression: "object.spec.revisionHistoryLimit == 10 && object.spec.template.spec.restartPolicy == 'Always'"
- expression: "object.spec.template.spec.containers[0].terminationMessagePolicy == 'File'"`)).toEqual([]);
  });

  it('a Service: type ClusterIP, ports\' protocol TCP and targetPort the port', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n';
    const rules = 'matchConstraints:\n  resourceRules:\n  - apiGroups: [""]\n    apiVersions: [v1]\n    operations: [CREATE]\n    resources: [services]';
    expect(run(`- expression: "object.spec.type == 'ClusterIP'"\n- expression: "object.spec.ports.all(p, p.protocol == 'TCP' && p.targetPort == p.port)"`, service, rules)).toEqual([]);
    expect(run(`- expression: "object.spec.type != 'ClusterIP'"\n  message: no ClusterIP`, service, rules)).toEqual(["admission-policy error d.yaml:5:1 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: no ClusterIP"]);
  });

  it('a custom resource gets its CRD schema\'s defaults', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer, default: 3}
`;
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n';
    const rules = 'matchConstraints:\n  resourceRules:\n  - apiGroups: [example.com]\n    apiVersions: [v1]\n    operations: [CREATE]\n    resources: [widgets]';
    const found = policyFindings({ 'crd.yaml': crd, 'p.yaml': policy('p', `${rules}\nvalidations:\n- expression: "object.spec.size <= 2"\n  message: too big`), 'b.yaml': BIND, 'w.yaml': widget });
    expect(found).toEqual(["admission-policy error w.yaml:5:1 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: too big"]);
  });

  it('objectSelector matches the labels a Job gets from its template (SetDefaults_Job)', () => {
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    metadata: {labels: {team: a}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: "busybox:1.36"}]\n';
    const rules = 'matchConstraints:\n  objectSelector: {matchLabels: {team: a}}\n  resourceRules:\n  - apiGroups: [batch]\n    apiVersions: [v1]\n    operations: [CREATE]\n    resources: [jobs]';
    expect(run('- expression: "object.spec.backoffLimit <= 3"\n  message: retries', job, rules)).toEqual(["admission-policy error d.yaml:5:1 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: retries"]);
  });
});

describe('ValidatingAdmissionPolicy: params and namespaceObject are read from the cluster, stored defaulted', () => {
  it('a ConfigMap param without data has data {} (SetDefaults_ConfigMap); a Namespace has its phase', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nparamKind: {apiVersion: v1, kind: ConfigMap}\nvalidations:\n- expression: "size(params.data) == 0 && namespaceObject.status.phase == 'Active'"\n  message: not defaulted`);
    const b = binding('b', 'policyName: p\nvalidationActions: [Deny]\nparamRef: {name: empty, parameterNotFoundAction: Deny}');
    const files = { 'p.yaml': p, 'b.yaml': b, 'c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n  namespace: team\n', 'n.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n', 'd.yaml': deploymentWithout().replace('  name: web\n', '  name: web\n  namespace: team\n') };
    expect(policyFindings(files)).toEqual([]);
  });
});
