import type { RuleContext, RuleDocs } from './types.js';
import { indexOf } from './resource-index.js';
import { isMap, namespaceOf } from './workloads.js';

export const meta: RuleDocs = {
  id: 'missing-role',
  severity: 'warning',
  description: 'A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole that is not among the inputs',
  docs: 'A binding to a missing role grants nothing; when the role appears later it silently grants its rules. Roles a cluster provides (`cluster-admin`, `admin`, `edit`, `view` and every `system:` ClusterRole) are not reported. A warning by default, an error with `--strict-refs`.',
  examples: { bad: 'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}   # no Role reader', good: 'kind: Role\nmetadata: {name: reader}' },
};

const CLUSTER_PROVIDED = new Set(['cluster-admin', 'admin', 'edit', 'view']);

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const b of ctx.resources) {
    if ((b.id.kind !== 'RoleBinding' && b.id.kind !== 'ClusterRoleBinding') || !isMap(b.object.roleRef)) continue;
    const { kind, name } = b.object.roleRef;
    if (typeof name !== 'string' || (kind !== 'Role' && kind !== 'ClusterRole')) continue;
    if (kind === 'ClusterRole' && (CLUSTER_PROVIDED.has(name) || name.startsWith('system:'))) continue;
    const found = index.named(kind, name, kind === 'ClusterRole' ? undefined : namespaceOf(b)).length > 0;
    if (found) continue;
    const where = kind === 'Role' ? ` in namespace "${namespaceOf(b)}"` : '';
    ctx.report({ resource: b, pointer: '/roleRef/name', message: `${kind} "${name}" not found${where}`, severity: ctx.options.strictRefs ? 'error' : undefined });
  }
}
