/**
 * InterPodAffinity. Filter: the pod's required affinity needs a matching pod in the node's
 * topology domain (or, for the first pod of a group, none anywhere and the pod matching its
 * own terms); its required anti-affinity forbids domains with matching pods; and existing
 * pods' required anti-affinity forbids the domains they hold against this pod. Score:
 * preferred terms both ways, and existing pods' required affinity, weight 1.
 */
import type { Cycle, FilterPlugin, ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { podAffinityTerms, termMatchesPod } from '../selectors.js';
import type { SchedPod } from '../types.js';

export const AFFINITY_REASON = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";

type Term = Record<string, unknown>;
const key = (k: string, v: string) => `${k}\u0000${v}`;
const topologyKey = (t: Term) => String(t.topologyKey ?? '');

const KEY = 'InterPodAffinity';
const AFFINITY = [AFFINITY_REASON];
const ANTI_AFFINITY = [ANTI_AFFINITY_REASON];
const EXISTING_ANTI_AFFINITY = [EXISTING_ANTI_AFFINITY_REASON];

function bump(counts: Map<string, number>, node: NodeInfo, term: Term, by = 1): void {
  const k = topologyKey(term);
  const v = node.node.labels[k];
  if (v !== undefined) counts.set(key(k, v), (counts.get(key(k, v)) ?? 0) + by);
}

export const interPodAffinityFilter: FilterPlugin = {
  name: KEY,
  preFilter(pod, cycle) {
    const affinity = podAffinityTerms(pod.spec, 'podAffinity', 'required');
    const anti = podAffinityTerms(pod.spec, 'podAntiAffinity', 'required');
    const ns = cycle.namespaceLabels;
    const affinityCounts = new Map<string, number>();
    const antiCounts = new Map<string, number>();
    const existingAntiCounts = new Map<string, number>();
    if (affinity.length > 0 || anti.length > 0) {
      for (const group of cycle.groups) {
        const all = affinity.length > 0 && affinity.every((t) => termMatchesPod(t, pod.namespace, group, ns));
        const antiMatched = anti.filter((t) => termMatchesPod(t, pod.namespace, group, ns));
        if (!all && antiMatched.length === 0) continue;
        for (const [node, n] of group.nodes) {
          if (all) for (const t of affinity) bump(affinityCounts, node, t, n);
          for (const t of antiMatched) bump(antiCounts, node, t, n);
        }
      }
    }
    for (const { pod: existing, node } of cycle.affinityPods) {
      for (const t of podAffinityTerms(existing.spec, 'podAntiAffinity', 'required')) if (termMatchesPod(t, existing.namespace, pod, ns)) bump(existingAntiCounts, node, t);
    }
    if (affinity.length === 0 && anti.length === 0 && existingAntiCounts.size === 0) return undefined;
    // The first pod of a group that selects itself may go anywhere its topology keys exist.
    const firstOfGroup = affinityCounts.size === 0 && affinity.every((t) => termMatchesPod(t, pod.namespace, pod, ns));
    return (node) => {
      const labels = node.node.labels;
      if (affinity.length > 0) {
        let podsExist = true;
        for (const t of affinity) {
          const v = labels[topologyKey(t)];
          if (v === undefined) return AFFINITY;
          if ((affinityCounts.get(key(topologyKey(t), v)) ?? 0) <= 0) podsExist = false;
        }
        if (!podsExist && !firstOfGroup) return AFFINITY;
      }
      if (antiCounts.size > 0) {
        for (const t of anti) {
          const v = labels[topologyKey(t)];
          if (v !== undefined && (antiCounts.get(key(topologyKey(t), v)) ?? 0) > 0) return ANTI_AFFINITY;
        }
      }
      if (existingAntiCounts.size > 0) {
        for (const [k, v] of Object.entries(labels)) if ((existingAntiCounts.get(key(k, v)) ?? 0) > 0) return EXISTING_ANTI_AFFINITY;
      }
      return undefined;
    };
  },
};

interface Weighted {
  weight: number;
  term: Term;
}

function preferred(p: SchedPod, kind: 'podAffinity' | 'podAntiAffinity'): Weighted[] {
  return podAffinityTerms(p.spec, kind, 'preferred')
    .map((w) => ({ weight: typeof w.weight === 'number' ? w.weight : 0, term: (w.podAffinityTerm ?? {}) as Term }))
    .filter((w) => typeof w.term === 'object' && w.term !== null);
}

export const interPodAffinityScore: ScorePlugin = {
  name: KEY,
  weight: 2,
  preScore(pod, _feasible, cycle: Cycle) {
    const ns = cycle.namespaceLabels;
    const mineAffinity = preferred(pod, 'podAffinity');
    const mineAnti = preferred(pod, 'podAntiAffinity');
    const hasPreferred = mineAffinity.length + mineAnti.length > 0;
    const scores = new Map<string, number>();
    let touched = false;
    const add = (node: NodeInfo, t: Term, by: number) => {
      if (node.node.labels[topologyKey(t)] === undefined) return;
      touched = true;
      bump(scores, node, t, by);
    };
    if (hasPreferred) {
      for (const group of cycle.groups) {
        for (const { weight, term } of mineAffinity) if (termMatchesPod(term, pod.namespace, group, ns)) for (const [node, n] of group.nodes) add(node, term, weight * n);
        for (const { weight, term } of mineAnti) if (termMatchesPod(term, pod.namespace, group, ns)) for (const [node, n] of group.nodes) add(node, term, -weight * n);
      }
    }
    for (const { pod: existing, node } of cycle.affinityPods) {
      for (const term of podAffinityTerms(existing.spec, 'podAffinity', 'required')) if (termMatchesPod(term, existing.namespace, pod, ns)) add(node, term, 1);
      for (const { weight, term } of preferred(existing, 'podAffinity')) if (termMatchesPod(term, existing.namespace, pod, ns)) add(node, term, weight);
      for (const { weight, term } of preferred(existing, 'podAntiAffinity')) if (termMatchesPod(term, existing.namespace, pod, ns)) add(node, term, -weight);
    }
    if (!touched) return undefined;
    return (node) => {
      let sum = 0;
      for (const [k, v] of Object.entries(node.node.labels)) sum += scores.get(key(k, v)) ?? 0;
      return sum;
    };
  },
  normalize(scores) {
    let max = -Infinity;
    let min = Infinity;
    for (const s of scores) {
      if (s > max) max = s;
      if (s < min) min = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(100 * ((scores[i]! - min) / diff)) : 0;
  },
};
