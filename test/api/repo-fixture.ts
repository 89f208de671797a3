/** A small repository of kustomizations shared by the roots and affected tests. */
import { tempTree } from '../helpers.js';

export const k = (body: string, kind = 'Kustomization') => `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: ${kind}\n${body}`;
export const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: b\n`;
export const deploy = (replicas = '1') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

/**
 * A repository with two overlays of one base, a component, a standalone kustomization and plain
 * manifests. Each overlay has its own namespace: check() runs the cross-resource rules over all
 * its inputs together, so overlays sharing a namespace would see each other's objects.
 */
export function repo(extra: Record<string, string> = {}): string {
  return tempTree({
    'base/kustomization.yaml': k('resources:\n- deploy.yaml\n- svc.yaml\nconfigMapGenerator:\n- name: conf\n  files:\n  - nginx=app.conf\n'),
    'base/deploy.yaml': deploy(),
    'base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n',
    'base/app.conf': 'listen 80;\n',
    'base/stray.yaml': cm('forgotten'), // not listed, but a Kubernetes object: checked as a plain file
    'base/values.yaml': 'replicaCount: 3\n', // not listed, not Kubernetes: left alone
    'overlays/a/kustomization.yaml': k('resources:\n- ../../base\nnamespace: a\nnamePrefix: a-\npatches:\n- path: patch.yaml\n'),
    'overlays/a/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
    'overlays/b/kustomization.yaml': k('resources:\n- ../../base\nnamespace: b\nnamePrefix: b-\ncomponents:\n- ../../components/extra\n'),
    'components/extra/kustomization.yaml': k('resources:\n- extra.yaml\n', 'Component'),
    'components/extra/extra.yaml': cm('extra'),
    'standalone/Kustomization': k('resources:\n- https://github.com/example/remote//base?ref=v1\n- s.yaml\n'),
    'standalone/s.yaml': cm('s'),
    'plain/cm.yaml': cm('plain'),
    'plain/notes.txt': 'not a manifest\n',
    '.hidden/x.yaml': cm('hidden'),
    'node_modules/pkg/y.yaml': cm('dependency'),
    ...extra,
  });
}

