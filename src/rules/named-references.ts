/**
 * Every field that names another object by name, with the object it names: the references the
 * rules check (ConfigMaps, Secrets, ServiceAccounts, claims, an Ingress's Services, a
 * StatefulSet's governing Service, an autoscaler's target, a binding's role and subjects),
 * gathered for the editor's go-to-definition.
 */
import type { Resource } from '../core/index.js';
import { ingressBackends } from './ingress-backends.js';
import { referencesIn } from './references.js';
import { podTemplates } from './resource-index.js';
import { isMap, namespaceOf } from './workloads.js';

export interface NamedReference {
  /** The resource that holds the reference, and where: the pointer of the name's value. */
  from: Resource;
  pointer: string;
  kind: string;
  name: string;
  /** Undefined for a cluster-scoped kind. */
  namespace: string | undefined;
}

export function namedReferences(resources: readonly Resource[]): NamedReference[] {
  const out: NamedReference[] = [];
  for (const t of podTemplates(resources)) {
    const at = (kind: string, name: string, pointer: string) => out.push({ from: t.resource, pointer, kind, name, namespace: t.namespace });
    for (const kind of ['ConfigMap', 'Secret'] as const) for (const ref of referencesIn(t, kind)) at(kind, ref.name, ref.pointer);
    for (const field of ['serviceAccountName', 'serviceAccount']) {
      const name = t.spec[field];
      if (typeof name === 'string') at('ServiceAccount', name, `${t.specPointer}/${field}`);
    }
    (Array.isArray(t.spec.volumes) ? t.spec.volumes : []).forEach((v, i) => {
      if (isMap(v) && isMap(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string') {
        at('PersistentVolumeClaim', v.persistentVolumeClaim.claimName, `${t.specPointer}/volumes/${i}/persistentVolumeClaim/claimName`);
      }
    });
  }
  for (const r of resources) {
    if (r.id.kind === 'StatefulSet' && isMap(r.object.spec) && typeof r.object.spec.serviceName === 'string') {
      out.push({ from: r, pointer: '/spec/serviceName', kind: 'Service', name: r.object.spec.serviceName, namespace: namespaceOf(r) });
    }
  }
  for (const b of ingressBackends({ resources })) out.push({ from: b.ingress, pointer: `${b.pointer}/name`, kind: 'Service', name: b.name, namespace: namespaceOf(b.ingress) });
  for (const r of resources) out.push(...kindNamedReferences(r));
  return out;
}

/** References that name their kind beside the name: an autoscaler's target (dangling-hpa), a binding's role (missing-role) and its ServiceAccount subjects. */
function kindNamedReferences(r: Resource): NamedReference[] {
  const out: NamedReference[] = [];
  const named = (ref: unknown, pointer: string, kinds: readonly string[], namespace: string | undefined) => {
    if (isMap(ref) && typeof ref.kind === 'string' && typeof ref.name === 'string' && kinds.includes(ref.kind)) out.push({ from: r, pointer: `${pointer}/name`, kind: ref.kind, name: ref.name, namespace });
  };
  if (r.id.kind === 'HorizontalPodAutoscaler' && isMap(r.object.spec)) named(r.object.spec.scaleTargetRef, '/spec/scaleTargetRef', ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'], namespaceOf(r));
  if (r.id.kind === 'RoleBinding' || r.id.kind === 'ClusterRoleBinding') {
    const ref = r.object.roleRef;
    // A ClusterRole is cluster-scoped: any namespace (none) matches.
    named(ref, '/roleRef', ['Role', 'ClusterRole'], isMap(ref) && ref.kind === 'ClusterRole' ? undefined : namespaceOf(r));
    (Array.isArray(r.object.subjects) ? r.object.subjects : []).forEach((s, i) => named(s, `/subjects/${i}`, ['ServiceAccount'], isMap(s) && typeof s.namespace === 'string' ? s.namespace : namespaceOf(r)));
  }
  return out;
}

/** The object a reference names, among `resources` (core group kinds: v1, apps/v1 aside, match by kind). */
export function referencedObject(ref: NamedReference, resources: readonly Resource[]): Resource | undefined {
  return resources.find((r) => r.id.kind === ref.kind && r.id.name === ref.name && (ref.namespace === undefined || namespaceOf(r) === ref.namespace));
}
