/**
 * Name references: after prefixes, suffixes, namespaces and hashes renamed things, every field
 * that names a ConfigMap, Secret, Service, ServiceAccount, claim, role... is pointed at the new
 * name — kustomize's nameReference table (v5.5), namespace-aware.
 */
import { ownValue, setOwn } from '../../core/index.js';
import { BuildError } from '../errors.js';
import { isMap, specMatches, walkPath, type FieldSpec } from '../fieldspec.js';
import type { RenderResource } from '../resource.js';
import { isClusterScoped } from './namespace.js';

interface Target {
  kind: string;
  group?: string;
  version?: string;
  referrers: FieldSpec[];
}

const WORKLOADS: [string, string | undefined, string][] = [
  ['Pod', undefined, 'spec/'],
  ['Deployment', undefined, 'spec/template/spec/'],
  ['ReplicaSet', undefined, 'spec/template/spec/'],
  ['DaemonSet', undefined, 'spec/template/spec/'],
  ['StatefulSet', undefined, 'spec/template/spec/'],
  ['Job', undefined, 'spec/template/spec/'],
  ['CronJob', undefined, 'spec/jobTemplate/spec/template/spec/'],
];
const podSpec = (paths: string[]): FieldSpec[] => WORKLOADS.flatMap(([kind, , prefix]) => paths.map((p) => ({ kind, ...(kind === 'Pod' ? { version: 'v1' } : {}), path: prefix + p })));
const podSpecOf = (kinds: string[], path: string): FieldSpec[] => WORKLOADS.filter(([k]) => kinds.includes(k)).map(([kind, , prefix]) => ({ kind, path: prefix + path }));
const OTHER_WORKLOADS = ['StatefulSet', 'Deployment', 'ReplicationController', 'Job', 'DaemonSet'];
const templateOf = (path: string): FieldSpec[] => [
  { kind: 'Pod', version: 'v1', path: `spec/${path}` },
  ...OTHER_WORKLOADS.map((kind) => ({ kind, path: `spec/template/spec/${path}` })),
  { kind: 'CronJob', path: `spec/jobTemplate/spec/template/spec/${path}` },
];
const RBAC = 'rbac.authorization.k8s.io';

const TABLE: Target[] = [
  {
    kind: 'ConfigMap',
    referrers: [
      ...podSpec(['volumes/configMap/name', 'containers/env/valueFrom/configMapKeyRef/name', 'initContainers/env/valueFrom/configMapKeyRef/name', 'containers/envFrom/configMapRef/name', 'initContainers/envFrom/configMapRef/name', 'volumes/projected/sources/configMap/name']),
      { kind: 'Node', path: 'spec/configSource/configMap' },
      { kind: 'Role', group: RBAC, path: 'rules/resourceNames' },
      { kind: 'ClusterRole', group: RBAC, path: 'rules/resourceNames' },
      { kind: 'Ingress', path: 'metadata/annotations/nginx.ingress.kubernetes.io\\/fastcgi-params-configmap' },
    ],
  },
  {
    kind: 'Secret',
    referrers: [
      ...podSpec(['volumes/secret/secretName', 'containers/env/valueFrom/secretKeyRef/name', 'initContainers/env/valueFrom/secretKeyRef/name', 'containers/envFrom/secretRef/name', 'initContainers/envFrom/secretRef/name', 'imagePullSecrets/name', 'volumes/projected/sources/secret/name']),
      { kind: 'Ingress', path: 'spec/tls/secretName' },
      ...['ingress.kubernetes.io\\/auth-secret', 'nginx.ingress.kubernetes.io\\/auth-secret', 'nginx.ingress.kubernetes.io\\/auth-tls-secret'].map((a) => ({ kind: 'Ingress', path: `metadata/annotations/${a}` })),
      { kind: 'ServiceAccount', path: 'imagePullSecrets/name' },
      ...['secretName', 'adminSecretName', 'userSecretName', 'secretRef'].map((p) => ({ kind: 'StorageClass', path: `parameters/${p}` })),
      { kind: 'Role', group: RBAC, path: 'rules/resourceNames' },
      { kind: 'ClusterRole', group: RBAC, path: 'rules/resourceNames' },
      { kind: 'Service', group: 'serving.knative.dev', version: 'v1', path: 'spec/template/spec/containers/env/valueFrom/secretKeyRef/name' },
      { kind: 'PersistentVolume', path: 'spec/azureFile/secretName' },
    ],
  },
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ kind, referrers: [{ kind: 'HorizontalPodAutoscaler', path: 'spec/scaleTargetRef/name' }] })),
  {
    kind: 'Service',
    group: '',
    referrers: [
      { kind: 'StatefulSet', group: 'apps', path: 'spec/serviceName' },
      ...['spec/rules/http/paths/backend/serviceName', 'spec/backend/serviceName', 'spec/rules/http/paths/backend/service/name', 'spec/defaultBackend/service/name'].map((path) => ({ kind: 'Ingress', path })),
      { kind: 'APIService', group: 'apiregistration.k8s.io', path: 'spec/service/name' },
      { kind: 'ValidatingWebhookConfiguration', group: 'admissionregistration.k8s.io', path: 'webhooks/clientConfig/service' },
      { kind: 'MutatingWebhookConfiguration', group: 'admissionregistration.k8s.io', path: 'webhooks/clientConfig/service' },
    ],
  },
  { kind: 'Role', group: RBAC, referrers: [{ kind: 'RoleBinding', group: RBAC, path: 'roleRef/name' }] },
  { kind: 'ClusterRole', group: RBAC, referrers: [{ kind: 'RoleBinding', group: RBAC, path: 'roleRef/name' }, { kind: 'ClusterRoleBinding', group: RBAC, path: 'roleRef/name' }] },
  {
    kind: 'ServiceAccount',
    group: '',
    referrers: [{ kind: 'RoleBinding', group: RBAC, path: 'subjects' }, { kind: 'ClusterRoleBinding', group: RBAC, path: 'subjects' }, ...templateOf('serviceAccountName')],
  },
  { kind: 'PersistentVolumeClaim', group: '', referrers: templateOf('volumes/persistentVolumeClaim/claimName') },
  { kind: 'PersistentVolume', group: '', referrers: [{ kind: 'PersistentVolumeClaim', path: 'spec/volumeName' }, { kind: 'ClusterRole', group: RBAC, path: 'rules/resourceNames' }] },
  { kind: 'StorageClass', group: 'storage.k8s.io', referrers: [{ kind: 'PersistentVolume', path: 'spec/storageClassName' }, { kind: 'PersistentVolumeClaim', path: 'spec/storageClassName' }, { kind: 'StatefulSet', path: 'spec/volumeClaimTemplates/spec/storageClassName' }] },
  { kind: 'PriorityClass', group: 'scheduling.k8s.io', referrers: templateOf('priorityClassName') },
];
void podSpecOf;

