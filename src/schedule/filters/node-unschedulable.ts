/** NodeUnschedulable: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable. */
import type { FilterPlugin } from '../framework.js';
import { tolerates } from '../match.js';

const TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const REASON = ['node(s) were unschedulable'];

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  preFilter(pod) {
    if (pod.tolerations.some((t) => tolerates(t, TAINT))) return undefined;
    return (node) => (node.node.unschedulable ? REASON : undefined);
  },
};
