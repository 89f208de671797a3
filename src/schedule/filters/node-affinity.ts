/** NodeAffinity: nodeSelector and required node affinity (and a DaemonSet pod's pin to its node). */
import type { FilterPlugin } from '../framework.js';
import { hasRequiredNodeAffinity, matchesRequiredNodeAffinity } from '../match.js';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";
const REASON = [NODE_AFFINITY_REASON];

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  preFilter(pod) {
    const target = pod.targetNode;
    const required = hasRequiredNodeAffinity(pod.spec);
    if (target === undefined && !required) return undefined;
    return (node) => {
      if (target !== undefined && target !== node.node.name) return REASON;
      return !required || matchesRequiredNodeAffinity(pod.spec, node.node) ? undefined : REASON;
    };
  },
};
