import type { RuleContext, RuleDocs } from './types.js';
import { namespaceOf } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'automount-service-account-token',
  severity: 'info',
  // A mounted token is an API credential handed to whoever gets into the container.
  securitySeverity: 4.0,
  defaultOff: true,
  description: 'A pod that gets an API token mounted it may not need (automountServiceAccountToken not false)',
  docs: [
    'Unless told otherwise, the kubelet mounts a token of the pod\'s ServiceAccount into every container, and whoever gets into one can call the Kubernetes API with the account\'s rights. Most applications never call the API. Set `automountServiceAccountToken: false` on the pod, or on its ServiceAccount. The pod\'s field wins over the ServiceAccount\'s, as the kubelet reads them: a pod is reported when its own field is not `false` and its ServiceAccount, when among the inputs, does not say `false` either. Reported at the pod\'s field, or where it goes.',
    '',
    'Peers: neither kube-linter nor kube-score checks this by default (it is in the CIS benchmark, 5.1.6, and in Checkov and Polaris), and every workload that does call the API would have to opt out, so this rule is **off** by default.',
  ].join('\n'),
  examples: { bad: 'spec:\n  containers: [...]   # token mounted', good: 'spec:\n  automountServiceAccountToken: false' },
};

export function check(ctx: RuleContext): void {
  // ServiceAccounts of the inputs that turn mounting off for their pods.
  const off = new Set(ctx.resources.filter((r) => r.id.apiVersion === 'v1' && r.id.kind === 'ServiceAccount' && r.object.automountServiceAccountToken === false).map((r) => `${namespaceOf(r)}/${r.id.name}`));
  for (const t of podTemplates(ctx.resources)) {
    const own = t.spec.automountServiceAccountToken;
    if (own === false) continue;
    const account = (typeof t.spec.serviceAccountName === 'string' && t.spec.serviceAccountName) || (typeof t.spec.serviceAccount === 'string' && t.spec.serviceAccount) || 'default';
    if (own !== true && off.has(`${t.namespace}/${account}`)) continue;
    const why = own === true ? 'automountServiceAccountToken is true' : `neither the pod nor ServiceAccount "${account}" sets automountServiceAccountToken: false`;
    ctx.report({ resource: t.resource, pointer: `${t.specPointer}/automountServiceAccountToken`, message: `pod gets an API token mounted (${why}); set automountServiceAccountToken: false unless it calls the API` });
  }
}
