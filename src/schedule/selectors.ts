/** Label selectors over pods, and the namespaces an affinity term covers. */
import { stringOf } from '../core/index.js';
import { isMap, matchesLabelSelector, type LabelSelector } from '../rules/index.js';
import type { SchedPod } from './types.js';

/**
 * Results by selector and labels object. During a run neither is ever changed, and both are
 * shared (one template's replicas share their labels, one workload's pods their selector), so
 * spreading and affinity, which ask the same question for every pod, evaluate it once.
 */
const memo = new WeakMap<object, WeakMap<object, boolean>>();

/** LabelSelectorAsSelector: a missing selector matches nothing, `{}` everything. */
export function selects(selector: unknown, labels: Record<string, string>): boolean {
  if (!isMap(selector)) return false;
  let bySelector = memo.get(selector);
  if (!bySelector) memo.set(selector, (bySelector = new WeakMap()));
  let result = bySelector.get(labels);
  if (result === undefined) bySelector.set(labels, (result = matchesLabelSelector(selector as LabelSelector, labels)));
  return result;
}

export function isEmptySelector(selector: unknown): boolean {
  if (!isMap(selector)) return false;
  const labels = isMap(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels === 0 && exprs === 0;
}

/** Labels of every namespace: those a Namespace among the inputs declares, plus kubernetes.io/metadata.name. */
export type NamespaceLabels = (namespace: string) => Record<string, string>;

/** An affinity term's namespaces: its list and selector, or else its owner's namespace. */
export function termCoversNamespace(term: Record<string, unknown>, ownerNamespace: string, namespace: string, namespaceLabels: NamespaceLabels): boolean {
  const listed = Array.isArray(term.namespaces) ? term.namespaces.map(stringOf) : [];
  const selector = term.namespaceSelector;
  if (listed.length === 0 && (selector === undefined || selector === null)) return namespace === ownerNamespace;
  return listed.includes(namespace) || (isMap(selector) && selects(selector, namespaceLabels(namespace)));
}

/** AffinityTerm.Matches: the term covers the pod's namespace and its label selector matches the pod. */
export function termMatchesPod(term: Record<string, unknown>, termOwnerNamespace: string, pod: Pick<SchedPod, 'namespace' | 'labels'>, namespaceLabels: NamespaceLabels): boolean {
  return termCoversNamespace(term, termOwnerNamespace, pod.namespace, namespaceLabels) && selects(term.labelSelector, pod.labels);
}

/** The required (or preferred) pod affinity / anti-affinity terms of a pod spec. */
export function podAffinityTerms(spec: Record<string, unknown>, kind: 'podAffinity' | 'podAntiAffinity', which: 'required' | 'preferred'): Record<string, unknown>[] {
  const affinity = isMap(spec.affinity) && isMap(spec.affinity[kind]) ? spec.affinity[kind] : undefined;
  if (!affinity) return [];
  const list = affinity[which === 'required' ? 'requiredDuringSchedulingIgnoredDuringExecution' : 'preferredDuringSchedulingIgnoredDuringExecution'];
  return (Array.isArray(list) ? list : []).filter(isMap);
}
