import { stringOf } from '../core/index.js';
import { ingressBackends } from './ingress-backends.js';
import type { RuleContext, RuleDocs } from './types.js';
import { isMap } from './workloads.js';

export const meta: RuleDocs = {
  id: 'ingress-missing-port',
  severity: 'warning',
  description: 'An Ingress backend port (number or name) that its Service does not declare',
  docs: 'The ingress controller finds no endpoint for a port the Service lacks and answers 503. `port.number` must equal a Service `port` (not a `targetPort`); `port.name` must equal a Service port `name`.',
  examples: { bad: 'backend:\n  service: {name: web, port: {name: https}}   # Service web has only port http', good: 'backend:\n  service: {name: web, port: {name: http}}' },
};

export function check(ctx: RuleContext): void {
  for (const b of ingressBackends(ctx)) {
    if (!b.service || !b.port) continue;
    const spec = b.service.object.spec;
    const ports = isMap(spec) && Array.isArray(spec.ports) ? spec.ports.filter(isMap) : [];
    if (b.port.number !== undefined && !ports.some((p) => p.port === b.port!.number)) {
      ctx.report({ resource: b.ingress, pointer: `${b.pointer}/port/number`, message: `Service "${b.name}" has no port ${stringOf(b.port.number)}` });
    } else if (b.port.name !== undefined && !ports.some((p) => p.name === b.port!.name)) {
      ctx.report({ resource: b.ingress, pointer: `${b.pointer}/port/name`, message: `Service "${b.name}" has no port named "${stringOf(b.port.name)}"` });
    }
  }
}
