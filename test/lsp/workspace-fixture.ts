/**
 * The workspace the completion and hover tests open: overlays-example (a base built by three
 * overlays) under shop/, and plain manifests under apps/ — a CRD with its descriptions, a
 * ConfigMap, a Secret, a PVC and a Service whose selector uses a label key — and under vault/ a
 * kustomization of one Secret.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT, tempTree } from '../helpers.js';

export const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: backups.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Backup, plural: backups, singular: backup}
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
              description: What to back up and when.
              required: [schedule]
              properties:
                schedule:
                  type: string
                  description: A cron expression saying when the backup runs.
                retention:
                  type: string
                  enum: [daily, weekly]
`;

export const OTHERS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  level: info
---
apiVersion: v1
kind: Secret
metadata:
  name: db-password
stringData:
  password: hunter2
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Service
metadata:
  name: front
spec:
  selector:
    app.kubernetes.io/component: frontend
  ports: [{port: 80}]
`;

export function makeWorkspace(): string {
  const dir = tempTree({
    'apps/backup-crd.yaml': CRD,
    'apps/others.yaml': OTHERS,
    'vault/kustomization.yaml': 'namePrefix: x-\nresources: [secret.yaml]\n',
    'vault/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: hunter2\n',
  });
  fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), path.join(dir, 'shop'), { recursive: true });
  return fs.realpathSync(dir);
}

export const uriOf = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;

/** The position just after the `n`th (0-based) occurrence of `needle` in `text`, moved by `delta` characters. */
export function positionAfter(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`no ${JSON.stringify(needle)} in the text`);
  const offset = at + needle.length + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
