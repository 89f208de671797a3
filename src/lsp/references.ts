/**
 * Where an object names another object of the workspace by name — the kind a field refers to —
 * and the label keys the workspace's selectors use: what completion offers and hover resolves.
 */
import { parsePointer, valueAt, type Resource } from '../core/index.js';

/** Field paths (the last segments of a pointer, list indexes as `*`) that hold the name of an object of a kind. */
const REFERENCES: [string[], string][] = [
  [['configMapRef', 'name'], 'ConfigMap'],
  [['configMapKeyRef', 'name'], 'ConfigMap'],
  [['configMap', 'name'], 'ConfigMap'],
  [['secretRef', 'name'], 'Secret'],
  [['secretKeyRef', 'name'], 'Secret'],
  [['secret', 'secretName'], 'Secret'],
  [['secret', 'name'], 'Secret'], // a projected volume's source
  [['imagePullSecrets', '*', 'name'], 'Secret'],
  [['tls', '*', 'secretName'], 'Secret'], // an Ingress's
  [['serviceAccountName'], 'ServiceAccount'],
  [['persistentVolumeClaim', 'claimName'], 'PersistentVolumeClaim'],
  [['spec', 'serviceName'], 'Service'], // a StatefulSet's governing Service
  [['backend', 'service', 'name'], 'Service'], // an Ingress's
  [['defaultBackend', 'service', 'name'], 'Service'],
];

/**
 * References that say the kind they name in a `kind` beside the name: an autoscaler's target, a
 * role binding's role and its subjects. Users and groups are no objects: only these kinds count.
 */
const KIND_BESIDE: [string[], string[]][] = [
  [['scaleTargetRef', 'name'], ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']],
  [['targetRef', 'name'], ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Job', 'CronJob']], // a VerticalPodAutoscaler's
  [['roleRef', 'name'], ['Role', 'ClusterRole']],
  [['subjects', '*', 'name'], ['ServiceAccount']],
];

/**
 * The kind of object the value at `pointer` names, or undefined when it names none. `document`,
 * the document's plain value, tells the kind of a reference that says it beside the name.
 */
export function referencedKind(pointer: string, document?: unknown): string | undefined {
  const segments = parsePointer(pointer).map((s) => (/^\d+$/.test(s) ? '*' : s));
  const endsWith = (tail: string[]) => tail.length <= segments.length && tail.every((t, i) => segments[segments.length - tail.length + i] === t);
  for (const [tail, kind] of REFERENCES) if (endsWith(tail)) return kind;
  for (const [tail, kinds] of KIND_BESIDE) {
    if (!endsWith(tail)) continue;
    const kind = valueAt(document, `${pointer.slice(0, pointer.lastIndexOf('/'))}/kind`);
    return typeof kind === 'string' && kinds.includes(kind) ? kind : undefined;
  }
  return undefined;
}

/** The workspace's objects of `kind`, those in `namespace` (or without one) first. */
export function objectsOfKind(objects: readonly Resource[], kind: string, namespace: string | undefined): Resource[] {
  const ofKind = objects.filter((r) => r.id.kind === kind);
  const near = (r: Resource) => (r.id.namespace === undefined || r.id.namespace === namespace ? 0 : 1);
  return ofKind.sort((a, b) => near(a) - near(b));
}

/** Whether the pointer is a map of labels that selectors match: an object's or a pod template's labels, a selector. */
export function isLabelMap(pointer: string): boolean {
  return /\/(labels|matchLabels)$/.test(pointer) || pointer === '/spec/selector';
}

/** Label keys the workspace's selectors match on, each with the objects whose selector uses it. */
export function selectorLabelKeys(objects: readonly Resource[]): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  const add = (key: string, r: Resource) => {
    const who = `${r.id.kind}/${r.id.name}`;
    const list = keys.get(key) ?? [];
    if (!list.includes(who)) list.push(who);
    keys.set(key, list);
  };
  const visit = (value: unknown, parent: string, r: Resource, depth: number) => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, parent, r, depth + 1);
      return;
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const labels = k === 'matchLabels' || (k === 'selector' && r.id.kind === 'Service' && parent === 'spec');
      if (labels && v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const key of Object.keys(v)) add(key, r);
      } else if (k === 'matchExpressions' && Array.isArray(v)) {
        for (const e of v) if (typeof (e as { key?: unknown } | null)?.key === 'string') add((e as { key: string }).key, r);
      } else {
        visit(v, k, r, depth + 1);
      }
    }
  };
  for (const r of objects) visit(r.object, '', r, 0);
  return keys;
}
