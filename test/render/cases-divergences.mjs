// Rendering cases for the divergences found on real repositories (issue 16, item 4): each was
// checked against kustomize v5.5 and pinned here; make-cases.mjs records kustomize's output.
const k = (body) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;
const cm = (name, data = 'key: value') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const sts = (claims = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: c
        image: postgres
${claims}`;
const binding = (subjects) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: r
subjects:
${subjects}`;
const webhook = (kind) => `apiVersion: admissionregistration.k8s.io/v1
kind: ${kind}
metadata:
  name: hook
webhooks:
- name: hook.example.com
  admissionReviewVersions: [v1]
  sideEffects: None
  clientConfig:
    service:
      name: webhook-service
      namespace: system
      path: /validate
`;

export const divergenceCases = {
  'block-scalar-at-end-without-newline': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nginx\ndata:\n  nginx.conf: |\n    server {\n      listen 80;\n    }' },
  'block-scalar-generator-file-without-newline': { 'kustomization.yaml': k('configMapGenerator:\n- name: conf\n  files: [a.conf]\n'), 'a.conf': 'line one\nline two' },
  'smp-null-fields-in-patched-resource': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n  annotations:\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n      containers:\n      - name: c\n        image: nginx\n        args:\n', 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n' },
  // A null spelt out stays (controller-gen's `creationTimestamp: null` in kubeflow's CRDs); `~` and empty values go.
  'smp-written-null-kept': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  creationTimestamp: null\n  labels:\n  namespace: ~\nspec:\n  selector:\n    matchLabels: {app: web}\n  strategy: null\n  template:\n    metadata:\n      creationTimestamp: null\n      labels: {app: web}\n    spec:\n      containers:\n      - name: c\n        image: nginx\n        args: null\n        command:\n        resources: {}\n", 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n' },
  'empty-annotations-dropped': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n  labels:\ndata:\n  x: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations: {}\n  labels: {}\n' },
  'generator-secret-without-sources': { 'kustomization.yaml': k('secretGenerator:\n- name: empty\nconfigMapGenerator:\n- name: empty-cm\n') },
  'generator-legacy-env-field': { 'kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  env: a.env\n  envs: [b.env]\n'), 'a.env': 'A=1\n', 'b.env': 'B=2\n' },
  'generator-unknown-behavior': { 'kustomization.yaml': k('resources:\n- r.yaml\nconfigMapGenerator:\n- name: cfg\n  behavior: add\n  literals: [a=1]\n'), 'r.yaml': cm('other') },
  'generator-unknown-behavior-existing': { 'kustomization.yaml': k('resources:\n- base\nconfigMapGenerator:\n- name: cfg\n  behavior: add\n  literals: [b=2]\n'), 'base/kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  literals: [a=1]\n') },
  'namespace-rolebinding-default-and-sa': { 'kustomization.yaml': k('namespace: apps\nresources:\n- r.yaml\n'), 'r.yaml': binding('- kind: ServiceAccount\n  name: default\n  namespace: kube-system\n- kind: ServiceAccount\n  name: app\n  namespace: other\n- kind: ServiceAccount\n  name: nons\n- kind: User\n  name: alice\n  namespace: x\n- kind: Group\n  name: default\n') + '---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n  namespace: other\n' },
  'namespace-rolebinding-subject-of-overlay': { 'kustomization.yaml': k('namespace: prod\nnamePrefix: p-\nresources:\n- base\n'), 'base/kustomization.yaml': k('namespace: base-ns\nresources:\n- r.yaml\n'), 'base/r.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n---\n' + binding('- kind: ServiceAccount\n  name: sa\n  namespace: base-ns\n- kind: ServiceAccount\n  name: sa\n  namespace: elsewhere\n') },
  'namespace-rolebinding-subject-without-namespace': { 'kustomization.yaml': k('namespace: x\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n  namespace: x\n---\n' + binding('- kind: ServiceAccount\n  name: a\n- kind: ServiceAccount\n  name: b\n- kind: ServiceAccount\n  name: a\n  namespace: q\n') },
  'statefulset-without-claims-labels': { 'kustomization.yaml': k('commonLabels:\n  team: t\nlabels:\n- pairs: {tier: db}\n  includeSelectors: true\nresources:\n- r.yaml\n'), 'r.yaml': sts() },
  'statefulset-with-claims-labels': { 'kustomization.yaml': k('commonLabels:\n  team: t\nresources:\n- r.yaml\n'), 'r.yaml': sts('  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n') },
  'error-namespace-yaml11-boolean': { 'kustomization.yaml': k('namespace: n\nresources:\n- r.yaml\n'), 'r.yaml': cm('a') },
  'error-namespace-yaml11-on': { 'kustomization.yaml': k('namespace: on\nresources:\n- r.yaml\n'), 'r.yaml': cm('a') },
  'configmap-key-leading-zero': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  012: x\n  0x1F: y\n  1_000: z\n' },
  'common-annotations-key-on': { 'kustomization.yaml': k('commonAnnotations:\n  on: "yes"\nresources:\n- r.yaml\n'), 'r.yaml': cm('a') },
  'error-overlay-inside-base': { 'kustomization.yaml': k('namePrefix: o-\nresources:\n- ..\n'), '../kustomization.yaml': k('resources:\n- r.yaml\n'), '../r.yaml': cm('a') },
  'error-labels-pairs-yaml11-boolean': { 'kustomization.yaml': k('labels:\n- pairs:\n    a: yes\nresources:\n- r.yaml\n'), 'r.yaml': cm('a') },
  'error-common-labels-yaml11-boolean': { 'kustomization.yaml': k('commonLabels:\n  enabled: yes\nresources:\n- r.yaml\n'), 'r.yaml': cm('a') },
  'error-first-refusal-wins': { 'kustomization.yaml': k('resources:\n- missing.yaml\nvars:\n- name: X\n  objref: {kind: ConfigMap, name: a, apiVersion: v1}\n') },
  'smp-target-set-based-selector': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n    labelSelector: tier=backend,env!=dev\n  patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n    data: {one: "1"}\n- target:\n    labelSelector: expose in (public, partner)\n  patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n    data: {two: "2"}\n- target:\n    labelSelector: "!env"\n  patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: x}\n    data: {three: "3"}\n'), 'r.yaml': ['backend,dev,public', 'backend,prod,partner', 'frontend,prod,none', 'backend,,public'].map((t, i) => { const [tier, env, expose] = t.split(','); return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n  labels:\n    tier: ${tier}\n${env ? `    env: ${env}\n` : ''}    expose: ${expose}\ndata: {}\n`; }).join('---\n') },
  'replacements-keep-number-type': { 'kustomization.yaml': k('resources:\n- r.yaml\nreplacements:\n- source: {kind: ConfigMap, name: cfg, fieldPath: data.replicas}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [spec.replicas]\n- source: {kind: Deployment, name: web, fieldPath: spec.template.spec.terminationGracePeriodSeconds}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [spec.minReadySeconds]\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.grace]\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata:\n  replicas: "3"\n  grace: x\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 1\n  minReadySeconds: 0\n  template:\n    spec:\n      terminationGracePeriodSeconds: 30\n      containers: [{name: c, image: nginx}]\n' },
  'replacements-number-into-created-field': { 'kustomization.yaml': k('resources:\n- r.yaml\nreplacements:\n- source: {kind: ConfigMap, fieldPath: spec.n}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [metadata.annotations.x, metadata.labels.y, spec.new]\n    options: {create: true}\n- source: {kind: ConfigMap, fieldPath: spec.f}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [metadata.labels.z, spec.deep.er]\n    options: {create: true}\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {}\nspec:\n  n: 30\n  f: 1.5\n' },
  'annotations-values-become-strings': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    a: 1\n    b: true\n    c: 1.5\n  labels:\n    d: 1\n' },
  'big-integers-keep-digits': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  big: 12345678901234567890\n  neg: -98765432109876543210\n  small: 1\n  float: 1.50\n', 'p.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  other: 99999999999999999999\n' },
  'prefix-namespace-webhook-services': { 'kustomization.yaml': k('namespace: sys\nnamePrefix: p-\nresources:\n- r.yaml\n'), 'r.yaml': webhook('MutatingWebhookConfiguration') + '---\n' + webhook('ValidatingWebhookConfiguration').replace('name: hook\n', 'name: vhook\n') + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: webhook-service\n  namespace: system\nspec:\n  ports: [{port: 443}]\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: things.example.com\nspec:\n  group: example.com\n  names: {kind: Thing, plural: things}\n  scope: Namespaced\n  versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]\n  conversion:\n    strategy: Webhook\n    webhook:\n      conversionReviewVersions: [v1]\n      clientConfig:\n        service:\n          name: webhook-service\n          namespace: system\n          path: /convert\n' },
};
