import type { RuleContext, RuleDocs } from './types.js';
import { describeLabels, matchesMapSelector } from './selectors.js';
import { isMap, namespaceOf, type PodTemplate } from './workloads.js';
import { escapeSegment, ownValue, type PointerEdit, type SuggestionSpec } from '../core/index.js';
import { distance } from '../schema/index.js';
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
    const suggestion = typoFix(selector, index.podTemplatesIn(ns));
    ctx.report({ resource: r, pointer: '/spec/selector', message: `Service "${r.id.name}" selects no pods: no pod template in namespace "${ns}" has the labels ${describeLabels(selector)}`, ...(suggestion && { suggestion }) });
  }
}

/**
 * A selector one typo away from the labels of a pod template: one entry whose key or value is
 * within two edits of the template's, every other entry equal. Offered only when every template
 * it nearly selects asks for the same edit: two workloads near in two ways leave the choice to a person.
 */
function typoFix(selector: Record<string, unknown>, templates: readonly PodTemplate[]): SuggestionSpec | undefined {
  const found = new Map<string, { edit: PointerEdit & { newText: string }; title: string }>();
  for (const t of templates) {
    // Own keys only: a label key such as "toString" must not read Object.prototype's.
    const wrong = Object.entries(selector).filter(([k, v]) => ownValue(t.labels, k) !== v);
    if (wrong.length !== 1) continue;
    const [key, value] = wrong[0]!;
    if (typeof value !== 'string') continue;
    const pointer = `/spec/selector/${escapeSegment(key)}`;
    const have = ownValue(t.labels, key);
    if (have !== undefined) {
      if (typeof have === 'string' && distance(value, have) <= 2) found.set(`v:${key}:${have}`, { edit: { pointer, at: 'value', newText: yamlString(have) }, title: `Change selector ${key}: ${value} to ${have}` });
      continue;
    }
    for (const [k, v] of Object.entries(t.labels)) {
      if (v !== value || Object.hasOwn(selector, k) || distance(key, k) > 2) continue;
      found.set(`k:${key}:${k}`, { edit: { pointer, at: 'key', newText: yamlString(k) }, title: `Change selector key "${key}" to "${k}"` });
    }
  }
  if (found.size !== 1) return undefined;
  const [only] = found.values();
  return { title: only!.title, edits: [only!.edit] };
}

/** A label key or value as YAML text: plain where YAML reads it back as the same string, else double-quoted. */
function yamlString(s: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(s) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(s);
  return plain ? s : JSON.stringify(s);
}
