// Rendering cases for how kustomize decodes kustomization.yaml (Go's encoding/json, strict, after
// sigs.k8s.io/yaml): keys matched case-insensitively, the later of two keys naming one field
// (in byte order) winning, unknown and mistyped nested fields refused. make-cases.mjs records
// kustomize's output; src/render/go-json.ts is what reproduces it.
const k = (body) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;
const cm = (name, data = 'key: value') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: main
        image: nginx:1.25
`;
const withDeploy = (body) => ({ 'kustomization.yaml': k(`resources:\n- deploy.yaml\n${body}`), 'deploy.yaml': deploy });
const withBoth = (body) => ({ 'kustomization.yaml': k(`resources:\n- deploy.yaml\n- cm.yaml\n${body}`), 'deploy.yaml': deploy, 'cm.yaml': cm('cfg') });

export const structCases = {
  'struct-images-lowercase-newtag': withDeploy('images:\n- name: nginx\n  newtag: v2\n'),
  'struct-images-upper-case-keys': withDeploy('images:\n- NAME: nginx\n  NewTag: v3\n'),
  'struct-top-level-name-prefix-capitalised': withDeploy('NamePrefix: p-\n'),
  'struct-folded-keys-later-in-byte-order-wins': withDeploy('images:\n- name: nginx\n  newtag: v1\n  newTag: v2\n'),
  'struct-folded-keys-null-keeps-string': withDeploy('images:\n- name: nginx\n  newTag: v1\n  newtag: null\n'),
  'struct-namespace-long-s-folds': withDeploy('nameſpace: team\n'),
  'struct-patches-target-case-insensitive': withDeploy('patches:\n- Patch: |\n    - op: replace\n      path: /spec/replicas\n      value: 4\n  TARGET:\n    Kind: Deployment\n    NAME: web\n'),
  'struct-replicas-case-insensitive': withDeploy('replicas:\n- Name: web\n  COUNT: 3\n'),
  'struct-replicas-count-whole-float': withDeploy('replicas:\n- name: web\n  count: 2.0\n'),
  'struct-configmap-generator-case-insensitive': {
    'kustomization.yaml': k('resources:\n- base\nconfigMapGenerator:\n- Name: cfg\n  Behavior: merge\n  LITERALS:\n  - b=2\n'),
    'base/kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  literals:\n  - a=1\n'),
  },
  'struct-labels-case-insensitive': withDeploy('labels:\n- Pairs:\n    team: a\n  IncludeSelectors: true\n'),
  'struct-replacements-case-insensitive': withBoth('replacements:\n- Source:\n    Kind: ConfigMap\n    Name: cfg\n    FieldPath: data.key\n  Targets:\n  - Select:\n      Kind: Deployment\n    FieldPaths:\n    - spec.template.metadata.annotations.from\n    Options:\n      Create: true\n'),
  // A struct or a map named by two keys is decoded into twice: the second adds to the first.
  'struct-folded-struct-keys-merge': withDeploy('patches:\n- patch: |\n    - op: replace\n      path: /spec/replicas\n      value: 5\n  target: {kind: Deployment}\n  Target: {name: nope}\n'),
  'struct-folded-map-keys-merge': withDeploy('commonLabels: {a: x}\nCommonLabels: {b: z}\n'),
  // A map[string]string value given null is the empty string.
  'struct-map-null-value-is-empty-string': withDeploy('commonAnnotations: {a: null}\nlabels:\n- pairs: {team: ~}\n'),
  'error-struct-images-unknown-field': withDeploy('images:\n- name: nginx\n  foo: v2\n'),
  'error-struct-images-newtag-yaml11-bool': withDeploy('images:\n- name: nginx\n  newtag: y\n'),
  'error-struct-first-unknown-in-byte-order': withDeploy('images:\n- name: nginx\n  zzz: 1\n  aaa: 2\n'),
  'error-struct-images-entry-scalar': withDeploy('images:\n- 5\n'),
  'error-struct-replicas-count-fraction': withDeploy('replicas:\n- name: web\n  count: 1.5\n'),
  'error-struct-replicas-count-string': withDeploy('replicas:\n- name: web\n  count: "3"\n'),
  'error-struct-patch-target-unknown-field': withDeploy('patches:\n- patch: "[]"\n  target:\n    kind: Deployment\n    skip: true\n'),
  'error-struct-generator-behavior-number': withDeploy('configMapGenerator:\n- name: cfg\n  behavior: 5\n'),
  'error-struct-generator-literals-number': withDeploy('configMapGenerator:\n- name: cfg\n  literals:\n  - 5\n'),
  'error-struct-generator-unknown-field': withDeploy('configMapGenerator:\n- name: cfg\n  literals: [a=b]\n  immutable: true\n'),
  'error-struct-labels-include-selectors-number': withDeploy('labels:\n- pairs: {team: a}\n  includeSelectors: 1\n'),
  'error-struct-replacement-options-index-string': withBoth('replacements:\n- source: {kind: ConfigMap, name: cfg}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [metadata.name]\n    options: {delimiter: "-", index: x}\n'),
  'error-struct-replacement-source-unknown-field': withBoth('replacements:\n- source: {kind: ConfigMap, name: cfg, fullText: x}\n  targets: []\n'),
  'error-struct-sort-options-order-first-scalar': withDeploy('sortOptions:\n  order: legacy\n  legacySortOptions:\n    orderFirst: Deployment\n'),
  'error-struct-vars-objref-kind-number': withDeploy('vars:\n- name: V\n  objref: {kind: 5, name: web}\n'),
  'error-struct-kind-kelvin-sign-folds': withDeploy('\u212aind: 5\n'),
  'error-struct-unknown-key-with-tab': withDeploy('images:\n- name: nginx\n  "new\\ttag": v1\n'),
  'error-struct-metadata-unknown-field': withDeploy('metadata:\n  name: app\n  uid: x\n'),
};
