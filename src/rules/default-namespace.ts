import type { RuleContext, RuleDocs } from './types.js';

/** Kinds that live in a namespace and that a team deploys: where a missing namespace lands the object in whatever namespace it is applied to. */
const NAMESPACED_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Service', 'ServiceAccount', 'ConfigMap', 'Secret', 'Role', 'RoleBinding', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'PersistentVolumeClaim']);

export const meta: RuleDocs = {
  id: 'default-namespace',
  severity: 'info',
  // The default namespace is where everything lands: its Roles and policies are nobody's and everybody's.
  securitySeverity: 2.0,
  defaultOff: true,
  description: 'An object placed in the default namespace (metadata.namespace: default)',
  docs: [
    'Namespaces are where RBAC, NetworkPolicies, quotas and Pod Security levels apply; the `default` namespace is shared by whatever was applied without thought, so nothing there is isolated from anything else (CIS benchmark 5.7.4). Reported at `metadata.namespace` when it says `default` — also when a kustomization\'s `namespace: default` put it there, where the finding points at that kustomization line.',
    '',
    'An object with no namespace at all lands wherever it is applied (`kubectl -n`, an Argo CD or Flux destination, a parent kustomization\'s `namespace:`), so it is not reported unless the `unset` option is `true`; then the namespaced kinds a team deploys (workloads, Services, ServiceAccounts, ConfigMaps, Secrets, Roles, RoleBindings, NetworkPolicies, HPAs, PDBs, Ingresses, PVCs) without one are reported too, at their `metadata`.',
    '',
    'Peer: kube-linter\'s `use-namespace`, off by default (it reports a missing namespace as `default`), so this rule is **off** too.',
  ].join('\n'),
  options: {
    schema: { type: 'object', properties: { unset: { type: 'boolean', description: 'also report namespaced objects that set no namespace' } }, additionalProperties: false },
    defaults: { unset: false },
  },
  perResource: true,
  examples: { bad: 'metadata:\n  name: api\n  namespace: default', good: 'metadata:\n  name: api\n  namespace: shop' },
};

export function check(ctx: RuleContext): void {
  for (const r of ctx.resources) {
    const namespace = r.id.namespace;
    if (namespace === 'default') ctx.report({ resource: r, pointer: '/metadata/namespace', message: `${r.id.kind} "${r.id.name}" is in the default namespace; put it in a namespace of its own` });
    else if ((namespace === undefined || namespace === '') && ctx.settings.unset === true && NAMESPACED_KINDS.has(r.id.kind)) {
      ctx.report({ resource: r, pointer: '/metadata/namespace', message: `${r.id.kind} "${r.id.name}" sets no namespace and lands wherever it is applied, the default namespace unless told otherwise; set metadata.namespace` });
    }
  }
}
