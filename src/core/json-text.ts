/**
 * JSON text of any value a manifest can hold, bigints included: the loader keeps an integer
 * beyond 2^53 that fits int64 or uint64 as a bigint (load/yaml-schema.ts), which JSON.stringify
 * refuses ("Do not know how to serialize a BigInt"). It is written with every digit, as Go's
 * encoding/json writes an int64.
 */
const MARK = '\u0000bigint:';

export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${MARK}${v}` : v));
  // JSON.stringify escapes U+0000 as \u0000 inside the string it wrote: that marks our digits only.
  return text === undefined ? text! : text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1');
}
