import { ingressBackends } from './ingress-backends.js';
import type { RuleContext, RuleDocs } from './types.js';
import { namespaceOf } from './workloads.js';

export const meta: RuleDocs = {
  id: 'ingress-missing-service',
  severity: 'warning',
  description: 'An Ingress backend naming a Service that is not among the inputs',
  docs: 'A backend whose Service does not exist answers 503 for every request on that path. A warning by default (the Service may live outside this run), an error with `--strict-refs`.',
  examples: { bad: 'backend:\n  service: {name: wbe, port: {name: http}}   # the Service is called web', good: 'backend:\n  service: {name: web, port: {name: http}}' },
};

export function check(ctx: RuleContext): void {
  for (const b of ingressBackends(ctx)) {
    if (b.service) continue;
    ctx.report({ resource: b.ingress, pointer: `${b.pointer}/name`, message: `Service "${b.name}" not found in namespace "${namespaceOf(b.ingress)}"`, severity: ctx.options.strictRefs ? 'error' : undefined });
  }
}
