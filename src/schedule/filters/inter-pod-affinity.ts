/**
 * InterPodAffinity. Filter: the pod's required affinity needs a matching pod in the node's
 * topology domain (or, for the first pod of a group, none anywhere and the pod matching its
 * own terms); its required anti-affinity forbids domains with matching pods; and existing
 * pods' required anti-affinity forbids the domains they hold against this pod. Score:
 * preferred terms both ways, and existing pods' required affinity, weight 1.
 */
import { stringOf } from '../../core/index.js';
import { affinityTermsOf, type Term } from '../affinity-terms.js';
import type { FilterPlugin, ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { termMatchesPod } from '../selectors.js';
import { countAt, TopologyCounts, type KeyCounts } from '../topology-counts.js';

export const AFFINITY_REASON = "node(s) didn't match pod affinity rules";
export const ANTI_AFFINITY_REASON = "node(s) didn't match pod anti-affinity rules";
export const EXISTING_ANTI_AFFINITY_REASON = "node(s) didn't satisfy existing pods anti-affinity rules";

const topologyKey = (t: Term) => stringOf(t.topologyKey ?? '');

const KEY = 'InterPodAffinity';
const AFFINITY = [AFFINITY_REASON];
const ANTI_AFFINITY = [ANTI_AFFINITY_REASON];
const EXISTING_ANTI_AFFINITY = [EXISTING_ANTI_AFFINITY_REASON];

/** Whether any of the domains the node is in holds a positive count. */
function anyPositive(entries: readonly KeyCounts[], node: NodeInfo): boolean {
  for (const e of entries) if ((countAt(e, node) ?? 0) > 0) return true;
  return false;
}

export const interPodAffinityFilter: FilterPlugin = {
  name: KEY,
  preFilter(pod, cycle) {
    const { requiredAffinity: affinity, requiredAnti: anti } = affinityTermsOf(pod.spec);
    const ns = cycle.namespaceLabels;
    const affinityCounts = new TopologyCounts(cycle.domains);
    const antiCounts = new TopologyCounts(cycle.domains);
    const existingAntiCounts = new TopologyCounts(cycle.domains);
    if (affinity.length > 0 || anti.length > 0) {
      for (const group of cycle.groups) {
        const all = affinity.length > 0 && affinity.every((t) => termMatchesPod(t, pod.namespace, group, ns));
        const antiMatched = anti.filter((t) => termMatchesPod(t, pod.namespace, group, ns));
        if (!all && antiMatched.length === 0) continue;
        if (all) for (const t of affinity) affinityCounts.addGroup(topologyKey(t), group.nodes, 1);
        for (const t of antiMatched) antiCounts.addGroup(topologyKey(t), group.nodes, 1);
      }
    }
    // Existing pods' terms are read once per group of replicas, each node counting its replicas.
    for (const group of cycle.affinityGroups) {
      for (const t of group.terms.requiredAnti) {
        if (!termMatchesPod(t, group.namespace, pod, ns)) continue;
        existingAntiCounts.addGroup(topologyKey(t), group.nodes, 1);
      }
    }
    if (affinity.length === 0 && anti.length === 0 && !existingAntiCounts.touched) return undefined;
    // The first pod of a group that selects itself may go anywhere its topology keys exist.
    const firstOfGroup = !affinityCounts.touched && affinity.every((t) => termMatchesPod(t, pod.namespace, pod, ns));
    const affinityEntries = affinity.map((t) => affinityCounts.entry(topologyKey(t)));
    const antiEntries = antiCounts.touched ? anti.map((t) => antiCounts.entry(topologyKey(t))) : [];
    const existingEntries = [...existingAntiCounts.byKey.values()];
    return (node) => {
      if (affinityEntries.length > 0) {
        let podsExist = true;
        for (const e of affinityEntries) {
          const count = countAt(e, node);
          if (count === undefined) return AFFINITY;
          if (count <= 0) podsExist = false;
        }
        if (!podsExist && !firstOfGroup) return AFFINITY;
      }
      if (anyPositive(antiEntries, node)) return ANTI_AFFINITY;
      if (anyPositive(existingEntries, node)) return EXISTING_ANTI_AFFINITY;
      return undefined;
    };
  },
};

export const interPodAffinityScore: ScorePlugin = {
  name: KEY,
  weight: 2,
  preScore(pod, _feasible, cycle) {
    const ns = cycle.namespaceLabels;
    const { preferredAffinity: mineAffinity, preferredAnti: mineAnti } = affinityTermsOf(pod.spec);
    const scores = new TopologyCounts(cycle.domains);
    if (mineAffinity.length + mineAnti.length > 0) {
      for (const group of cycle.groups) {
        for (const { weight, term } of mineAffinity) if (termMatchesPod(term, pod.namespace, group, ns)) scores.addGroup(topologyKey(term), group.nodes, weight);
        for (const { weight, term } of mineAnti) if (termMatchesPod(term, pod.namespace, group, ns)) scores.addGroup(topologyKey(term), group.nodes, -weight);
      }
    }
    // A group's n replicas on a node add their term's weight n times (weights are integers: exact).
    for (const group of cycle.affinityGroups) {
      const { requiredAffinity, preferredAffinity, preferredAnti } = group.terms;
      for (const term of requiredAffinity) if (termMatchesPod(term, group.namespace, pod, ns)) scores.addGroup(topologyKey(term), group.nodes, 1);
      for (const { weight, term } of preferredAffinity) if (termMatchesPod(term, group.namespace, pod, ns)) scores.addGroup(topologyKey(term), group.nodes, weight);
      for (const { weight, term } of preferredAnti) if (termMatchesPod(term, group.namespace, pod, ns)) scores.addGroup(topologyKey(term), group.nodes, -weight);
    }
    if (!scores.touched) return undefined;
    const entries = [...scores.byKey.values()];
    return (feasible, out) => {
      for (let i = 0; i < feasible.length; i++) {
        let sum = 0;
        for (const e of entries) sum += countAt(e, feasible[i]!) ?? 0;
        out[i] = sum;
      }
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
