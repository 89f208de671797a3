import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'cpu-limit',
  severity: 'info',
  description: 'A container with a CPU limit',
  docs: 'CPU limits throttle a container even when the node has idle CPU, which often shows up as latency rather than as an error. Many teams set CPU requests and no CPU limits; this note makes the choice visible.',
  perResource: true,
  examples: { bad: 'resources:\n  limits: {cpu: 500m, memory: 256Mi}', good: 'resources:\n  requests: {cpu: 500m}\n  limits: {memory: 256Mi}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const limits = isMap(container.resources) && isMap(container.resources.limits) ? container.resources.limits : {};
      if (limits.cpu !== undefined) ctx.report({ resource: t.resource, pointer: `${pointer}/resources/limits/cpu`, message: `container "${stringOf(container.name)}" has a CPU limit (${stringOf(limits.cpu)}): it is throttled even when CPU is idle` });
    }
  }
}