/** `extra`: the nameReference entries of `configurations:` files, after the built-in table. */
export function fixNameReferences(resources: RenderResource[], extra: readonly Target[] = []): void {
  const table = extra.length === 0 ? TABLE : [...TABLE, ...extra];
  for (const referrer of resources) {
    for (const target of table) {
      for (const spec of target.referrers) {
        if (!specMatches(spec, referrer)) continue;
        walkPath(referrer.object, spec.path, false, (parent, key, pointer) => {
          const value = ownValue(parent, key);
          if (Array.isArray(value)) {
            value.forEach((v, i) => {
              if (isMap(v)) updateMap(v, target, referrer, resources, `${pointer}/${i}`);
              else if (typeof v === 'string') value[i] = updateName(v, target, referrer, resources, pointer) ?? v;
            });
          } else if (isMap(value)) {
            updateMap(value, target, referrer, resources, pointer);
          } else if (typeof value === 'string') {
            const roleRefKind = key === 'name' && isMap(referrer.object.roleRef) ? referrer.object.roleRef.kind : undefined;
            if (roleRefKind !== undefined && roleRefKind !== target.kind) return;
            const renamed = updateName(value, target, referrer, resources, pointer);
            if (renamed !== undefined) setOwn(parent, key, renamed);
          }
        });
      }
    }
  }
}

function targetMatches(r: RenderResource, target: Target): boolean {
  return r.kind === target.kind && (target.group === undefined || r.group === target.group) && (target.version === undefined || r.version === target.version);
}

function candidates(name: string, target: Target, referrer: RenderResource, resources: RenderResource[], namespace?: string): RenderResource[] {
  const referrerNs = referrer.namespace ?? 'default';
  return resources.filter((r) => {
    if (!targetMatches(r, target) || !r.previousIds.some((id) => id.name === name)) return false;
    // A reference that names its namespace matches the referral's original namespace, the one
    // its first file gave it: a subject written for a base's namespace is left alone by an
    // overlay that moves the account again (kustomize 5.5, api/filters/nameref).
    if (namespace !== undefined) return (originalId(r).namespace ?? 'default') === namespace;
    if (isClusterScoped(referrer) || isClusterScoped(r) || r.kind === 'ServiceAccount') return true;
    return (r.namespace ?? 'default') === referrerNs;
  });
}

function originalId(r: RenderResource): { name: string; namespace?: string } {
  return r.previousIds[0] ?? { name: r.name, namespace: r.namespace };
}

function pick(found: RenderResource[], referrer: RenderResource, pointer: string): RenderResource | undefined {
  if (found.length <= 1) return found[0];
  const endsWith = (list: string[], tail: string[]) => tail.length <= list.length && tail.every((t, i) => list[list.length - tail.length + i] === t);
  const narrowed = found.filter((c) => endsWith(c.prefixes, referrer.prefixes) && endsWith(c.suffixes, referrer.suffixes));
  if (narrowed.length === 1) return narrowed[0];
  if (narrowed.length === 0) return undefined;
  if (narrowed.every((c) => c.name === narrowed[0]!.name)) return narrowed[0];
  throw new BuildError(`updating name reference in '${pointer}' field of '${referrer.kind}/${referrer.name}': found multiple possible referrals: ${narrowed.map((c) => `${c.kind}/${c.name}`).join(', ')}`, referrer.origin.file);
}

function updateName(name: string, target: Target, referrer: RenderResource, resources: RenderResource[], pointer: string): string | undefined {
  const found = pick(candidates(name, target, referrer, resources), referrer, pointer);
  return found && found.name !== name ? found.name : undefined;
}

function updateMap(map: Record<string, unknown>, target: Target, referrer: RenderResource, resources: RenderResource[], pointer: string): void {
  if (target.kind === 'ServiceAccount' && map.kind !== undefined && map.kind !== 'ServiceAccount') return;
  if (typeof map.name !== 'string') return;
  const ns = typeof map.namespace === 'string' ? map.namespace : undefined;
  const found = pick(candidates(map.name, target, referrer, resources, ns), referrer, pointer);
  if (!found) return;
  if (found.name === map.name && found.namespace === undefined) return;
  map.name = found.name;
  if (found.namespace !== undefined) map.namespace = found.namespace;
}
