/** TaintToleration's score: fewer PreferNoSchedule taints the pod does not tolerate is better. */
import type { ScorePlugin } from '../framework.js';
import { tolerates } from '../match.js';
import { defaultNormalize } from './normalize.js';

export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, node) {
    const relevant = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return node.node.taints.filter((t) => t.effect === 'PreferNoSchedule' && !relevant.some((tol) => tolerates(tol, t))).length;
  },
  normalize: (scores) => defaultNormalize(scores, true),
};
