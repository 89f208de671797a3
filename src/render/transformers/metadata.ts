/** Name prefixes and suffixes, labels and annotations: each writes values into kustomize's field specs. */
import { ownValue, setOwn } from '../../core/index.js';
import { parsePlainDocuments } from '../../load/index.js';
import { BuildError } from '../errors.js';
import { specMatches, walkPath, type FieldSpec } from '../fieldspec.js';
import type { Origin, RenderResource } from '../resource.js';

const SKIP_RENAME = (r: RenderResource) => r.kind === 'CustomResourceDefinition' || r.kind === 'Namespace' || (r.kind === 'APIService' && r.group === 'apiregistration.k8s.io');

export function addNameAffix(resources: RenderResource[], prefix: string, suffix: string, origin: Origin): void {
  for (const r of resources) {
    if (SKIP_RENAME(r)) continue;
    r.previousIds.push(r.namespace === undefined ? { name: r.name } : { name: r.name, namespace: r.namespace });
    r.metadata.name = prefix + r.name + suffix;
    if (prefix) r.prefixes.unshift(prefix);
    if (suffix) r.suffixes.push(suffix);
    r.setOrigin('/metadata/name', origin);
  }
}

const WORKLOADS_TEMPLATE: FieldSpec[] = [
  { version: 'v1', kind: 'ReplicationController', path: 'spec/template/metadata/labels', create: true },
  { kind: 'Deployment', path: 'spec/template/metadata/labels', create: true },
  { group: 'apps', kind: 'ReplicaSet', path: 'spec/template/metadata/labels', create: true },
  { group: 'apps', kind: 'DaemonSet', path: 'spec/template/metadata/labels', create: true },
  { group: 'apps', kind: 'StatefulSet', path: 'spec/template/metadata/labels', create: true },
  { group: 'apps', kind: 'StatefulSet', path: 'spec/volumeClaimTemplates[]/metadata/labels', create: true },
  { group: 'batch', kind: 'Job', path: 'spec/template/metadata/labels', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/metadata/labels', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/labels', create: true },
];

const affinity = ['podAffinity', 'podAntiAffinity'].flatMap((a) => [
  `spec/template/spec/affinity/${a}/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels`,
  `spec/template/spec/affinity/${a}/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels`,
]);

const SELECTORS: FieldSpec[] = [
  { version: 'v1', kind: 'Service', path: 'spec/selector', create: true },
  { version: 'v1', kind: 'ReplicationController', path: 'spec/selector', create: true },
  { kind: 'Deployment', path: 'spec/selector/matchLabels', create: true },
  { group: 'apps', kind: 'ReplicaSet', path: 'spec/selector/matchLabels', create: true },
  { group: 'apps', kind: 'DaemonSet', path: 'spec/selector/matchLabels', create: true },
  { group: 'apps', kind: 'StatefulSet', path: 'spec/selector/matchLabels', create: true },
  ...['Deployment', 'StatefulSet'].flatMap((kind) => [...affinity, 'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels'].map((path) => ({ group: 'apps', kind, path }))),
  { group: 'batch', kind: 'Job', path: 'spec/selector/matchLabels' },
  { group: 'policy', kind: 'PodDisruptionBudget', path: 'spec/selector/matchLabels' },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/spec/selector/matchLabels' },
  ...['spec/podSelector/matchLabels', 'spec/ingress/from/podSelector/matchLabels', 'spec/egress/to/podSelector/matchLabels'].map((path) => ({ group: 'networking.k8s.io', kind: 'NetworkPolicy', path })),
];

const ANNOTATIONS: FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  { version: 'v1', kind: 'ReplicationController', path: 'spec/template/metadata/annotations', create: true },
  ...['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'].map((kind) => ({ kind, path: 'spec/template/metadata/annotations', create: true })),
  { group: 'batch', kind: 'Job', path: 'spec/template/metadata/annotations', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/metadata/annotations', create: true },
  { group: 'batch', kind: 'CronJob', path: 'spec/jobTemplate/spec/template/metadata/annotations', create: true },
];

export function labelSpecs(includeSelectors: boolean, includeTemplates: boolean): FieldSpec[] {
  const specs: FieldSpec[] = [{ path: 'metadata/labels', create: true }];
  if (includeSelectors || includeTemplates) specs.push(...WORKLOADS_TEMPLATE);
  if (includeSelectors) specs.push(...SELECTORS);
  return specs;
}

export const annotationSpecs = ANNOTATIONS;

/** Writes every pair into the maps the specs point at. */
export function addToMaps(resources: RenderResource[], pairs: Record<string, string>, specs: FieldSpec[], origin: Origin): void {
  const bad = resources.length > 0 ? Object.keys(pairs).find(isNonStringKey) : undefined;
  // sigs.k8s.io/yaml turned `on:` into the key "true"; kyaml writes it as a plain key, which
  // go-yaml v3 then reads as a boolean: the output's JSON encoding refuses the map.
  if (bad !== undefined) throw new BuildError(`key ${JSON.stringify(bad)} is not a string once written into a resource: json: unsupported type: map[interface {}]interface {}`, origin.file, origin.pointer);
  for (const r of resources) {
    for (const spec of specs) {
      if (!specMatches(spec, r)) continue;
      walkPath(r.object, spec.path, spec.create ?? false, (parent, key, pointer) => {
        const map = ownValue(parent, key);
        if (map === null || map === undefined) setOwn(parent, key, {});
        else if (typeof map !== 'object' || Array.isArray(map)) throw new BuildError(`${spec.path}: expected a map`);
        for (const [k, v] of Object.entries(pairs)) {
          setOwn(ownValue(parent, key) as Record<string, unknown>, k, v);
          r.setOrigin(`${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, origin);
        }
      });
    }
  }
}

/** Whether go-yaml v3 reads this text, written as a plain key, as something other than a string. */
function isNonStringKey(key: string): boolean {
  if (key === '') return false;
  const value = parsePlainDocuments(key, 'key', { typing: 'kustomize' }).documents[0]?.value;
  return value !== undefined && typeof value !== 'string' && (value === null || typeof value !== 'object');
}
