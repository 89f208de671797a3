/**
 * The filters that read the pods already placed, explained at the pod's field they check: the
 * host port taken, the spread constraints, the affinity terms (or, for another pod's
 * anti-affinity, the labels it holds against).
 */
import { isMap } from '../../rules/index.js';
import { conflicts } from '../filters/node-ports.js';
import { AFFINITY_REASON, ANTI_AFFINITY_REASON } from '../filters/inter-pod-affinity.js';
import { ofNodes, type ExplainInput, type Explainer } from './types.js';

export const explainPorts: Explainer = ({ pod, template, blocked, all }) => {
  const hostNetwork = pod.spec.hostNetwork === true;
  const containers = Array.isArray(template.spec.containers) ? template.spec.containers : [];
  // The first port of the pod that a rejected node has taken, at its field.
  for (const [i, c] of containers.entries()) {
    const ports = isMap(c) && Array.isArray(c.ports) ? c.ports : [];
    for (const [j, p] of ports.entries()) {
      if (!isMap(p)) continue;
      const field = typeof p.hostPort === 'number' && p.hostPort > 0 ? 'hostPort' : hostNetwork ? 'containerPort' : undefined;
      const want = field && pod.hostPorts.find((h) => h.port === p[field]);
      if (!want) continue;
      const taken = blocked.nodes.filter((n) => n.ports.some((used) => conflicts(want, used))).length;
      if (taken > 0) return { pointer: `${template.specPointer}/containers/${i}/ports/${j}/${field}`, detail: `host port ${want.port}/${want.protocol} is taken on ${ofNodes(taken, all.length)}` };
    }
  }
  return undefined;
};

export const explainSpread: Explainer = (input) => ({
  pointer: `${input.template.specPointer}/topologySpreadConstraints`,
  detail: `the spread constraints rule out ${reasonCounts(input)}`,
});

export const explainAntiAffinity: Explainer = (input) => {
  const { template } = input;
  const reasons = new Set(input.blocked.nodes.flatMap((n) => input.failures(n)));
  const pointer = reasons.has(ANTI_AFFINITY_REASON) ? `${template.specPointer}/affinity/podAntiAffinity` : reasons.has(AFFINITY_REASON) ? `${template.specPointer}/affinity/podAffinity` : template.labelsPointer;
  return { pointer, detail: `inter-pod affinity rules out ${reasonCounts(input)}` };
};

/** "3 of 5 nodes (2 node(s) didn't..., 1 ...)". */
function reasonCounts({ blocked, all, failures }: ExplainInput): string {
  const counts = new Map<string, number>();
  for (const n of blocked.nodes) for (const r of failures(n)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const list = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([r, k]) => `${k} ${r}`);
  return `${ofNodes(blocked.nodes.length, all.length)} (${list.join(', ')})`;
}
