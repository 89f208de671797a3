// Deterministic, realistic manifests for benchmarks: the same arguments give the same bytes.
//
// A corpus is a sequence of "apps", each the handful of objects a team keeps in one file:
// ConfigMap, Secret, ServiceAccount, (Role + RoleBinding), a Deployment or StatefulSet, its
// Service, and by turns an Ingress, HPA, PDB, NetworkPolicy, CronJob, ClusterRole + binding.
// Every reference resolves (env and volume refs, keys, service accounts, role refs, HPA
// targets, Ingress backends and port names, selectors), except the few findings planted on
// purpose (see PLANTED) so the rules have something to report, as in a real repository.
//
//   writeCorpus(dir, docs)       `docs` documents (1..50,000+), one file per app, 25 team dirs
//   writeSingleFile(file)        one app in one file (the cold-start case)
//   writeLargeFile(file, bytes)  apps in one file until it holds `bytes` bytes (a generated bundle)
//   writeLargeTree(dir, bytes)   the same apps, one file per app, as writeCorpus lays them out
//   writeOverlayTree(dir, n)     base + components + staging/production overlays; the
//                                production overlay renders to exactly `n` resources
//   writeInventory(file, nodes)  NodePools and v1 Nodes, `nodes` nodes over three zones
//   writeWorkloads(file, pods)   Deployments/StatefulSets/Services creating `pods` pods
import * as fs from 'node:fs';
import * as path from 'node:path';

const WORDS = ['checkout', 'cart', 'search', 'payments', 'catalog', 'orders', 'users', 'inventory', 'shipping', 'reviews', 'recommend', 'auth', 'notify', 'billing', 'gateway', 'pricing', 'media', 'ledger'];
export const TEAMS = 25;

/** Findings planted on purpose: app index modulo `every` equal to `at`. */
export const PLANTED = {
  latestTag: { every: 97, at: 13, rule: 'latest-tag' },
  missingKey: { every: 151, at: 7, rule: 'missing-configmap-key' },
  unknownField: { every: 199, at: 42, rule: 'unknown-field' },
  requestsOverLimits: { every: 293, at: 100, rule: 'requests-exceed-limits' },
  portMismatch: { every: 389, at: 200, rule: 'service-port-mismatch' },
};
const planted = (a, key) => a % PLANTED[key].every === PLANTED[key].at;

export function appName(a) {
  return `${WORDS[a % WORDS.length]}-${a}`;
}

/** The documents of app `a` (YAML strings), referenced objects before their referrers. */
export function appDocuments(a, { namespace = `team-${a % TEAMS}`, generated = false } = {}) {
  const name = appName(a);
  const ns = namespace ? `  namespace: ${namespace}\n` : '';
  const stateful = a % 6 === 5;
  const replicas = 2 + (a % 3);
  const docs = [];
  if (!generated) docs.push(configMap(a, name, ns), secret(a, name, ns));
  docs.push(`apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n${ns}  labels:\n    app.kubernetes.io/name: ${name}\nautomountServiceAccountToken: false\n`);
  if (a % 2 === 0) docs.push(role(name, ns), roleBinding(name, ns, namespace));
  docs.push(stateful ? statefulSet(a, name, ns, replicas) : deployment(a, name, ns, replicas));
  docs.push(service(a, name, ns, stateful));
  if (!stateful && a % 3 === 0) docs.push(ingress(a, name, ns));
  if (!stateful && a % 2 === 1) docs.push(hpa(name, ns, replicas));
  if (a % 3 !== 2) docs.push(pdb(name, ns));
  docs.push(networkPolicy(name, ns, stateful));
  if (a % 4 === 0) docs.push(cronJob(a, name, ns));
  if (a % 10 === 0) docs.push(clusterRole(name), clusterRoleBinding(name, namespace));
  return docs;
}

/** The first `count` documents of the corpus, grouped by app (the last app may be cut short). */
export function corpusApps(count) {
  const apps = [];
  for (let a = 0, n = 0; n < count; a++) {
    const docs = appDocuments(a).slice(0, count - n);
    apps.push({ app: a, docs });
    n += docs.length;
  }
  return apps;
}

