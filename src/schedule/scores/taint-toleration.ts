/** TaintToleration's score: fewer PreferNoSchedule taints the pod does not tolerate is better. */
import type { ScorePlugin } from '../framework.js';
import { tolerates } from '../match.js';
import type { NodeInfo } from '../node-info.js';
import { defaultNormalize } from './normalize.js';

const withPreferNoSchedule = new WeakMap<readonly NodeInfo[], boolean>();

/** Whether any node of the scheduler has a PreferNoSchedule taint; its node list never changes. */
function anyPreferNoSchedule(nodes: readonly NodeInfo[]): boolean {
  let any = withPreferNoSchedule.get(nodes);
  if (any === undefined) withPreferNoSchedule.set(nodes, (any = nodes.some((n) => n.preferNoSchedule.length > 0)));
  return any;
}

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preScore(pod, feasible, cycle) {
    // Without PreferNoSchedule taints every node scores the same: nothing to rank.
    if (!anyPreferNoSchedule(cycle.nodes) || !feasible.some((n) => n.preferNoSchedule.length > 0)) return undefined;
    const relevant = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return (feasible, scores) => {
      for (let i = 0; i < feasible.length; i++) scores[i] = feasible[i]!.preferNoSchedule.filter((t) => !relevant.some((tol) => tolerates(tol, t))).length;
    };
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
