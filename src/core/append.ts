/**
 * `target.push(...items)` for lists of any length. A spread passes every item as an argument
 * on the stack, and past about 120,000 of them (the resources of a 200 MB file) V8 throws
 * "Maximum call stack size exceeded".
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
