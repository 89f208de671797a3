import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'host-port',
  severity: 'info',
  // A host port exposes the pod on the node's own network address, outside any Service.
  securitySeverity: 4.3,
  description: 'A container binds a port on the node',
  docs: 'A `hostPort` limits the workload to one pod per node for that port and exposes it outside the cluster network. Fine for node agents; usually a Service is what was meant.',
  perResource: true,
  examples: { bad: 'ports:\n- {containerPort: 8080, hostPort: 8080}', good: 'ports:\n- {containerPort: 8080}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const ports = Array.isArray(container.ports) ? container.ports : [];
      ports.forEach((p, i) => {
        if (isMap(p) && typeof p.hostPort === 'number' && p.hostPort !== 0) ctx.report({ resource: t.resource, pointer: `${pointer}/ports/${i}/hostPort`, message: `container "${stringOf(container.name)}" binds host port ${p.hostPort}` });
      });
    }
  }
}