/** Writes `docs` documents, one file per app under 25 team directories; returns {dir, files, docs, apps}. */
export function writeCorpus(dir, docs) {
  fs.rmSync(dir, { recursive: true, force: true });
  const apps = corpusApps(docs);
  const made = new Set();
  for (const { app, docs: parts } of apps) {
    const sub = path.join(dir, `team-${String(app % TEAMS).padStart(2, '0')}`);
    if (!made.has(sub)) fs.mkdirSync(sub, { recursive: true }), made.add(sub);
    fs.writeFileSync(path.join(sub, `${appName(app)}.yaml`), parts.join('---\n'));
  }
  return { dir, files: apps.length, docs, apps: apps.length };
}

/** One app's file, as a developer checks it before a commit: returns {file, docs}. */
export function writeSingleFile(file, a = 0) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const docs = appDocuments(a);
  fs.writeFileSync(file, docs.join('---\n'));
  return { file, docs: docs.length };
}

/** Apps, whole, until `bytes` bytes are written to one file: returns {file, docs, apps, bytes}. */
export function writeLargeFile(file, bytes) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let written = 0;
  let docs = 0;
  let a = 0;
  try {
    for (; written < bytes; a++) {
      const parts = appDocuments(a);
      const text = (a === 0 ? '' : '---\n') + parts.join('---\n');
      written += fs.writeSync(fd, text);
      docs += parts.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, docs, apps: a, bytes: written };
}

/** The apps of writeLargeFile(_, bytes), one file per app in writeCorpus's layout: returns {dir, files, docs, bytes}. */
export function writeLargeTree(dir, bytes) {
  fs.rmSync(dir, { recursive: true, force: true });
  let written = 0;
  let docs = 0;
  let a = 0;
  for (; written < bytes; a++) {
    const sub = path.join(dir, `team-${String(a % TEAMS).padStart(2, '0')}`);
    if (a < TEAMS) fs.mkdirSync(sub, { recursive: true });
    const parts = appDocuments(a);
    const text = parts.join('---\n');
    fs.writeFileSync(path.join(sub, `${appName(a)}.yaml`), text);
    written += Buffer.byteLength(text);
    docs += parts.length;
  }
  return { dir, files: a, docs, bytes: written };
}

// --- the objects --------------------------------------------------------------------------

function configMap(a, name, ns) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
${ns}  labels:
    app.kubernetes.io/name: ${name}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout,search,recommendations"
  UPSTREAM_URL: http://${appName(a + 1)}.team-${(a + 1) % TEAMS}.svc.cluster.local
  settings.json: |
    {"retries": ${1 + (a % 4)}, "timeoutSeconds": ${10 + (a % 5) * 10}, "cache": {"ttl": "5m", "size": ${256 * (1 + (a % 4))}}}
`;
}

function secret(a, name, ns) {
  return `apiVersion: v1
kind: Secret
metadata:
  name: ${name}-credentials
${ns}type: Opaque
stringData:
  DATABASE_URL: postgres://${name}@db-${a % 7}.internal:5432/${name.replace(/-/g, '_')}
  API_TOKEN: placeholder-${(a * 2654435761) % 4294967296}
`;
}

function containerResources(a) {
  const memory = 128 * (1 + (a % 3));
  const requestMemory = planted(a, 'requestsOverLimits') ? memory * 4 : memory;
  return `          resources:
            requests:
              cpu: ${100 + (a % 4) * 50}m
              memory: ${requestMemory}Mi
            limits:
              memory: ${memory * 2}Mi
`;
}

function image(a, name) {
  return planted(a, 'latestTag') ? `registry.example.com/shop/${name}:latest` : `registry.example.com/shop/${name}:1.${a % 40}.${a % 7}`;
}

function podSpec(a, name, { stateful }) {
  const flagKey = planted(a, 'missingKey') ? 'MISSING_FLAG' : 'FEATURE_FLAGS';
  const unknown = planted(a, 'unknownField') ? '          imagePullPolicyy: Always\n' : '';
  const spread =
    a % 3 === 0
      ? `      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              app.kubernetes.io/name: ${name}
