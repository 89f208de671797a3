/** A YAML/JSON map: an object that is neither null nor a list. Every stage's one definition. */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
