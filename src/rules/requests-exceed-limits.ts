import { compareQuantities, formatQuantity } from '../core/index.js';
import { fieldPath, invalid } from '../schema/index.js';
import { isOvercommitAllowed, requirementsOf } from './quantities.js';
import type { RuleContext, RuleDocs } from './types.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'requests-exceed-limits',
  severity: 'error',
  description: 'A request above its limit, or an extended resource whose request and limit differ',
  docs: 'The API server refuses a container whose request is larger than its limit (`must be less than or equal to cpu limit of 500m`), comparing exact values after rounding up to thousandths. Resources that cannot be overcommitted (extended resources such as `nvidia.com/gpu`, hugepages) need a limit, and a request, if given, equal to it.',
  perResource: true,
  examples: { bad: 'resources:\n  requests: {cpu: "1"}\n  limits: {cpu: 500m}', good: 'resources:\n  requests: {cpu: 500m}\n  limits: {cpu: "1"}' },
  rejectedByApiServer: true,
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const req of requirementsOf(t)) {
      const limits = new Map(req.limits.map((l) => [l.name, l]));
      for (const request of req.requests) {
        const limit = limits.get(request.name);
        const at = { resource: t.resource, pointer: request.pointer };
        const requestsPath = `${req.pointer}/requests`;
        if (!limit) {
          if (!isOvercommitAllowed(request.name)) ctx.report({ ...at, message: `${fieldPath(`${req.pointer}/limits`)}: Required value: Limit must be set for non overcommitable resources` });
          continue;
        }
        const order = compareQuantities(request.quantity, limit.quantity);
        const shown = formatQuantity(request.quantity);
        if (order !== 0 && !isOvercommitAllowed(request.name)) {
          ctx.report({ ...at, message: invalid(t.resource, requestsPath, shown, `must be equal to ${request.name} limit of ${formatQuantity(limit.quantity)}`) });
        } else if (order > 0) {
          ctx.report({ ...at, message: invalid(t.resource, requestsPath, shown, `must be less than or equal to ${request.name} limit of ${formatQuantity(limit.quantity)}`) });
        }
      }
    }
  }
}
