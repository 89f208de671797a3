/**
 * The Kubernetes lists library (k8s.io/apiserver/pkg/cel/library/lists.go): isSorted, sum, min,
 * max, indexOf, lastIndexOf on lists of comparable elements.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { celCompare, celEquals } from '../compare.js';

export function registerLists(env: Environment): void {
  env
    .registerFunction('list.isSorted(): bool', (l: unknown[]) => l.every((v, i) => i === 0 || celCompare(l[i - 1], v) <= 0))
    .registerFunction('list.sum(): dyn', (l: unknown[]) => sum(l))
    .registerFunction('list.min(): dyn', (l: unknown[]) => extreme(l, 'min', -1))
    .registerFunction('list.max(): dyn', (l: unknown[]) => extreme(l, 'max', 1))
    .registerFunction('list.indexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.findIndex((x) => celEquals(x, v))))
    .registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], v: unknown) => BigInt(l.findLastIndex((x) => celEquals(x, v))));
}

function sum(l: unknown[]): unknown {
  if (l.length === 0) return 0n;
  let total = l[0];
  for (const v of l.slice(1)) {
    if (typeof total === 'bigint' && typeof v === 'bigint') total = total + v;
    else if (typeof total === 'number' && typeof v === 'number') total = total + v;
    else throw celError('no such overload');
  }
  if (typeof total === 'bigint' && (total > 2n ** 63n - 1n || total < -(2n ** 63n))) throw celError('integer overflow');
  return total;
}

/** lists.go: min and max of an empty list are errors. */
function extreme(l: unknown[], name: string, sign: 1 | -1): unknown {
  if (l.length === 0) throw celError(`${name} called on empty list`);
  let best = l[0];
  for (const v of l.slice(1)) if (celCompare(v, best) * sign > 0) best = v;
  return best;
}
