/**
 * TaintToleration: NoSchedule and NoExecute taints the pod does not tolerate keep it off the
 * node. Kubernetes 1.33's reason names the first such taint (`{key: value}`); 1.35, and the
 * later 1.34 patch releases, say only `untolerated taint(s)`.
 */
import type { FilterPlugin } from '../framework.js';
import { firstUntoleratedTaint } from '../match.js';

const EFFECTS = ['NoSchedule', 'NoExecute'];
const GENERIC = ['node(s) had untolerated taint(s)'];

export type TaintMessage = 'named' | 'generic';

export function taintToleration(message: TaintMessage): FilterPlugin {
  return {
    name: 'TaintToleration',
    nodeOnly: true,
    reads: (pod) => pod.tolerations,
    preFilter(pod) {
      return (node) => {
        if (node.node.taints.length === 0) return undefined;
        const taint = firstUntoleratedTaint(node.node.taints, pod.tolerations, EFFECTS);
        if (!taint) return undefined;
        return message === 'named' ? [`node(s) had untolerated taint {${taint.key}: ${taint.value}}`] : GENERIC;
      };
    },
  };
}