`
      : '';
  const ports = stateful
    ? `          ports:
            - name: tcp
              containerPort: 5432
`
    : `          ports:
            - name: http
              containerPort: 8080
            - name: metrics
              containerPort: 9090
`;
  const probePort = stateful ? 'tcp' : 'http';
  const probes = stateful
    ? `          readinessProbe:
            tcpSocket:
              port: ${probePort}
            periodSeconds: 10
          livenessProbe:
            tcpSocket:
              port: ${probePort}
            initialDelaySeconds: 30
`
    : `          readinessProbe:
            httpGet:
              path: /ready
              port: ${probePort}
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: ${probePort}
            initialDelaySeconds: 10
`;
  const dataMount = stateful ? `            - name: data\n              mountPath: /var/lib/${name}\n` : '';
  return `    spec:
      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
${spread}      containers:
        - name: app
          image: ${image(a, name)}
          imagePullPolicy: IfNotPresent
${unknown}          args: ["--port=${stateful ? 5432 : 8080}", "--config=/etc/${name}/settings.json"]
${ports}          envFrom:
            - configMapRef:
                name: ${name}-config
          env:
            - name: DATABASE_URL
              valueFrom:
                secretKeyRef:
                  name: ${name}-credentials
                  key: DATABASE_URL
            - name: FEATURES
              valueFrom:
                configMapKeyRef:
                  name: ${name}-config
                  key: ${flagKey}
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
${containerResources(a)}${probes}          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
          volumeMounts:
            - name: config
              mountPath: /etc/${name}
              readOnly: true
            - name: tmp
              mountPath: /tmp
${dataMount}      volumes:
        - name: config
          configMap:
            name: ${name}-config
            items:
              - key: settings.json
                path: settings.json
        - name: tmp
          emptyDir: {}
`;
}

function labels(name, indent) {
  const pad = ' '.repeat(indent);
  return `${pad}app.kubernetes.io/name: ${name}\n${pad}app.kubernetes.io/part-of: shop\n`;
}

function deployment(a, name, ns, replicas) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${ns}  labels:
${labels(name, 4)}    app.kubernetes.io/component: backend
spec:
  replicas: ${replicas}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  template:
    metadata:
      labels:
${labels(name, 8)}      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
${podSpec(a, name, { stateful: false })}`;
}

function statefulSet(a, name, ns, replicas) {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
${ns}  labels:
${labels(name, 4)}    app.kubernetes.io/component: database
spec:
  serviceName: ${name}
  replicas: ${replicas}
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
${labels(name, 8)}${podSpec(a, name, { stateful: true })}  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: standard
        resources:
          requests:
            storage: ${10 * (1 + (a % 5))}Gi
`;
}

function service(a, name, ns, stateful) {
  if (stateful)
    return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${ns}  labels:
    app.kubernetes.io/name: ${name}
spec:
  clusterIP: None
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: tcp
      port: 5432
      targetPort: tcp
`;
  const metricsTarget = planted(a, 'portMismatch') ? 'prometheus' : 'metrics';
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${ns}  labels:
    app.kubernetes.io/name: ${name}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: metrics
      port: 9090
      targetPort: ${metricsTarget}
`;
}

function ingress(a, name, ns) {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
${ns}  annotations:
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: nginx
  rules:
    - host: ${name}.shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${name}
                port:
                  name: http
          - path: /api/v${1 + (a % 3)}
            pathType: ImplementationSpecific
            backend:
              service:
                name: ${name}
                port:
                  number: 80
`;
}

function hpa(name, ns, replicas) {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
${ns}spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: ${replicas}
  maxReplicas: ${replicas * 4}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
`;
}

function pdb(name, ns) {
  return `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${name}
${ns}spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
`;
}

function networkPolicy(name, ns, stateful) {
  return `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
${ns}spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: ingress-nginx
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: shop
      ports:
        - protocol: TCP
          port: ${stateful ? 5432 : 8080}
`;
}

function cronJob(a, name, ns) {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}-report
${ns}spec:
  schedule: "${a % 60} */${1 + (a % 6)} * * *"
  concurrencyPolicy: Forbid
  successfulJobsHistoryLimit: 3
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        metadata:
          labels:
            app.kubernetes.io/name: ${name}-report
        spec:
          serviceAccountName: ${name}
          restartPolicy: OnFailure
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
          containers:
            - name: report
              image: registry.example.com/shop/${name}-report:2.${a % 9}.0
              args: [--since=24h]
              envFrom:
                - configMapRef:
                    name: ${name}-config
                - secretRef:
                    name: ${name}-credentials
              resources:
                requests:
                  cpu: 50m
                  memory: 64Mi
                limits:
                  memory: 128Mi
`;
}

