/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left, resource by
 * resource, and the node must have room for one more pod. Every shortfall is a reason.
 */
import type { FilterPlugin } from '../framework.js';

const PODS = 1;
const CPU = 2;
const MEMORY = 4;
/**
 * The reasons for each combination of pods, cpu and memory shortfalls, in the order they are
 * checked: made once rather than for every node the search rejects.
 */
const COMMON: readonly (readonly string[])[] = Array.from({ length: 8 }, (_, short) =>
  [short & PODS && 'Too many pods', short & CPU && 'Insufficient cpu', short & MEMORY && 'Insufficient memory'].filter((r): r is string => typeof r === 'string'),
);

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  nodeLocal: true,
  preFilter(pod) {
    const cpu = pod.requests.get('cpu') ?? 0;
    const memory = pod.requests.get('memory') ?? 0;
    const others = [...pod.requests].filter(([name, want]) => name !== 'pods' && name !== 'cpu' && name !== 'memory' && want > 0);
    return (node) => {
      let shortOf = 0;
      if (node.pods.length + 1 > node.allocatablePods) shortOf |= PODS;
      if (cpu > 0 && cpu > node.allocatableCpu - node.requestedCpu) shortOf |= CPU;
      if (memory > 0 && memory > node.allocatableMemory - node.requestedMemory) shortOf |= MEMORY;
      let reasons: string[] | undefined;
      for (const [name, want] of others) {
        if (want > node.allocatable(name) - (node.requested.get(name) ?? 0)) (reasons ??= [...COMMON[shortOf]!]).push(`Insufficient ${name}`);
      }
      return reasons ?? (shortOf === 0 ? undefined : COMMON[shortOf]);
    };
  },
};
