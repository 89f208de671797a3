import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-limits',
  severity: 'warning',
  description: 'A container without a memory limit',
  docs: 'A container without a memory limit can take all of a node\'s memory and get other pods OOM-killed. (CPU limits are a different matter: see `cpu-limit`.)',
  perResource: true,
  examples: { bad: 'resources:\n  requests: {memory: 256Mi}', good: 'resources:\n  requests: {memory: 256Mi}\n  limits: {memory: 512Mi}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const limits = isMap(container.resources) && isMap(container.resources.limits) ? container.resources.limits : {};
      if (limits.memory === undefined) ctx.report({ resource: t.resource, pointer: `${pointer}/name`, message: `container "${stringOf(container.name)}" has no memory limit` });
    }
  }
}