function role(name, ns) {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${name}
${ns}rules:
  - apiGroups: [""]
    resources: [configmaps, endpoints]
    verbs: [get, list, watch]
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: [get, create, update]
`;
}

function roleBinding(name, ns, namespace) {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${name}
${ns}roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${name}
subjects:
  - kind: ServiceAccount
    name: ${name}
${namespace ? `    namespace: ${namespace}\n` : ''}`;
}

function clusterRole(name) {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ${name}-reader
rules:
  - apiGroups: [""]
    resources: [nodes, namespaces]
    verbs: [get, list, watch]
`;
}

function clusterRoleBinding(name, namespace) {
  return `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ${name}-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ${name}-reader
subjects:
  - kind: ServiceAccount
    name: ${name}
    namespace: ${namespace || 'shop-prod'}
`;
}

// --- kustomize overlay trees --------------------------------------------------------------

/**
 * base/ (one file per app, each app's ConfigMap and Secret from generators), a component, and
 * overlays/staging and overlays/production (namespace, namePrefix, labels, annotations, images,
 * replicas, strategic-merge and JSON 6902 patches, generator merge/replace). The production
 * overlay renders to exactly `resources` objects. Returns {dir, overlay, staging, resources, apps}.
 */
export function writeOverlayTree(dir, resources = 500) {
  fs.rmSync(dir, { recursive: true, force: true });
  const base = path.join(dir, 'base');
  fs.mkdirSync(path.join(base, 'apps'), { recursive: true });
  fs.mkdirSync(path.join(base, 'config'), { recursive: true });
  const files = [];
  const cmGen = [];
  const secretGen = [];
  const deployments = [];
  let count = 1; // the overlay's own extra ConfigMap (below)
  let a = 0;
  for (;; a++) {
    const docs = appDocuments(a, { namespace: '', generated: true });
    if (count + docs.length + 2 > resources) break;
    const name = appName(a);
    const file = `apps/${name}.yaml`;
    fs.writeFileSync(path.join(base, file), docs.join('---\n'));
    files.push(file);
    fs.writeFileSync(path.join(base, 'config', `${name}.json`), `{"retries": ${1 + (a % 4)}, "timeoutSeconds": ${10 + (a % 5) * 10}}\n`);
    cmGen.push(`  - name: ${name}-config\n    literals:\n      - LOG_LEVEL=info\n      - FEATURE_FLAGS=checkout,search\n    files:\n      - settings.json=config/${name}.json\n`);
    secretGen.push(`  - name: ${name}-credentials\n    literals:\n      - DATABASE_URL=postgres://${name}@db.internal:5432/app\n      - API_TOKEN=base-token-${a}\n`);
    if (a % 6 !== 5) deployments.push(name);
    count += docs.length + 2;
  }
  // Fill up to the exact count with shared ConfigMaps from the base's generator.
  for (let k = 0; count < resources; k++, count++) cmGen.push(`  - name: shared-${k}\n    literals:\n      - REGION=eu-west-1\n      - SHARD=${k}\n`);
  fs.writeFileSync(
    path.join(base, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
labels:
  - pairs:
      app.kubernetes.io/managed-by: kustomize
    includeSelectors: false
resources:
${files.map((f) => `  - ${f}\n`).join('')}configMapGenerator:
${cmGen.join('')}secretGenerator:
${secretGen.join('')}`,
  );

  // A component every overlay uses: an annotation on every shop Deployment.
  const component = path.join(dir, 'components', 'monitoring');
  fs.mkdirSync(component, { recursive: true });
  fs.writeFileSync(
    path.join(component, 'kustomization.yaml'),
    `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
patches:
  - target:
      kind: Deployment
      labelSelector: app.kubernetes.io/part-of=shop
    patch: |-
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: any
      spec:
        template:
          metadata:
            annotations:
              monitoring.example.com/scrape: "true"
`,
  );

  const overlay = (env, ns, prefix, every) => {
    const o = path.join(dir, 'overlays', env);
    fs.mkdirSync(o, { recursive: true });
    const patched = deployments.filter((_, i) => i % every === 0);
    const patchFiles = [];
    for (const name of patched) {
      const f = `patches/${name}.yaml`;
      fs.mkdirSync(path.join(o, 'patches'), { recursive: true });
      fs.writeFileSync(
        path.join(o, f),
        `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  template:
    spec:
      containers:
        - name: app
          resources:
            requests:
              cpu: 500m
              memory: 512Mi
            limits:
              memory: 1Gi
          env:
            - name: ENVIRONMENT
              value: ${env}
`,
      );
      patchFiles.push(f);
    }
    fs.writeFileSync(path.join(o, 'extra.env'), `TIER=${env}\nCDN=https://cdn.${env}.example.com\n`);
    fs.writeFileSync(
      path.join(o, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${ns}
namePrefix: ${prefix}
resources:
  - ../../base
components:
  - ../../components/monitoring
labels:
  - pairs:
      environment: ${env}
commonAnnotations:
  shop.example.com/owner: platform
images:
${deployments
  .filter((_, i) => i % 5 === 0)
  .map((n) => `  - name: registry.example.com/shop/${n}\n    newTag: "2.0.${n.length}"\n`)
  .join('')}replicas:
${deployments
  .filter((_, i) => i % 7 === 0)
  .map((n) => `  - name: ${n}\n    count: 4\n`)
  .join('')}patches:
${patchFiles.map((f) => `  - path: ${f}\n`).join('')}  - target:
      kind: HorizontalPodAutoscaler
    patch: |-
      - op: replace
        path: /spec/maxReplicas
        value: 20
  - target:
      kind: PodDisruptionBudget
    patch: |-
      - op: add
        path: /metadata/labels
        value: {tier: ${env}}
configMapGenerator:
  - name: ${deployments[0]}-config
    behavior: merge
    literals:
      - LOG_LEVEL=warn
  - name: ${env}-extra
    envs:
      - extra.env
secretGenerator:
  - name: ${deployments[0]}-credentials
    behavior: replace
    literals:
      - DATABASE_URL=postgres://${env}@db.${env}.internal:5432/app
      - API_TOKEN=${env}-token
`,
    );
    return o;
  };
  const staging = overlay('staging', 'shop-staging', 'stg-', 10);
  const production = overlay('production', 'shop-prod', 'prod-', 4);
  return { dir, overlay: production, staging, resources, apps: a };
}

// --- scheduling: node inventories and workloads -------------------------------------------

const POOLS = [
  { name: 'general', share: 0.5, cpu: '7910m', memory: '31Gi', pods: 110, type: 'm6i.2xlarge' },
  { name: 'compute', share: 0.2, cpu: '15890m', memory: '30Gi', pods: 110, type: 'c6i.4xlarge' },
  { name: 'memory', share: 0.15, cpu: '3920m', memory: '60Gi', pods: 58, type: 'r6i.xlarge' },
  { name: 'batch', share: 0.1, cpu: '7910m', memory: '31Gi', pods: 110, type: 'm6i.2xlarge', taint: 'dedicated=batch:NoSchedule' },
];

/**
 * `nodes` nodes: four NodePools (one tainted) over three zones, and the rest (5%) as v1 Nodes
 * the way `kubectl get nodes -o yaml` prints them, a few cordoned. Returns {file, nodes}.
 */
export function writeInventory(file, nodes = 5000) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const docs = [];
  let made = 0;
  for (const p of POOLS) {
    const count = Math.floor(nodes * p.share);
    const [key, rest] = p.taint ? p.taint.split('=') : [];
    const [value, effect] = rest ? rest.split(':') : [];
    docs.push(`apiVersion: kubeproof.dev/v1alpha1
kind: NodePool
metadata:
  name: ${p.name}
spec:
  count: ${count}
  zones: [eu-west-1a, eu-west-1b, eu-west-1c]
  labels:
    node.kubernetes.io/instance-type: ${p.type}
    pool: ${p.name}
${p.taint ? `  taints:\n    - key: ${key}\n      value: ${value}\n      effect: ${effect}\n` : ''}  allocatable:
    cpu: ${p.cpu}
    memory: ${p.memory}
    ephemeral-storage: 90Gi
    pods: ${p.pods}
`);
    made += count;
  }
  for (let i = 0; made < nodes; i++, made++) {
    const name = `ip-10-${1 + (i >> 8)}-${i & 255}-${(i * 7) % 250}.eu-west-1.compute.internal`;
    const zone = ['a', 'b', 'c'][i % 3];
    const cordoned = i % 50 === 49;
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    kubernetes.io/hostname: ${name}
    kubernetes.io/os: linux
    node.kubernetes.io/instance-type: m6i.xlarge
    topology.kubernetes.io/region: eu-west-1
    topology.kubernetes.io/zone: eu-west-1${zone}
spec:
${cordoned ? '  unschedulable: true\n  taints:\n    - key: node.kubernetes.io/unschedulable\n      effect: NoSchedule\n' : '  taints: []\n'}status:
  capacity:
    cpu: "4"
    memory: 16012836Ki
    pods: "58"
  allocatable:
    cpu: 3920m
    ephemeral-storage: "45907710942"
    memory: 15272484Ki
    pods: "58"
`);
  }
  fs.writeFileSync(file, docs.join('---\n'));
  return { file, nodes };
}

/**
 * Workloads creating `pods` pods: Deployments of 10..90 replicas with Services (some spread
 * over zones, some with anti-affinity or a node selector), StatefulSets, and a batch workload
 * tolerating the tainted pool. Returns {file, pods, workloads}.
 */
export function writeWorkloads(file, pods = 10000) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const docs = [];
  let made = 0;
  let w = 0;
  for (; made < pods; w++) {
    const name = `${WORDS[w % WORDS.length]}-${w}`;
    const ns = `team-${w % TEAMS}`;
    const kind = w % 10 === 9 ? 'StatefulSet' : 'Deployment';
    const replicas = Math.min(pods - made, kind === 'StatefulSet' ? 3 + (w % 4) : 10 + ((w * 37) % 81));
    const batch = w % 8 === 3;
    const cpu = batch ? 1000 + (w % 3) * 500 : 100 + (w % 6) * 50;
    const memory = batch ? 2048 : 128 * (1 + (w % 4));
    let scheduling = '';
    if (w % 4 === 0) scheduling += `      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: DoNotSchedule\n          labelSelector:\n            matchLabels:\n              app.kubernetes.io/name: ${name}\n`;
    if (w % 6 === 1) scheduling += `      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 100\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n                labelSelector:\n                  matchLabels:\n                    app.kubernetes.io/name: ${name}\n`;
    if (w % 9 === 2) scheduling += `      nodeSelector:\n        pool: ${w % 2 ? 'compute' : 'memory'}\n`;
    if (batch) scheduling += `      tolerations:\n        - key: dedicated\n          operator: Equal\n          value: batch\n          effect: NoSchedule\n`;
    docs.push(`apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${kind === 'StatefulSet' ? `  serviceName: ${name}\n` : ''}  replicas: ${replicas}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
${scheduling}      containers:
        - name: app
          image: registry.example.com/shop/${name}:1.${w % 30}.0
          resources:
            requests:
              cpu: ${cpu}m
              memory: ${memory}Mi
            limits:
              memory: ${memory * 2}Mi
`);
    if (w % 2 === 0 || kind === 'StatefulSet')
      docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${kind === 'StatefulSet' ? '  clusterIP: None\n' : ''}  selector:\n    app.kubernetes.io/name: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080\n`);
    made += replicas;
  }
  fs.writeFileSync(file, docs.join('---\n'));
  return { file, pods, workloads: w };
}
