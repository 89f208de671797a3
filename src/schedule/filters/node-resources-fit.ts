/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left, resource by
 * resource, and the node must have room for one more pod. Every shortfall is a reason.
 */
import type { FilterPlugin } from '../framework.js';

export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, node) {
    let reasons: string[] | undefined;
    if (node.pods.length + 1 > node.allocatable('pods')) (reasons ??= []).push('Too many pods');
    for (const [name, want] of pod.requests) {
      if (name === 'pods' || want <= 0) continue;
      if (want > node.allocatable(name) - (node.requested.get(name) ?? 0)) (reasons ??= []).push(`Insufficient ${name}`);
    }
    return reasons;
  },
};
