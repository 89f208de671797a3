/** NodeName: a pod that names its node fits no other. */
import type { FilterPlugin } from '../framework.js';

const REASON = ["node(s) didn't match the requested node name"];

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  nodeOnly: true,
  reads: (pod) => pod.nodeName ?? null,
  preFilter(pod) {
    const wanted = pod.nodeName;
    if (wanted === undefined) return undefined;
    return (node) => (node.node.name === wanted ? undefined : REASON);
  },
};
