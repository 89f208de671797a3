import { setOwn } from '../core/index.js';

/**
 * Without null-valued map entries: Go's JSON decoding leaves such fields unset. A copy when there
 * is one to drop; the value itself when there is none (most manifests), which the caller must then
 * not change (see `hasNullEntry`).
 */
export function pruneNulls(value: unknown): unknown {
  return hasNullEntry(value) ? prunedCopy(value) : value;
}

/** A copy without null-valued map entries, always a copy. */
export function prunedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prunedCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  // setOwn: a `__proto__` key stays a key (an assignment would make it the copy's prototype, and the key would go unvalidated).
  for (const [k, v] of Object.entries(value)) if (v !== null) setOwn(out, k, prunedCopy(v));
  return out;
}

/** Whether a map anywhere in the value has a null entry: a walk that allocates nothing. */
function hasNullEntry(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasNullEntry(item)) return true;
    return false;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === null || hasNullEntry(v)) return true;
  }
  return false;
}
