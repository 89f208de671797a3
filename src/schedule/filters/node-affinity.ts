/** NodeAffinity: nodeSelector and required node affinity (and a DaemonSet pod's pin to its node). */
import type { FilterPlugin } from '../framework.js';
import { matchesRequiredNodeAffinity } from '../match.js';

export const NODE_AFFINITY_REASON = "node(s) didn't match Pod's node affinity/selector";

export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, node) {
    if (pod.targetNode !== undefined && pod.targetNode !== node.node.name) return [NODE_AFFINITY_REASON];
    return matchesRequiredNodeAffinity(pod.spec, node.node) ? undefined : [NODE_AFFINITY_REASON];
  },
};
