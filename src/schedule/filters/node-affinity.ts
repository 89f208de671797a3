/** NodeAffinity: nodeSelector and required node affinity (and a DaemonSet pod's pin to its node). */
import type { FilterPlugin } from '../framework.js';
import { hasRequiredNodeAffinity, requiredNodeAffinity } from '../match.js';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
const REASON = [NODE_AFFINITY_REASON];

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  nodeOnly: true,
  preFilter(pod) {
    const target = pod.targetNode;
    const required = hasRequiredNodeAffinity(pod.spec);
    if (target === undefined && !required) return undefined;
    const matches = requiredNodeAffinity(pod.spec);
    return (node) => {
      if (target !== undefined && target !== node.node.name) return REASON;
      return !required || matches(node.node) ? undefined : REASON;
    };
  },
};
