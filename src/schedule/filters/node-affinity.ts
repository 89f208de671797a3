/** NodeAffinity: nodeSelector and required node affinity (a DaemonSet pod's pin to its node among them). */
import { stringOf } from '../../core/index.js';
import { isMap } from '../../rules/index.js';
import type { FilterPlugin } from '../framework.js';
import { hasRequiredNodeAffinity, requiredNodeAffinity } from '../match.js';
import type { SchedPod } from '../types.js';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
const REASON = [NODE_AFFINITY_REASON];

/** PreFilter's status when the named nodes of every term conflict (errReasonConflict). */
export const TERMS_CONFLICT = 'pod affinity terms conflict';

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  nodeOnly: true,
  // What hasRequiredNodeAffinity and requiredNodeAffinity look at.
  reads: (pod) => [pod.spec.nodeSelector ?? null, isMap(pod.spec.affinity) && isMap(pod.spec.affinity.nodeAffinity) ? (pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution ?? null) : null],
  preFilter(pod) {
    if (!hasRequiredNodeAffinity(pod.spec)) return undefined;
    const matches = requiredNodeAffinity(pod.spec);
    return (node) => (matches(node.node) ? undefined : REASON);
  },
};

/**
 * NodeAffinity's PreFilter result (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go):
 * when every required term names nodes (`matchFields metadata.name In`), only those nodes are
 * searched: the names a term's requirements all allow (their intersection), over all terms (their
 * union). Undefined when some term names none, so every node is a candidate; an empty set means
 * the terms conflict and the pod is unschedulable before any node is looked at.
 */
export function preFilterNodeNames(pod: SchedPod): Set<string> | undefined {
  const terms = requiredTerms(pod.spec);
  if (terms.length === 0) return undefined;
  const union = new Set<string>();
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const r of isMap(term) && Array.isArray(term.matchFields) ? term.matchFields : []) {
      if (!isMap(r) || r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set((Array.isArray(r.values) ? r.values : []).map(stringOf));
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    if (!names) return undefined;
    for (const n of names) union.add(n);
  }
  return union;
}

/** The nodeSelectorTerms of the spec's required node affinity ([] when it has none). */
export function requiredTerms(spec: Record<string, unknown>): unknown[] {
  const affinity = isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = affinity && isMap(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  return required && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
}
