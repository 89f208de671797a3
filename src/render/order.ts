/** kustomize's default ("legacy") output order: kinds by a fixed ranking, then by group/version/kind, namespace, name. */
import { compareStrings } from '../core/index.js';
import type { RenderResource } from './resource.js';

const ORDER_FIRST = ['Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange', 'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget'];
const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

export function legacySort(items: RenderResource[], first = ORDER_FIRST, last = ORDER_LAST): RenderResource[] {
  const rank = (kind: string) => {
    const f = first.indexOf(kind);
    if (f !== -1) return f - first.length;
    const l = last.indexOf(kind);
    return l !== -1 ? 1 + l : 0;
  };
  const gvk = (r: RenderResource) => `${r.group || '~G'}_${r.version || '~V'}_${r.kind || '~K'}`;
  return [...items].sort((a, b) => {
    const ga = gvk(a);
    const gb = gvk(b);
    if (ga !== gb) return rank(a.kind) - rank(b.kind) || compareStrings(ga, gb);
    return compareStrings(`${ga}|${a.namespace ?? '~X'}|${a.name || '~N'}`, `${gb}|${b.namespace ?? '~X'}|${b.name || '~N'}`);
  });
}
