/**
 * NodeResourcesFit's score (LeastAllocated by default, MostAllocated for bin-packing) over
 * cpu and memory with weight 1 each, counting containers that request nothing as 100m cpu and
 * 200Mi memory; and NodeResourcesBalancedAllocation, which prefers nodes whose cpu and memory
 * fractions stay close, on real requests.
 */
import type { ScorePlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';

const RESOURCES = ['cpu', 'memory'] as const;

function allocationScore(node: NodeInfo, pod: SchedPod, per: (requested: number, capacity: number) => number): number {
  let sum = 0;
  let weights = 0;
  for (const r of RESOURCES) {
    const capacity = node.allocatable(r);
    if (capacity === 0) continue;
    const requested = (node.scoringRequested.get(r) ?? 0) + (pod.scoringRequests.get(r) ?? 0);
    sum += per(requested, capacity);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.trunc(sum / weights);
}

export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score: (pod, node) => allocationScore(node, pod, (req, cap) => (req > cap ? 0 : Math.trunc(((cap - req) * 100) / cap))),
};

export const mostAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score: (pod, node) => allocationScore(node, pod, (req, cap) => Math.trunc((Math.min(req, cap) * 100) / cap)),
};

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  // A pod that requests nothing is not scored (kube-scheduler 1.33+).
  preScore: (pod) => [...pod.requests.values()].some((v) => v > 0),
  score(pod, node) {
    const fractions: number[] = [];
    for (const r of RESOURCES) {
      const capacity = node.allocatable(r);
      if (capacity === 0) continue;
      const requested = (node.requested.get(r) ?? 0) + (pod.requests.get(r) ?? 0);
      fractions.push(Math.min(requested / capacity, 1));
    }
    let std = 0;
    if (fractions.length === 2) std = Math.abs(fractions[0]! - fractions[1]!) / 2;
    else if (fractions.length > 2) {
      const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
      std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
    }
    return Math.trunc((1 - std) * 100);
  },
};
