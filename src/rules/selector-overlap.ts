import type { RuleContext, RuleDocs } from './types.js';
import type { Resource } from '../core/index.js';
import { matchesLabelSelector, type LabelSelector } from './selectors.js';
import { isMap, namespaceOf } from './workloads.js';
import { indexOf } from './resource-index.js';

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
  const index = indexOf(ctx.resources);
  const hasSelector = (r: Resource) => CONTROLLERS.has(r.id.kind) && isMap(r.object.spec) && isMap(r.object.spec.selector);
  for (const a of ctx.resources) {
    if (!hasSelector(a)) continue;
    const selector = (a.object.spec as Record<string, unknown>).selector as LabelSelector;
    for (const template of index.podTemplatesMaybeMatching(namespaceOf(a), selector.matchLabels)) {
      const b = template.resource;
      if (a === b || !hasSelector(b)) continue;
      // The same object written twice (a copy in another file) is one controller, not two.
      if (a.id.kind === b.id.kind && a.id.name === b.id.name && a.id.apiVersion.split('/')[0] === b.id.apiVersion.split('/')[0]) continue;
      // Report on `a` when it grabs b's pods; each direction is its own finding.
      if (matchesLabelSelector(selector, template.labels)) {
        const where = b.source.file !== a.source.file ? ` (${b.source.file})` : '';
        ctx.report({ resource: a, pointer: '/spec/selector', message: `the selector also matches the pods of ${b.id.kind} "${b.id.name}"${where}: both controllers will fight over them` });
      }
    }
  }
}
