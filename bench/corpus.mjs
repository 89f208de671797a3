// Deterministic, realistic manifests for benchmarks: the same arguments give the same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';

const kinds = [deployment, service, configMap];

export function document(i) {
  return kinds[i % kinds.length](i);
}

/** Writes `docs` documents into files of `perFile` documents each; returns the directory. */
export function writeCorpus(dir, docs, perFile = 20) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let start = 0, f = 0; start < docs; start += perFile, f++) {
    const parts = [];
    for (let i = start; i < Math.min(docs, start + perFile); i++) parts.push(document(i));
    const sub = path.join(dir, `team-${f % 25}`);
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `app-${String(f).padStart(5, '0')}.yaml`), parts.join('---\n'));
  }
  return dir;
}

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 25}
  labels:
    app.kubernetes.io/name: app-${i}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${1 + (i % 5)}
  selector:
    matchLabels:
      app.kubernetes.io/name: app-${i}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: app-${i}
    spec:
      containers:
        - name: main
          image: registry.example.com/shop/app-${i}:1.${i % 40}.0
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
          resources:
            requests:
              cpu: ${100 + (i % 4) * 50}m
              memory: ${128 * (1 + (i % 3))}Mi
            limits:
              memory: ${256 * (1 + (i % 3))}Mi
          readinessProbe:
            httpGet:
              path: /healthz
              port: http
`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i - 1}
  namespace: team-${(i - 1) % 25}
spec:
  selector:
    app.kubernetes.io/name: app-${i - 1}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(i) {
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-${i - 2}-config
  namespace: team-${(i - 2) % 25}
data:
  LOG_LEVEL: info
  FEATURE_FLAGS: "checkout,search,recommendations"
  settings.json: |
    {"retries": 3, "timeoutSeconds": 30}
`;
}
