import { setOwn } from '../core/index.js';

/** A copy without null-valued map entries: Go's JSON decoding leaves such fields unset. */
export function pruneNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // setOwn: a `__proto__` key stays a key (an assignment would make it the copy's prototype, and the key would go unvalidated).
  for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, pruneNulls(v));
  return out;
}
