import type { RuleContext, RuleDocs } from './types.js';
import { matchesLabelSelector, type LabelSelector } from './selectors.js';
import { isMap, namespaceOf, podTemplate } from './workloads.js';

export const meta: RuleDocs = {
  id: 'selector-overlap',
  severity: 'warning',
  description: "Two workloads in one namespace whose selectors both match one workload's pods",
  docs: 'Controllers adopt every pod their selector matches. When two Deployments (or a Deployment and a StatefulSet...) select the same pods, they fight over them: scaling one deletes the other\'s pods. Give each workload a label the other does not select.',
  examples: {
    bad: 'kind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: shop}}\n---\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {app: shop}}',
    good: 'kind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: shop, component: web}}',
  },
};

const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet']);

export function check(ctx: RuleContext): void {
  const workloads = ctx.resources.filter((r) => CONTROLLERS.has(r.id.kind) && isMap(r.object.spec) && isMap(r.object.spec.selector));
  for (const a of workloads) {
    for (const b of workloads) {
      if (a === b || namespaceOf(a) !== namespaceOf(b)) continue;
      const template = podTemplate(b);
      if (!template) continue;
      // Report on `a` when it grabs b's pods; each direction is its own finding.
      if (matchesLabelSelector((a.object.spec as Record<string, unknown>).selector as LabelSelector, template.labels)) {
        ctx.report({ resource: a, pointer: '/spec/selector', message: `the selector also matches the pods of ${b.id.kind} "${b.id.name}": both controllers will fight over them` });
      }
    }
  }
}
