/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left, resource by
 * resource, and the node must have room for one more pod. Every shortfall is a reason.
 */
import type { FilterPlugin } from '../framework.js';

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  preFilter(pod) {
    const cpu = pod.requests.get('cpu') ?? 0;
    const memory = pod.requests.get('memory') ?? 0;
    const others = [...pod.requests].filter(([name, want]) => name !== 'pods' && name !== 'cpu' && name !== 'memory' && want > 0);
    return (node) => {
      let reasons: string[] | undefined;
      if (node.pods.length + 1 > node.allocatablePods) (reasons ??= []).push('Too many pods');
      if (cpu > 0 && cpu > node.allocatableCpu - node.requestedCpu) (reasons ??= []).push('Insufficient cpu');
      if (memory > 0 && memory > node.allocatableMemory - node.requestedMemory) (reasons ??= []).push('Insufficient memory');
      for (const [name, want] of others) {
        if (want > node.allocatable(name) - (node.requested.get(name) ?? 0)) (reasons ??= []).push(`Insufficient ${name}`);
      }
      return reasons;
    };
  },
};
