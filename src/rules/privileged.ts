import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'privileged',
  severity: 'warning',
  // A privileged container shares every capability of the node: an escape from it is root on the node.
  securitySeverity: 8.8,
  description: 'A privileged container, or one allowed to escalate privileges',
  docs: 'A privileged container has every capability of the host: an escape from it is an escape onto the node. Most workloads need neither `privileged: true` nor `allowPrivilegeEscalation: true`.',
  perResource: true,
  examples: { bad: 'securityContext: {privileged: true}', good: 'securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const sc = isMap(container.securityContext) ? container.securityContext : undefined;
      if (sc?.privileged === true) ctx.report({ resource: t.resource, pointer: `${pointer}/securityContext/privileged`, message: `container "${stringOf(container.name)}" is privileged` });
      else if (sc?.allowPrivilegeEscalation === true) ctx.report({ resource: t.resource, pointer: `${pointer}/securityContext/allowPrivilegeEscalation`, message: `container "${stringOf(container.name)}" allows privilege escalation` });
    }
  }
}
