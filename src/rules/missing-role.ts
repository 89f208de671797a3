import type { RuleContext, RuleDocs } from './types.js';
import { indexOf } from './resource-index.js';
import { isMap, namespaceOf } from './workloads.js';

export const meta: RuleDocs = {
  id: 'missing-role',
  severity: 'warning',
  description: 'A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole that is not among the inputs',
  docs: 'A binding to a missing role grants nothing; when the role appears later it silently grants its rules. Roles every cluster bootstraps are not reported: the ClusterRoles `cluster-admin`, `admin`, `edit`, `view` and every `system:` one, and the Roles in `kube-system` (`extension-apiserver-authentication-reader`, the leader-locking and controller roles) and `kube-public`. A warning by default, an error with `--strict-refs`.',
  examples: { bad: 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}   # no Role reader', good: 'kind: Role\nmetadata: {name: reader}' },
};

/** The API server's bootstrap RBAC policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy: policy.go, namespace_policy.go). */
const CLUSTER_PROVIDED = new Set(['cluster-admin', 'admin', 'edit', 'view']);
const NAMESPACE_PROVIDED: Record<string, ReadonlySet<string>> = {
  'kube-system': new Set([
    'extension-apiserver-authentication-reader',
    'system::leader-locking-kube-controller-manager',
    'system::leader-locking-kube-scheduler',
    'system:controller:bootstrap-signer',
    'system:controller:cloud-provider',
    'system:controller:token-cleaner',
  ]),
  'kube-public': new Set(['system:controller:bootstrap-signer']),
};

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const b of ctx.resources) {
    if ((b.id.kind !== 'RoleBinding' && b.id.kind !== 'ClusterRoleBinding') || !isMap(b.object.roleRef)) continue;
    const { kind, name } = b.object.roleRef;
    if (typeof name !== 'string' || (kind !== 'Role' && kind !== 'ClusterRole')) continue;
    if (kind === 'ClusterRole' && (CLUSTER_PROVIDED.has(name) || name.startsWith('system:'))) continue;
    if (kind === 'Role' && NAMESPACE_PROVIDED[namespaceOf(b)]?.has(name)) continue;
    const found = index.named(kind, name, kind === 'ClusterRole' ? undefined : namespaceOf(b)).length > 0;
    if (found) continue;
    const where = kind === 'Role' ? ` in namespace "${namespaceOf(b)}"` : '';
    ctx.report({ resource: b, pointer: '/roleRef/name', message: `${kind} "${name}" not found${where}`, severity: ctx.options.strictRefs ? 'error' : undefined });
  }
}
