import type { RuleContext, RuleDocs } from './types.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-priorityclass',
  severity: 'warning',
  description: 'A pod uses a PriorityClass that is not among the inputs',
  docs: 'Admission refuses a pod whose `priorityClassName` does not exist. The built-in `system-cluster-critical` and `system-node-critical` classes are not reported. A warning by default, an error with `--strict-refs`.',
  examples: { bad: 'priorityClassName: hihg', good: 'priorityClassName: high   # with a PriorityClass named high' },
};

const BUILT_IN = new Set(['system-cluster-critical', 'system-node-critical']);

export function check(ctx: RuleContext): void {
  const present = new Set(ctx.resources.filter((r) => r.id.kind === 'PriorityClass').map((r) => r.id.name));
  for (const t of podTemplates(ctx.resources)) {
    const name = t.spec.priorityClassName;
    if (typeof name !== 'string' || name === '' || BUILT_IN.has(name) || present.has(name)) continue;
    ctx.report({ resource: t.resource, pointer: `${t.specPointer}/priorityClassName`, message: `PriorityClass "${name}" not found`, severity: ctx.options.strictRefs ? 'error' : undefined });
  }
}
