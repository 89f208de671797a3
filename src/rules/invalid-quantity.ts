import { formatQuantity, parseQuantityValue, unescapeSegment, type Resource } from '../core/index.js';
import { fieldPath } from '../schema/index.js';
import { invalidQuantity as invalid, isExtendedResource, isHugePages, isResourceListEntry, quantityFields, requirementsOf } from './quantities.js';
import type { RuleContext, RuleDocs } from './types.js';
import { podTemplate } from './workloads.js';

export const meta: RuleDocs = {
  id: 'invalid-quantity',
  severity: 'error',
  description: 'A resource quantity the API server refuses: unparsable, negative, fractional where whole units are required',
  docs: 'Every field of type Quantity (requests, limits, overhead, `ephemeral-storage`, hugepages, emptyDir `sizeLimit`, PVC storage, quotas, limit ranges) must parse as Kubernetes parses it: a number, then a binary suffix (`Ki` `Mi` `Gi` `Ti` `Pi` `Ei`), a decimal one (`n` `u` `m` `k` `M` `G` `T` `P` `E`) or an exponent (`e3`). `100MB`, `1.5.0Gi`, `1gi` and `12 Mi` are refused. Amounts may not be negative; extended resources such as `nvidia.com/gpu` and object counts in quotas must be whole numbers; hugepages must be a multiple of their page size, and need a cpu or memory amount beside them.',
  perResource: true,
  examples: { bad: 'resources:\n  limits: {memory: 100MB, nvidia.com/gpu: 0.5}', good: 'resources:\n  limits: {memory: 100M, nvidia.com/gpu: 1}' },
  rejectedByApiServer: true,
};

/** Object counts a ResourceQuota may limit: whole numbers only (helper.IsIntegerResourceName). */
const INTEGER_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers']);

export function check(ctx: RuleContext): void {
  for (const resource of ctx.resources) {
    for (const { pointer, value } of quantityFields(resource, ctx.options.kubernetesVersion)) {
      const parsed = parseQuantityValue(value);
      if (!parsed) continue; // a wrong type is the schema's invalid-type
      if (!parsed.ok) {
        ctx.report({ resource, pointer, message: invalid(resource, pointer, value, parsed.error) });
        continue;
      }
      const q = parsed.quantity;
      const name = unescapeSegment(pointer.slice(pointer.lastIndexOf('/') + 1));
      if (q.nanos < 0n) ctx.report({ resource, pointer, message: invalid(resource, pointer, formatQuantity(q), 'must be greater than or equal to 0') });
      else if ((INTEGER_RESOURCES.has(name) || isExtendedResource(name)) && isResourceListEntry(pointer) && q.nanos % 10n ** 9n !== 0n) {
        ctx.report({ resource, pointer, message: invalid(resource, pointer, formatQuantity(q), 'must be an integer') });
      }
    }
    checkHugePages(ctx, resource);
  }
}

/** validateResourceQuantityHugePageValue and "HugePages require cpu or memory", per container. */
function checkHugePages(ctx: RuleContext, resource: Resource): void {
  const template = podTemplate(resource);
  if (!template) return;
  for (const req of requirementsOf(template)) {
    const all = [...req.limits, ...req.requests];
    const huge = all.filter((a) => isHugePages(a.name));
    if (huge.length === 0) continue;
    for (const a of huge) {
      const page = parseQuantityValue(a.name.slice('hugepages-'.length));
      if (!page?.ok || page.quantity.nanos <= 0n) continue;
      if (a.quantity.nanos % page.quantity.nanos !== 0n) {
        const shown = formatQuantity(a.quantity);
        ctx.report({ resource, pointer: a.pointer, message: invalid(resource, a.pointer, shown, `${shown} is not positive integer multiple of ${formatQuantity(page.quantity)}`) });
      }
    }
    if (!all.some((a) => a.name === 'cpu' || a.name === 'memory')) {
      ctx.report({ resource, pointer: huge[0]!.pointer, message: `${fieldPath(req.pointer)}: Forbidden: HugePages require cpu or memory` });
    }
  }
}
