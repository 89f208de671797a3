/**
 * NodeResourcesFit's score (LeastAllocated by default, MostAllocated for bin-packing) over
 * cpu and memory with weight 1 each, counting containers that request nothing as 100m cpu and
 * 200Mi memory; and NodeResourcesBalancedAllocation, which prefers nodes whose cpu and memory
 * fractions stay close, on real requests.
 */
import type { NodeScorer, ScorePlugin } from '../framework.js';
import type { SchedPod } from '../types.js';

/** The mean of the per-resource scores over the resources the node has (cpu and memory). */
function allocationScorer(pod: SchedPod, strategy: 'least' | 'most'): NodeScorer {
  const cpu = pod.scoringRequests.get('cpu') ?? 0;
  const memory = pod.scoringRequests.get('memory') ?? 0;
  const per = strategy === 'least' ? least : most;
  return (feasible, scores) => {
    for (let i = 0; i < feasible.length; i++) {
      const node = feasible[i]!;
      let sum = 0;
      let weights = 0;
      if (node.allocatableCpu !== 0) {
        sum += per(node.scoringCpu + cpu, node.allocatableCpu);
        weights++;
      }
      if (node.allocatableMemory !== 0) {
        sum += per(node.scoringMemory + memory, node.allocatableMemory);
        weights++;
      }
      scores[i] = weights === 0 ? 0 : Math.trunc(sum / weights);
    }
  };
}

const least = (req: number, cap: number) => (req > cap ? 0 : Math.trunc(((cap - req) * 100) / cap));
const most = (req: number, cap: number) => Math.trunc((Math.min(req, cap) * 100) / cap);

export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  preScore: (pod) => allocationScorer(pod, 'least'),
};

export const mostAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  preScore: (pod) => allocationScorer(pod, 'most'),
};

export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  preScore(pod) {
    const cpu = pod.requests.get('cpu') ?? 0;
    const memory = pod.requests.get('memory') ?? 0;
    // A best-effort pod is skipped (1.33+, isBestEffortPod in resource_allocation.go), judged
    // on the plugin's resources only, cpu and memory: a GPU or ephemeral-storage request does
    // not make a pod scored.
    if (cpu === 0 && memory === 0) return undefined;
    return (feasible, scores) => {
      for (let i = 0; i < feasible.length; i++) {
        const node = feasible[i]!;
        // With cpu and memory the standard deviation of two fractions is half their distance.
        let std = 0;
        if (node.allocatableCpu !== 0 && node.allocatableMemory !== 0) {
          const c = Math.min((node.requestedCpu + cpu) / node.allocatableCpu, 1);
          const m = Math.min((node.requestedMemory + memory) / node.allocatableMemory, 1);
          std = Math.abs(c - m) / 2;
        }
        scores[i] = Math.trunc((1 - std) * 100);
      }
    };
  },
};
