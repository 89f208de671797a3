/**
 * The filters that read only the node, explained at the pod's own field: the nodeSelector pair
 * (or required node affinity) too few nodes match, and the toleration list that lacks what
 * the nodes' taints, or their cordon, call for.
 */
import { escapeSegment, stringOf } from '../../core/index.js';
import { isMap } from '../../rules/index.js';
import { requiredTerms } from '../filters/node-affinity.js';
import { firstUntoleratedTaint, matchesNodeSelectorTerm, requiredNodeAffinity } from '../match.js';
import { ofNodes, type Explainer } from './types.js';

export const explainNodeAffinity: Explainer = ({ pod, template, blocked, all }) => {
  const selector = isMap(pod.spec.nodeSelector) ? Object.entries(pod.spec.nodeSelector).map(([k, v]): [string, string] => [k, stringOf(v)]) : [];
  // The pair the most of the rejected nodes miss.
  let worst: { key: string; value: string; misses: number } | undefined;
  for (const [key, value] of selector) {
    const misses = blocked.nodes.filter((n) => n.node.labels[key] !== value).length;
    if (misses > 0 && (!worst || misses > worst.misses)) worst = { key, value, misses };
  }
  if (worst) {
    const { key, value } = worst;
    const matching = all.filter((n) => n.node.labels[key] === value).length;
    return { pointer: `${template.specPointer}/nodeSelector/${escapeSegment(key)}`, detail: `nodeSelector ${key}: ${value} matches ${matching} of ${all.length} nodes` };
  }
  const required = `${template.specPointer}/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution`;
  const terms = requiredTerms(pod.spec);
  // With one term, the requirement the most of the rejected nodes fail; with several (ORed), the terms as a whole.
  const only = terms.length === 1 && isMap(terms[0]) ? terms[0] : undefined;
  let worstReq: { pointer: string; text: string; test: Record<string, unknown>; misses: number } | undefined;
  for (const field of only ? (['matchExpressions', 'matchFields'] as const) : []) {
    const list = Array.isArray(only![field]) ? (only![field] as unknown[]) : [];
    list.forEach((r, j) => {
      if (!isMap(r)) return;
      const test = { [field]: [r] };
      const misses = blocked.nodes.filter((n) => !matchesNodeSelectorTerm(test, n.node)).length;
      if (misses > 0 && (!worstReq || misses > worstReq.misses)) worstReq = { pointer: `${required}/nodeSelectorTerms/0/${field}/${j}`, text: requirementText(r), test, misses };
    });
  }
  if (worstReq) {
    const { pointer, text, test } = worstReq;
    return { pointer, detail: `required node affinity ${text} matches ${all.filter((n) => matchesNodeSelectorTerm(test, n.node)).length} of ${all.length} nodes` };
  }
  const matches = requiredNodeAffinity(pod.spec);
  const matching = all.filter((n) => matches(n.node)).length;
  return { pointer: terms.length > 0 ? `${required}/nodeSelectorTerms` : required, detail: `required node affinity matches ${matching} of ${all.length} nodes` };
};

/** "disk In [ssd, nvme]", "gpu Exists". */
function requirementText(r: Record<string, unknown>): string {
  const values = Array.isArray(r.values) ? ` [${r.values.map(stringOf).join(', ')}]` : '';
  return `${stringOf(r.key ?? '')} ${stringOf(r.operator ?? '')}${values}`;
}

const EFFECTS = ['NoSchedule', 'NoExecute'];

export const explainTaints: Explainer = ({ pod, template, blocked, all }) => {
  const counts = new Map<string, number>();
  for (const n of blocked.nodes) {
    const taint = firstUntoleratedTaint(n.node.taints, pod.tolerations, EFFECTS);
    if (!taint) continue;
    const text = `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const list = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([t, n]) => `${t} (${n})`);
  return { pointer: `${template.specPointer}/tolerations`, detail: `no toleration for the taints of ${ofNodes(blocked.nodes.length, all.length)}: ${list.join(', ')}` };
};

export const explainUnschedulable: Explainer = ({ template, blocked, all }) => ({
  pointer: `${template.specPointer}/tolerations`,
  detail: `${ofNodes(blocked.nodes.length, all.length)} ${blocked.nodes.length === 1 ? 'is' : 'are'} cordoned (spec.unschedulable) and no toleration for node.kubernetes.io/unschedulable:NoSchedule`,
});
