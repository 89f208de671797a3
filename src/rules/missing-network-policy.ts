import type { RuleContext, RuleDocs } from './types.js';
import { matchesLabelSelector, type LabelSelector } from './selectors.js';
import { isMap, namespaceOf } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-network-policy',
  severity: 'warning',
  // An unselected pod accepts connections from every pod of the cluster.
  securitySeverity: 5.0,
  defaultOff: true,
  description: 'Pods that no NetworkPolicy selects, in a namespace the inputs give NetworkPolicies',
  docs: [
    'A pod that no NetworkPolicy selects is not isolated: it accepts traffic from, and sends it to, anything in the cluster. The usual cause is a new workload whose labels the namespace\'s policies do not match (or a policy\'s selector that drifted from the labels). Reported at the pod template\'s labels; a policy selects the pods of its own namespace whose labels match its `podSelector` (`{}` selects them all), in either direction.',
    '',
    'Which namespaces: by default only those where the inputs hold at least one NetworkPolicy. A run often covers part of a cluster, and the policies of a namespace may be applied from elsewhere (a platform repository, a default-deny installed with the namespace); a namespace whose policies are among the inputs is one whose isolation these manifests own, so an unselected pod there is a gap rather than noise. The `everyNamespace` option reports pods of every namespace, as kube-score does.',
    '',
    'Peers: kube-score\'s `pod-networkpolicy` (on by default, every pod) and kube-linter\'s `non-isolated-pod` (off by default, every workload). This rule follows kube-linter and is **off** by default: even within the narrower scope, a namespace often guards one component on purpose (this repository\'s own example has a single policy, letting only the API and the worker reach redis) and leaves the rest open, and every such pod would be reported. Turn it on where every pod is meant to be isolated (a default-deny namespace). `dangling-networkpolicy` reports the converse, a policy that selects no pods.',
  ].join('\n'),
  options: {
    schema: { type: 'object', properties: { everyNamespace: { type: 'boolean', description: 'report unselected pods in namespaces without NetworkPolicies among the inputs too' } }, additionalProperties: false },
    defaults: { everyNamespace: false },
  },
  examples: {
    bad: 'kind: NetworkPolicy\nspec:\n  podSelector: {matchLabels: {app: api}}\n---\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {app: worker}   # selected by no policy',
    good: 'kind: NetworkPolicy\nspec:\n  podSelector: {matchExpressions: [{key: app, operator: In, values: [api, worker]}]}',
  },
};

export function check(ctx: RuleContext): void {
  const policies = new Map<string, LabelSelector[]>();
  for (const r of ctx.resources) {
    if (r.id.kind !== 'NetworkPolicy' || !r.id.apiVersion.startsWith('networking.k8s.io/')) continue;
    const spec = isMap(r.object.spec) ? r.object.spec : {};
    // podSelector is a struct, not a pointer, in the API: left out, it is the empty selector, which selects every pod.
    const selector = (isMap(spec.podSelector) ? spec.podSelector : {}) as LabelSelector;
    const list = policies.get(namespaceOf(r)) ?? [];
    list.push(selector);
    policies.set(namespaceOf(r), list);
  }
  const everyNamespace = ctx.settings.everyNamespace === true;
  for (const t of podTemplates(ctx.resources)) {
    if (t.resource.id.kind === 'PodTemplate') continue; // a template for others to use, no pods of its own
    const here = policies.get(t.namespace);
    if (!here && !everyNamespace) continue;
    if (here?.some((s) => matchesLabelSelector(s, t.labels))) continue;
    const message = here
      ? `pods of ${t.resource.id.kind} "${t.resource.id.name}" are selected by no NetworkPolicy of namespace "${t.namespace}" (${here.length} among the inputs): they accept traffic from anywhere`
      : `pods of ${t.resource.id.kind} "${t.resource.id.name}" are selected by no NetworkPolicy (namespace "${t.namespace}" has none among the inputs): they accept traffic from anywhere`;
    ctx.report({ resource: t.resource, pointer: t.labelsPointer, message });
  }
}
