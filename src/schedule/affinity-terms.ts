/**
 * A pod spec's pod affinity and anti-affinity terms, parsed once per spec: a workload's
 * replicas share their spec, and the affinity plugins read the terms of every placed pod that
 * has any, for every pod scheduled.
 */
import { podAffinityTerms } from './selectors.js';

export type Term = Record<string, unknown>;

export interface Weighted {
  weight: number;
  term: Term;
}

export interface AffinityTerms {
  requiredAffinity: Term[];
  requiredAnti: Term[];
  preferredAffinity: Weighted[];
  preferredAnti: Weighted[];
}

const parsed = new WeakMap<object, AffinityTerms>();

export function affinityTermsOf(spec: Record<string, unknown>): AffinityTerms {
  let terms = parsed.get(spec);
  if (!terms) {
    terms = {
      requiredAffinity: podAffinityTerms(spec, 'podAffinity', 'required'),
      requiredAnti: podAffinityTerms(spec, 'podAntiAffinity', 'required'),
      preferredAffinity: preferred(spec, 'podAffinity'),
      preferredAnti: preferred(spec, 'podAntiAffinity'),
    };
    parsed.set(spec, terms);
  }
  return terms;
}

function preferred(spec: Record<string, unknown>, kind: 'podAffinity' | 'podAntiAffinity'): Weighted[] {
  return podAffinityTerms(spec, kind, 'preferred')
    .map((w) => ({ weight: typeof w.weight === 'number' ? w.weight : 0, term: (w.podAffinityTerm ?? {}) as Term }))
    .filter((w) => typeof w.term === 'object' && w.term !== null);
}
