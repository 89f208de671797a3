/** TaintToleration's score: fewer PreferNoSchedule taints the pod does not tolerate is better. */
import type { ScorePlugin } from '../framework.js';
import { tolerates } from '../match.js';
import { defaultNormalize } from './normalize.js';

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  preScore(pod, feasible) {
    // Without PreferNoSchedule taints every node scores the same: nothing to rank.
    if (!feasible.some((n) => n.preferNoSchedule.length > 0)) return undefined;
    const relevant = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return (node) => node.preferNoSchedule.filter((t) => !relevant.some((tol) => tolerates(tol, t))).length;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
