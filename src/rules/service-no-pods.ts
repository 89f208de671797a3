import type { RuleContext, RuleDocs } from './types.js';
import { describeLabels, matchesMapSelector } from './selectors.js';
import { isMap, namespaceOf } from './workloads.js';
import { indexOf } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'service-no-pods',
  severity: 'warning',
  description: 'A Service whose selector matches no pod template in its namespace',
  docs: 'Such a Service has no endpoints: every request to it fails. Usually a label typo in the selector or in the workload, or the workload lives in another namespace. Services without a selector (ExternalName, manually managed endpoints) are not checked.',
  examples: {
    bad: 'kind: Service\nspec:\n  selector: {app: web}\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {app: wbe}',
    good: 'kind: Service\nspec:\n  selector: {app: web}\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {app: web}',
  },
};

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const r of ctx.resources) {
    if (r.id.apiVersion !== 'v1' || r.id.kind !== 'Service') continue;
    const spec = isMap(r.object.spec) ? r.object.spec : {};
    if (spec.type === 'ExternalName' || !isMap(spec.selector) || Object.keys(spec.selector).length === 0) continue;
    const selector = spec.selector;
    const ns = namespaceOf(r);
    if (index.podTemplatesMaybeMatching(ns, selector).some((t) => matchesMapSelector(selector, t.labels))) continue;
    ctx.report({ resource: r, pointer: '/spec/selector', message: `Service "${r.id.name}" selects no pods: no pod template in namespace "${ns}" has the labels ${describeLabels(selector)}` });
  }
}
