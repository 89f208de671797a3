/** NodeUnschedulable: a cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable. */
import type { FilterPlugin } from '../framework.js';
import { tolerates } from '../match.js';
import type { NodeInfo } from '../node-info.js';

const TAINT = { key: 'node.kubernetes.io/unschedulable', value: '', effect: 'NoSchedule' };
const REASON = ['node(s) were unschedulable'];

const cordoned = new WeakMap<readonly NodeInfo[], boolean>();

/** Whether any node is cordoned; the node list of a scheduler never changes. */
function hasCordoned(nodes: readonly NodeInfo[]): boolean {
  let any = cordoned.get(nodes);
  if (any === undefined) cordoned.set(nodes, (any = nodes.some((n) => n.node.unschedulable)));
  return any;
}

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  nodeOnly: true,
  reads: (pod) => pod.tolerations,
  preFilter(pod, cycle) {
    if (!hasCordoned(cycle.nodes) || pod.tolerations.some((t) => tolerates(t, TAINT))) return undefined;
    return (node) => (node.node.unschedulable ? REASON : undefined);
  },
};
