// Rendering cases: each a small kustomization tree. `node test/render/make-cases.mjs` writes them
// under test/render/cases/ with kustomize's own output (kubectl kustomize) as expected.yaml, or
// its error as kustomize-error.txt; the test suite needs neither kubectl nor this file's helpers.
const deploy = (name, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: main
        image: nginx:1.25
        ports:
        - containerPort: 8080
          name: http
${extra}`;
const svc = (name) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: http
`;
const cm = (name, data = 'key: value') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const k = (body) => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${body}`;
const withEnv = `        envFrom:
        - configMapRef:
            name: app-config
        - secretRef:
            name: app-secret
        env:
        - name: DB
          valueFrom:
            secretKeyRef:
              name: app-secret
              key: db
        volumeMounts:
        - name: cfg
          mountPath: /etc/app
      volumes:
      - name: cfg
        configMap:
          name: app-config
      serviceAccountName: app
`;

export const cases = {
  'resources-single-file': { 'kustomization.yaml': k('resources:\n- deploy.yaml\n'), 'deploy.yaml': deploy('web') },
  'resources-multi-doc': { 'kustomization.yaml': k('resources:\n- all.yaml\n'), 'all.yaml': deploy('web') + '---\n' + svc('web') + '---\n' + cm('cfg') },
  'resources-list-kind': { 'kustomization.yaml': k('resources:\n- list.yaml\n'), 'list.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n' },
  'resources-nested-dirs': { 'kustomization.yaml': k('resources:\n- base\n- extra.yaml\n'), 'base/kustomization.yaml': k('resources:\n- ../lib\n- deploy.yaml\n'), 'base/deploy.yaml': deploy('web'), 'lib/kustomization.yaml': k('resources:\n- cm.yaml\n'), 'lib/cm.yaml': cm('lib') , 'extra.yaml': svc('web') },
  'legacy-order-many-kinds': {
    'kustomization.yaml': k('resources:\n- r.yaml\n'),
    'r.yaml': [deploy('z'), svc('z'), cm('b'), cm('a'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n', 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa}\n', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n', 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: busybox}]\n', 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: v}\n', 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec: {minAvailable: 1}\n', 'apiVersion: v1\nkind: Pod\nmetadata: {name: pod, namespace: x}\nspec:\n  containers: [{name: c, image: busybox}]\n'].join('---\n'),
  },
  'sort-fifo': { 'kustomization.yaml': k('sortOptions:\n  order: fifo\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + cm('a') },
  'formatting-scalars': { 'kustomization.yaml': k('resources:\n- cm.yaml\n'), 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fmt\n  annotations:\n    long: "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna"\ndata:\n  yes_: "yes"\n  num: "123"\n  multi: |\n    a\n    b\n  star: "*x"\n  colon: "a: b"\n  empty: ""\n  tab: "a\\tb"\n  emoji: "\\U0001F600"\n  date: "2024-01-01"\n  ver: "1.27-alpine"\n' },
  'formatting-typed-values': { 'kustomization.yaml': k('resources:\n- t.yaml\n'), 't.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  a: 1.0\n  b: 1e3\n  c: 0x10\n  d: 0777\n  e: yes\n  f: ~\n  g: 2024-01-01\n  h: 1234567.5\n  i: [1, "2", true]\n  j: {}\n  k: []\n  l: 0.00001\n' },
  'namespace-basic': { 'kustomization.yaml': k('namespace: prod\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + svc('web') + '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: cr}\nrules: []\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: old}\n' },
  'namespace-overrides-existing': { 'kustomization.yaml': k('namespace: prod\nresources:\n- r.yaml\n'), 'r.yaml': cm('a').replace('name: a', 'name: a\n  namespace: dev') },
  'namespace-rolebinding-subjects': { 'kustomization.yaml': k('namespace: team\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}\nsubjects:\n- {kind: ServiceAccount, name: app}\n- {kind: ServiceAccount, name: default}\n- {kind: User, name: alice}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: crb}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: c}\nsubjects:\n- {kind: ServiceAccount, name: app}\n' },
  'prefix-suffix': { 'kustomization.yaml': k('namePrefix: pre-\nnameSuffix: -suf\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + svc('web') },
  'prefix-skips-namespace-crd': { 'kustomization.yaml': k('namePrefix: p-\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n---\napiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions: []\n---\n' + cm('a') },
  'prefix-name-references': { 'kustomization.yaml': k('namePrefix: p-\nresources:\n- r.yaml\n'), 'r.yaml': deploy('app', withEnv) + '---\n' + cm('app-config') + '---\napiVersion: v1\nkind: Secret\nmetadata: {name: app-secret}\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app}\n' },
  'prefix-overlay-composes': { 'kustomization.yaml': k('namePrefix: o-\nresources:\n- base\n'), 'base/kustomization.yaml': k('namePrefix: b-\nnameSuffix: -s\nresources:\n- r.yaml\n'), 'base/r.yaml': cm('cfg') },
  'prefix-hpa-statefulset-service': { 'kustomization.yaml': k('namePrefix: x-\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: postgres}]\n---\n' + svc('db') + '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: db}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: db}\n  maxReplicas: 3\n' },
  'prefix-ingress-backend': { 'kustomization.yaml': k('namePrefix: x-\nresources:\n- r.yaml\n'), 'r.yaml': svc('web') + '---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  tls: [{hosts: [a.example.com], secretName: tls}]\n  rules:\n  - host: a.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls}\n' },
  'prefix-rbac-binding': { 'kustomization.yaml': k('namePrefix: x-\nnamespace: ns\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader}\nrules: []\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: reader}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: bot}]\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: bot}\n' },
  'prefix-pvc-reference': { 'kustomization.yaml': k('nameSuffix: -v2\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: {requests: {storage: 1Gi}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox}]\n  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n' },
  'common-labels': { 'kustomization.yaml': k('commonLabels:\n  team: a\n  app.kubernetes.io/part-of: shop\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + svc('web') + '---\n' + cm('c') },
  'common-labels-workloads': { 'kustomization.yaml': k('commonLabels:\n  team: a\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: busybox}]\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: ss}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: busybox}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {matchLabels: {a: b}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec:\n  selector: {matchLabels: {a: b}}\n' },
  'labels-without-selectors': { 'kustomization.yaml': k('labels:\n- pairs:\n    env: dev\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + svc('web') },
  'labels-include-templates': { 'kustomization.yaml': k('labels:\n- pairs:\n    env: dev\n  includeTemplates: true\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'labels-include-selectors': { 'kustomization.yaml': k('labels:\n- pairs:\n    env: dev\n  includeSelectors: true\n- pairs:\n    tier: web\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + svc('web') },
  'common-annotations': { 'kustomization.yaml': k('commonAnnotations:\n  owner: team-a\n  note: "true"\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') + '---\n' + cm('c') },
  'images-new-tag': { 'kustomization.yaml': k('images:\n- name: nginx\n  newTag: "1.27"\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'images-new-name-and-digest': { 'kustomization.yaml': k('images:\n- name: nginx\n  newName: registry.example.com/nginx\n  digest: sha256:abc123\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'images-init-containers-and-cronjob': { 'kustomization.yaml': k('images:\n- name: busybox\n  newTag: "1.36"\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cj}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          initContainers: [{name: i, image: busybox}]\n          containers: [{name: c, image: "busybox:1.0"}, {name: d, image: "other/busybox:1"}]\n' },
  'images-registry-port': { 'kustomization.yaml': k('images:\n- name: my.reg:5000/app\n  newTag: v2\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web').replace('nginx:1.25', 'my.reg:5000/app:v1') },
  'images-custom-resource': { 'kustomization.yaml': k('images:\n- name: nginx\n  newTag: "2"\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: example.com/v1\nkind: App\nmetadata: {name: a}\nspec:\n  deep:\n    containers: [{name: c, image: nginx}]\n' },
  'replicas': { 'kustomization.yaml': k('replicas:\n- name: web\n  count: 5\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'replicas-after-prefix': { 'kustomization.yaml': k('namePrefix: p-\nreplicas:\n- name: web\n  count: 2\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'generator-literals': { 'kustomization.yaml': k('configMapGenerator:\n- name: cm1\n  literals:\n  - K1=v1\n  - K2="quoted v"\n  - K3=\'single\'\n  - K4=a=b\n  - K5=\n') },
  'generator-secret': { 'kustomization.yaml': k('secretGenerator:\n- name: s1\n  literals:\n  - user=admin\n  - pw=secret\n- name: tls\n  type: kubernetes.io/tls\n  literals:\n  - tls.crt=c\n  - tls.key=k\n') },
  'generator-files-and-envs': { 'kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  files:\n  - app.properties\n  - renamed=app.properties\n  envs:\n  - vars.env\n'), 'app.properties': 'a=1\nb=2\n', 'vars.env': 'A=1\n# comment\n\nexport B=2\nC="quoted"\nD=x=y\nF\n' },
  'generator-options': { 'kustomization.yaml': k('generatorOptions:\n  disableNameSuffixHash: true\n  labels:\n    generated: "yes"\n  annotations:\n    note: gen\nconfigMapGenerator:\n- name: plain\n  literals: [a=1]\n- name: immutable\n  literals: [b=2]\n  options:\n    immutable: true\n    labels:\n      extra: x\n') },
  'generator-long-secret': { 'kustomization.yaml': k('secretGenerator:\n- name: long\n  literals:\n  - k=012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789\n') },
  'generator-reference-hash': { 'kustomization.yaml': k('configMapGenerator:\n- name: app-config\n  literals: [LOG=info]\nsecretGenerator:\n- name: app-secret\n  literals: [db=postgres]\nresources:\n- r.yaml\n'), 'r.yaml': deploy('app', withEnv) },
  'generator-merge-overlay': { 'kustomization.yaml': k('resources:\n- base\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2, a=10]\n'), 'base/kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  literals: [a=1, c=3]\n') },
  'generator-replace-overlay': { 'kustomization.yaml': k('resources:\n- base\nconfigMapGenerator:\n- name: cfg\n  behavior: replace\n  literals: [z=26]\n'), 'base/kustomization.yaml': k('namespace: ns\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n') },
  'generator-merge-missing': { 'kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [a=1]\n') },
  'generator-duplicate-key': { 'kustomization.yaml': k('configMapGenerator:\n- name: cfg\n  literals: [a=1, a=2]\n') },
  'generator-in-namespace-with-prefix': { 'kustomization.yaml': k('namespace: app\nnamePrefix: x-\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, envFrom: [{configMapRef: {name: cfg}}]}]\n' },
  'smp-containers-by-name': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web').replace("      - name: main\n", "      - name: log\n        image: log:1\n      - name: main\n"), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        image: nginx:2\n      - name: proxy\n        image: envoy:1\n' },
  'smp-env-by-name': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web', '        env:\n        - {name: A, value: "1"}\n        - {name: B, value: "2"}\n        - {name: C, value: "3"}\n'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        env:\n        - {name: C, valueFrom: {secretKeyRef: {name: s, key: c}}}\n        - {name: D, value: "4"}\n        - {name: A, value: "10"}\n' },
  'smp-ports-two-keys': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web').replace('        - containerPort: 8080\n          name: http\n', '        - {containerPort: 8080, protocol: TCP, name: http}\n        - {containerPort: 53, protocol: UDP, name: dns}\n'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        ports:\n        - {containerPort: 53, protocol: TCP, name: dns-tcp}\n        - {containerPort: 8080, protocol: TCP, hostPort: 80}\n' },
  'smp-delete-container': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web').replace("      - name: main\n", "      - name: debug\n        image: busybox\n      - name: main\n"), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: debug, $patch: delete}\n      - {name: ghost, $patch: delete}\n' },
  'smp-replace-map': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web', '        resources:\n          limits: {cpu: "1", memory: 1Gi}\n          requests: {cpu: 500m}\n      nodeSelector: {disk: ssd, zone: a}\n'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      nodeSelector: {$patch: replace, pool: gpu}\n      containers:\n      - name: main\n        resources: {$patch: replace, limits: {memory: 2Gi}}\n' },
  'smp-null-deletes': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web').replace('  labels:\n    app: web\nspec:', '  labels:\n    app: web\n    legacy: "yes"\n  annotations:\n    keep: "1"\n    drop: "2"\nspec:'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    legacy: null\n  annotations:\n    drop: ~\nspec:\n  replicas: null\n' },
  'smp-custom-resource-replaces-lists': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  finalizers: [a]\nspec:\n  config: {keep: 1, tune: {x: 1, y: 2}}\n  backends: [{name: a, weight: 1}, {name: b, weight: 2}]\n', 'p.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n  finalizers: [b]\nspec:\n  config:\n    tune: {y: 20, z: 3}\n  backends: [{name: b, weight: 20}]\n' },
  'smp-tolerations-replaced': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web', '      tolerations:\n      - {key: dedicated, operator: Equal, value: infra, effect: NoSchedule}\n      - {key: spot, operator: Exists}\n'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      tolerations:\n      - {key: gpu, operator: Exists, effect: NoSchedule}\n' },
  'smp-finalizers-set': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': cm('a').replace('name: a', 'name: a\n  finalizers: [a, b, c]'), 'p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  finalizers: [d, b]\n' },
  'smp-volumes-and-mounts': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web', '        volumeMounts:\n        - {name: data, mountPath: /data}\n      volumes:\n      - {name: data, emptyDir: {}}\n      - {name: cfg, configMap: {name: cfg}}\n'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: main\n        volumeMounts:\n        - {name: cache, mountPath: /cache}\n        - {name: data, mountPath: /data, readOnly: true}\n      volumes:\n      - {name: data, emptyDir: null, persistentVolumeClaim: {claimName: pvc}}\n      - {name: cache, emptyDir: {}}\n' },
  'smp-inline-patch': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 3\n'), 'r.yaml': deploy('web') },
  'smp-target-selector': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target:\n    kind: Deployment\n    labelSelector: tier=web\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: ignored\n    spec:\n      replicas: 4\n'), 'r.yaml': deploy('a').replace('app: a\nspec', 'app: a\n    tier: web\nspec') + '---\n' + deploy('b') },
  'smp-target-name-regex': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target:\n    kind: ConfigMap\n    name: web-.*\n  patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: x\n    data:\n      added: "1"\n'), 'r.yaml': cm('web-a') + '---\n' + cm('web') + '---\n' + cm('web-b') },
  'smp-delete-resource': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- patch: |-\n    $patch: delete\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: gone\n'), 'r.yaml': cm('gone') + '---\n' + cm('kept') },
  'smp-legacy-patches-strategic-merge': { 'kustomization.yaml': k('resources:\n- r.yaml\npatchesStrategicMerge:\n- p.yaml\n'), 'r.yaml': deploy('web'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 7\n' },
  'smp-overlay-patches-prefixed-base': { 'kustomization.yaml': k('resources:\n- base\npatches:\n- path: p.yaml\n'), 'base/kustomization.yaml': k('namePrefix: b-\nresources:\n- r.yaml\n'), 'base/r.yaml': deploy('web'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 9\n' },
  'smp-no-match-error': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': deploy('web'), 'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: nomatch}\nspec:\n  replicas: 2\n' },
  'smp-target-matches-nothing': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target: {kind: StatefulSet}\n  patch: |-\n    apiVersion: apps/v1\n    kind: StatefulSet\n    metadata: {name: x}\n    spec: {replicas: 2}\n'), 'r.yaml': deploy('web') },
  'smp-quoted-string-stays-string': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  a: "1"\n  b: 2\n', 'p.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  a: 5\n  b: 3\n' },
  'json6902-ops': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target:\n    kind: Deployment\n    name: web\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 3\n    - op: add\n      path: /metadata/annotations\n      value: {a: b}\n    - op: add\n      path: /spec/template/spec/containers/0/args\n      value: ["--x"]\n    - op: remove\n      path: /metadata/labels/app\n'), 'r.yaml': deploy('web') },
  'json6902-append-and-copy': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: add\n      path: /spec/template/spec/containers/-\n      value: {name: side, image: busybox}\n    - op: copy\n      from: /metadata/name\n      path: /metadata/labels/copied\n'), 'r.yaml': deploy('web') },
  'json6902-test-fails': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: test\n      path: /spec/replicas\n      value: 2\n'), 'r.yaml': deploy('web') },
  'json6902-missing-path': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: remove\n      path: /spec/nothere\n'), 'r.yaml': deploy('web') },
  'json6902-legacy-after-labels': { 'kustomization.yaml': k('commonLabels:\n  team: a\nresources:\n- r.yaml\npatchesJson6902:\n- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: ops.yaml\n'), 'r.yaml': deploy('web'), 'ops.yaml': '- op: remove\n  path: /metadata/labels/team\n' },
  'components': { 'kustomization.yaml': k('resources:\n- r.yaml\ncomponents:\n- ../comp\n'), 'r.yaml': deploy('web'), '../comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncommonAnnotations:\n  comp: "on"\nresources:\n- extra.yaml\nconfigMapGenerator:\n- name: comp-cfg\n  literals: [x=1]\n', '../comp/extra.yaml': svc('web') },
  'component-used-as-resource': { 'kustomization.yaml': k('resources:\n- ../comp\n'), '../comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n' },
  'base-reused-by-two': { 'kustomization.yaml': k('resources:\n- a\n- b\n'), 'a/kustomization.yaml': k('namePrefix: a-\nresources:\n- ../base\n'), 'b/kustomization.yaml': k('namePrefix: b-\nresources:\n- ../base\n'), 'base/kustomization.yaml': k('resources:\n- r.yaml\nconfigMapGenerator:\n- name: cm\n  literals: [k=v]\n'), 'base/r.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox, envFrom: [{configMapRef: {name: cm}}]}]\n' },
  'error-duplicate-id': { 'kustomization.yaml': k('resources:\n- a.yaml\n- b.yaml\n'), 'a.yaml': cm('x'), 'b.yaml': cm('x') },
  'error-outside-root': { 'kustomization.yaml': k('resources:\n- ../outside.yaml\n'), '../outside.yaml': cm('o') },
  'error-cycle': { 'kustomization.yaml': k('resources:\n- ../b\n'), '../b/kustomization.yaml': k('resources:\n- ../a\n'), '../a/kustomization.yaml': k('resources:\n- ../b\n') },
  'error-missing-file': { 'kustomization.yaml': k('resources:\n- nothere.yaml\n') },
  'error-remote': { 'kustomization.yaml': k('resources:\n- https://github.com/kubernetes-sigs/kustomize//examples/multibases?ref=v1.0.6\n') },
  'error-unknown-field': { 'kustomization.yaml': k('resourcez:\n- a.yaml\n') },
  'error-dir-without-kustomization': { 'kustomization.yaml': k('resources:\n- sub\n'), 'sub/x.yaml': cm('x') },
  'error-replicas-no-match': { 'kustomization.yaml': k('replicas:\n- name: nope\n  count: 2\nresources:\n- r.yaml\n'), 'r.yaml': deploy('web') },
  'error-resource-missing-name': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata: {a: b}\n' },
  'local-config-dropped': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': cm('a').replace('name: a', 'name: a\n  annotations:\n    config.kubernetes.io/local-config: "true"') + '---\n' + cm('b') },
  'bases-legacy-field': { 'kustomization.yaml': k('bases:\n- base\nresources:\n- r.yaml\n'), 'base/kustomization.yaml': k('resources:\n- c.yaml\n'), 'base/c.yaml': cm('base'), 'r.yaml': cm('top') },
  'empty-build': { 'kustomization.yaml': k('resources: []\nnamespace: x\n') },
  'statefulset-claim-templates-prefix': { 'kustomization.yaml': k('namePrefix: p-\ncommonLabels: {team: t}\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: x\n---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  serviceName: db\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: c, image: postgres}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n' },
  'namespaced-generator-references': { 'kustomization.yaml': k('configMapGenerator:\n- {name: cm, namespace: a, literals: [x=1]}\n- {name: cm, namespace: b, literals: [x=2]}\nresources:\n- r.yaml\n'), 'r.yaml': ['a', 'b', 'c'].map((ns) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${ns}, namespace: ${ns}}\nspec:\n  containers: [{name: c, image: busybox, envFrom: [{configMapRef: {name: cm}}]}]\n`).join('---\n') },
  'keys-natural-order': { 'kustomization.yaml': k('resources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: sort}\ndata:\n  appName: a\n  app_name: b\n  app9: c\n  app10: d\n  App: f\n  "10": x\n  "9": y\n  _z: p\n' },
  'service-ports-merge': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - {port: 80, protocol: TCP, targetPort: 8080}\n  - {port: 443, protocol: TCP, targetPort: 8443}\n', 'p.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n  - {port: 443, protocol: TCP, targetPort: 9443}\n  - {port: 9000, protocol: TCP}\n' },
  'patch-after-namespace-in-base': { 'kustomization.yaml': k('resources:\n- base\npatches:\n- path: p.yaml\n'), 'base/kustomization.yaml': k('namespace: prod\nresources:\n- r.yaml\n'), 'base/r.yaml': cm('c'), 'p.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {extra: "1"}\n' },
  'build-metadata-origins': { 'kustomization.yaml': k('buildMetadata: [originAnnotations, managedByLabel]\nresources:\n- base\n- r.yaml\nconfigMapGenerator:\n- name: top\n  literals: [a=1]\n'), 'base/kustomization.yaml': k('resources:\n- b.yaml\nconfigMapGenerator:\n- name: basecm\n  literals: [b=2]\n'), 'base/b.yaml': cm('from-base'), 'r.yaml': deploy('web') },
  'replacements-delimiter-create': { 'kustomization.yaml': "namePrefix: p-\nresources:\n- r.yaml\nreplacements:\n- source:\n    kind: Deployment\n    name: web\n    fieldPath: spec.template.spec.containers.[name=main].image\n    options: {delimiter: ':', index: 1}\n  targets:\n  - select:\n      kind: ConfigMap\n      name: cm\n    fieldPaths:\n    - data.version\n    - data.missing\n    options: {create: true}\n  - select:\n      kind: Service\n    fieldPaths:\n    - metadata.annotations.ver\n    options: {create: true}\n- source:\n    kind: Service\n    name: web\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [data.svc]\n", 'r.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: main, image: "nginx:1.25"}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {version: x, svc: y}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n' },
  'replacements-from-file': { 'kustomization.yaml': k('resources:\n- r.yaml\nreplacements:\n- path: rep.yaml\n'), 'rep.yaml': 'source:\n  kind: Service\n  name: web\n  fieldPath: metadata.name\ntargets:\n- select:\n    kind: Deployment\n  fieldPaths:\n  - spec.template.spec.containers.0.env.[name=UPSTREAM].value\n', 'r.yaml': svc('web') + '---\n' + deploy('web', '        env:\n        - {name: UPSTREAM, value: x}\n') },
  'replacements-missing-target-field': { 'kustomization.yaml': k('resources:\n- r.yaml\nreplacements:\n- source: {kind: ConfigMap, name: cm, fieldPath: data.key}\n  targets:\n  - select: {kind: Service}\n    fieldPaths: [spec.nothere]\n'), 'r.yaml': cm('cm') + '---\n' + svc('web') },
  'formatting-keys-and-folding': { 'kustomization.yaml': k('resources:\n- t.yaml\n'), 't.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  ' + 'k'.repeat(130) + ': 1\n  "multi\\nline key": 2\n  list:\n  - "' + 'word '.repeat(30) + 'end"\n  - - nested\n    - list\n  - {a: 1, b: [x, y]}\n  quoted: "' + 'x'.repeat(75) + ' tail with spaces  here"\n  single: "@' + 'y'.repeat(80) + ' z"\n  "y": n\n  "on": "off"\n' },
  'multi-doc-patch-file': { 'kustomization.yaml': k('resources:\n- r.yaml\npatches:\n- path: p.yaml\n'), 'r.yaml': cm('a') + '---\n' + cm('b'), 'p.yaml': cm('a', 'x: "1"') + '---\n' + cm('b', 'y: "2"') },
  'configurations-base-reaches-overlay': {
    'kustomization.yaml': k('namePrefix: o-\nnamespace: onx\ncommonLabels: {l: v}\ncommonAnnotations: {an: v}\nimages: [{name: nginx, newTag: "2"}]\nreplicas: [{name: cert, count: 5}]\nresources:\n- base\n'),
    'base/kustomization.yaml': k('resources:\n- r.yaml\nconfigurations:\n- conf.yaml\n'),
    'base/conf.yaml': 'nameReference:\n- kind: Issuer\n  group: cert-manager.io\n  fieldSpecs:\n  - kind: Certificate\n    group: cert-manager.io\n    path: spec/issuerRef/name\nnamespace:\n- kind: Certificate\n  path: spec/ns\n  create: true\ncommonLabels:\n- kind: Certificate\n  path: spec/labels\n  create: true\ncommonAnnotations:\n- kind: Certificate\n  path: spec/ann\n  create: true\nimages:\n- kind: Certificate\n  path: spec/image\nreplicas:\n- kind: Certificate\n  path: spec/count\nnamePrefix:\n- kind: Certificate\n  path: spec/secretName\n',
    'base/r.yaml': 'apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata: {name: iss}\n---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: cert}\nspec:\n  issuerRef: {name: iss, kind: Issuer}\n  secretName: sec\n  image: nginx:1\n  count: 1\n',
  },
  'configurations-overlay-only': {
    'kustomization.yaml': k('namePrefix: p-\nresources:\n- r.yaml\nconfigurations:\n- conf.yaml\nlabels:\n- pairs: {team: a}\n  includeTemplates: true\n'),
    'conf.yaml': 'nameReference:\n- kind: ConfigMap\n  version: v1\n  fieldSpecs:\n  - kind: Widget\n    path: spec/configRef\n  - kind: Widget\n    path: spec/refs\ntemplateLabels:\n- kind: Widget\n  path: spec/template/labels\n  create: true\n',
    'r.yaml': cm('settings') + '---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  configRef: settings\n  refs: [settings, other]\n',
  },
  'namespace-crd-conversion-and-apiservice': { 'kustomization.yaml': k('namespace: x\nresources:\n- r.yaml\n'), 'r.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.b.c}\nspec:\n  conversion:\n    webhook:\n      clientConfig:\n        service: {name: s, namespace: system}\n---\napiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: v}\nwebhooks:\n- name: w\n  clientConfig:\n    service: {name: s, namespace: system}\n---\napiVersion: apiregistration.k8s.io/v1\nkind: APIService\nmetadata: {name: v1.x}\nspec:\n  service: {name: s, namespace: system}\n' },
  'error-configurations-outside-root': { 'kustomization.yaml': k('resources:\n- r.yaml\nconfigurations:\n- ../conf.yaml\n'), 'r.yaml': cm('a'), '../conf.yaml': 'varReference:\n- path: data\n' },
  'vars-objref-fieldref': {
    'kustomization.yaml': k('namePrefix: p-\nnamespace: ns1\nresources:\n- r.yaml\nvars:\n- name: SVC\n  objref: {kind: Service, version: v1, name: web}\n- name: PORT\n  objref: {kind: Service, apiVersion: v1, name: web}\n  fieldref: {fieldpath: "spec.ports[0].port"}\n- name: CMV\n  objref: {kind: ConfigMap, version: v1, name: cm}\n  fieldref: {fieldpath: data.n}\n- name: UNUSED\n  objref: {kind: ConfigMap, version: v1, name: cm}\n'),
    'r.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80, targetPort: "$(PORT)"}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {n: "3", x: "$(SVC)"}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  labels: {port: "$(PORT)"}\n  annotations: {a: "$(SVC).$(PORT)", b: "$(PORT)", c: "$(NOPE)", d: "$$(SVC)", e: "$(CMV)", f: "$(SVC"}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: x\n        args: ["--svc=$(SVC)", "$(PORT)", "$(CMV)", "a$b", "$"]\n        command: [a, "$(SVC"]\n        env: [{name: A, value: "$(PORT)"}]\n',
  },
  'vars-from-base-after-names-final': {
    'kustomization.yaml': k('namePrefix: top-\nresources:\n- base\nreplacements:\n- source: {kind: ConfigMap, name: src, fieldPath: data.ref}\n  targets:\n  - select: {kind: Pod}\n    fieldPaths: [spec.containers.0.args.0]\n'),
    'base/kustomization.yaml': k('namePrefix: b-\nresources:\n- r.yaml\nconfigMapGenerator:\n- name: gen\n  literals: [k=v]\nvars:\n- name: GEN\n  objref: {kind: ConfigMap, version: v1, name: gen}\n- name: POD_NS\n  objref: {kind: Pod, version: v1, name: p}\n  fieldref: {fieldpath: metadata.namespace}\n'),
    'base/r.yaml': cm('src', 'ref: "$(GEN)"') + '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: team}\nspec:\n  containers: [{name: c, image: busybox, args: [x, "$(POD_NS)/$(GEN)"]}]\n',
  },
  'error-vars-duplicate-in-overlay': {
    'kustomization.yaml': k('resources:\n- base\nvars:\n- name: SVC\n  objref: {kind: Service, apiVersion: v1, name: web}\n'),
    'base/kustomization.yaml': k('resources:\n- r.yaml\nvars:\n- name: SVC\n  objref: {kind: Service, version: v1, name: web}\n'),
    'base/r.yaml': svc('web'),
  },
  'error-vars-objref-unmatched': { 'kustomization.yaml': k('resources:\n- r.yaml\nvars:\n- name: X\n  objref: {kind: Service, apiVersion: v1, name: nothere}\n'), 'r.yaml': svc('web') },
  'error-vars-objref-without-version': { 'kustomization.yaml': k('resources:\n- r.yaml\nvars:\n- name: CM\n  objref: {kind: ConfigMap, name: a}\n  fieldref: {fieldpath: data.key}\n'), 'r.yaml': cm('a') },
  'error-vars-field-missing': { 'kustomization.yaml': k('resources:\n- r.yaml\nvars:\n- name: CM\n  objref: {kind: ConfigMap, version: v1, name: a}\n  fieldref: {fieldpath: data.nothere}\n'), 'r.yaml': cm('a') },
  'secret-generator-empty': { 'kustomization.yaml': k('secretGenerator:\n- name: s\n  options:\n    disableNameSuffixHash: true\n- name: h\nconfigMapGenerator:\n- name: c\n') },
};
