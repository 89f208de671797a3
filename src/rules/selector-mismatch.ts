import type { RuleContext, RuleDocs } from './types.js';
import { describeLabels, matchesLabelSelector, matchesMapSelector, type LabelSelector } from './selectors.js';
import { isMap, podTemplate } from './workloads.js';

export const meta: RuleDocs = {
  id: 'selector-mismatch',
  severity: 'error',
  description: "A workload's selector does not match its own pod template's labels",
  docs: 'The API server refuses such a workload: `selector does not match template labels`. The controller could never find the pods it creates. Make every selector label appear, with the same value, in `spec.template.metadata.labels`.',
  examples: {
    bad: 'kind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: frontend}',
    good: 'kind: Deployment\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}',
  },
  rejectedByApiServer: true,
};

const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);

export function check(ctx: RuleContext): void {
  for (const r of ctx.resources) {
    const spec = isMap(r.object.spec) ? r.object.spec : undefined;
    const template = podTemplate(r);
    if (!spec || !template) continue;
    let matches: boolean;
    if (LABEL_SELECTOR_KINDS.has(r.id.kind)) {
      // A Job's selector is generated unless manualSelector is set; only then can it be wrong.
      if (r.id.kind === 'Job' && spec.manualSelector !== true) continue;
      if (!isMap(spec.selector)) continue; // a missing selector is the schema's "Required value"
      matches = matchesLabelSelector(spec.selector as LabelSelector, template.labels);
    } else if (r.id.kind === 'ReplicationController') {
      if (!isMap(spec.selector) || Object.keys(spec.selector).length === 0) continue; // defaulted from the template
      matches = matchesMapSelector(spec.selector, template.labels);
    } else continue;
    if (!matches) {
      ctx.report({
        resource: r,
        pointer: template.labelsPointer,
        message: `${template.labelsPointer.slice(1).replace(/\//g, '.')}: Invalid value: "${describeLabels(template.labels)}": selector does not match template labels`,
      });
    }
  }
}
