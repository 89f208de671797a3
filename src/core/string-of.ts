/**
 * String(v) for a value read from a manifest. YAML can write a map with its own `toString` or
 * `valueOf` key, and String() throws on such an object ("Cannot convert object to primitive
 * value"): here it is "[object Object]", as any other map. Use it wherever a manifest value is
 * turned into text for matching or a message.
 */
export function stringOf(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}
