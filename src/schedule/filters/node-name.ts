/** NodeName: a pod that names its node fits no other. */
import type { FilterPlugin } from '../framework.js';

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, node) {
    if (pod.nodeName === undefined || pod.nodeName === node.node.name) return undefined;
    return ["node(s) didn't match the requested node name"];
  },
};
