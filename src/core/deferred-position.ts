/**
 * Positions placed when first read, and in bulk one document at a time. A rule reports its
 * findings resource by resource, rule after rule: placing each finding as it was reported
 * re-parsed a document once per rule with a finding there (core/locate.ts, load/lazy-locate.ts
 * keep only the last few documents parsed), the largest cost of a lint run with many findings.
 * A finding's position is now placed when something reads it; `placePositions` places a list's
 * findings grouped by resource first, so each document is parsed once for all of its findings.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Resource } from './resource.js';

/** What places one finding: computes its position once, the first time it is called. */
export interface Deferred {
  /** The resource the finding is about: findings of one source (document) are placed together. */
  readonly resource: Resource;
  place(): void;
}

const deferred = new WeakMap<Diagnostic, Deferred>();

export function defer(diagnostic: Diagnostic, placement: Deferred): void {
  deferred.set(diagnostic, placement);
}

/** The resource of a finding whose position is not placed yet, else undefined. */
export function unplacedResource(diagnostic: Diagnostic): Resource | undefined {
  return deferred.get(diagnostic)?.resource;
}

/** A finding placed: nothing left to do for it. */
export function forget(diagnostic: Diagnostic): void {
  deferred.delete(diagnostic);
}

/** Places every not yet placed finding of the list, document by document. */
export function placePositions(diagnostics: readonly Diagnostic[]): void {
  const byKey = new Map<object, Deferred[]>();
  for (const d of diagnostics) {
    const p = deferred.get(d);
    if (!p) continue;
    deferred.delete(d);
    const list = byKey.get(p.resource.source);
    if (list) list.push(p);
    else byKey.set(p.resource.source, [p]);
  }
  for (const list of byKey.values()) for (const p of list) p.place();
}
