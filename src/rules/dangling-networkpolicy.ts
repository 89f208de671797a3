import type { RuleContext, RuleDocs } from './types.js';
import { matchesLabelSelector, type LabelSelector } from './selectors.js';
import { isMap, namespaceOf } from './workloads.js';
import { indexOf } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'dangling-networkpolicy',
  severity: 'warning',
  description: "A NetworkPolicy whose podSelector matches no pod template in its namespace",
  docs: 'A NetworkPolicy that selects no pods protects nothing; usually its labels do not match the workload\'s. An empty podSelector (`{}`) selects every pod and is not reported.',
  examples: { bad: 'kind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels: {app: redis-master}   # pods are labelled app: redis', good: 'spec:\n  podSelector:\n    matchLabels: {app: redis}' },
};

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const r of ctx.resources) {
    if (r.id.kind !== 'NetworkPolicy' || !isMap(r.object.spec) || !isMap(r.object.spec.podSelector)) continue;
    const selector = r.object.spec.podSelector as LabelSelector;
    if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) continue;
    if (index.podTemplatesMaybeMatching(namespaceOf(r), selector.matchLabels).some((t) => matchesLabelSelector(selector, t.labels))) continue;
    ctx.report({ resource: r, pointer: '/spec/podSelector', message: `NetworkPolicy "${r.id.name}" selects no pods in namespace "${namespaceOf(r)}"` });
  }
}
