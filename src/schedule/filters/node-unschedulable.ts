/** NodeUnschedulable: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable. */
import type { FilterPlugin } from '../framework.js';
import { tolerates } from '../match.js';

const TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, node) {
    if (!node.node.unschedulable || pod.tolerations.some((t) => tolerates(t, TAINT))) return undefined;
    return ['node(s) were unschedulable'];
  },
};
