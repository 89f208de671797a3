import type { RuleContext, RuleDocs } from './types.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'default-service-account',
  severity: 'info',
  // Rights granted to `default` reach every pod of the namespace that names no account.
  securitySeverity: 3.0,
  defaultOff: true,
  description: 'A pod that runs as its namespace\'s default ServiceAccount',
  docs: [
    'Every pod that names no ServiceAccount runs as the namespace\'s `default` one, so a Role bound to `default` for one workload is granted to all of them. A dedicated ServiceAccount per workload keeps each one\'s API rights its own. Reported at `serviceAccountName` (or where it goes) when it is absent, empty or `default`; the deprecated `serviceAccount` field counts when `serviceAccountName` is absent, as the API server reads it.',
    '',
    'Peer: kube-linter\'s `default-service-account`, off by default, so this rule is **off** too: most workloads never call the API, and for them the default account (with its token left unmounted, see `automount-service-account-token`) is fine.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'spec:\n  containers: [...]   # runs as "default"', good: 'spec:\n  serviceAccountName: billing-api' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    const named = typeof t.spec.serviceAccountName === 'string' ? t.spec.serviceAccountName : undefined;
    const legacy = typeof t.spec.serviceAccount === 'string' ? t.spec.serviceAccount : undefined;
    const name = named || legacy || 'default';
    if (name !== 'default') continue;
    const field = named !== undefined || legacy === undefined ? 'serviceAccountName' : 'serviceAccount';
    ctx.report({ resource: t.resource, pointer: `${t.specPointer}/${field}`, message: `pod runs as the default ServiceAccount of namespace "${t.namespace}"; give it a ServiceAccount of its own (serviceAccountName)` });
  }
}
