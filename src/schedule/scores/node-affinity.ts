/** NodeAffinity's score: the weights of the preferred terms the node matches, scaled to 0..100. */
import { isMap } from '../../rules/index.js';
import type { ScorePlugin } from '../framework.js';
import { matchesNodeSelectorTerm } from '../match.js';
import { defaultNormalize } from './normalize.js';

function preferredTerms(spec: Record<string, unknown>): { weight: number; preference: unknown }[] {
  const na = isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const list = na && Array.isArray(na.preferredDuringSchedulingIgnoredDuringExecution) ? na.preferredDuringSchedulingIgnoredDuringExecution : [];
  return list.filter(isMap).map((t) => ({ weight: typeof t.weight === 'number' ? t.weight : 0, preference: t.preference })).filter((t) => t.weight !== 0);
}

export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  preScore(pod) {
    const terms = preferredTerms(pod.spec);
    if (terms.length === 0) return undefined;
    return (feasible, scores) => {
      for (let i = 0; i < feasible.length; i++) scores[i] = terms.reduce((sum, t) => (matchesNodeSelectorTerm(t.preference, feasible[i]!.node) ? sum + t.weight : sum), 0);
    };
  },
  normalize: (scores) => defaultNormalize(scores, false),
};
