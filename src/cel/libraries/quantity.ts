/**
 * The Kubernetes quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go) on core's exact
 * resource.Quantity: quantity(), isQuantity(), sign, isInteger, asInteger, asApproximateFloat,
 * add, sub, compareTo, isLessThan, isGreaterThan.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { addQuantities, compareQuantities, parseQuantity, type Quantity as CoreQuantity } from '../../core/index.js';
import { celError } from '../errors.js';

const NANO = 10n ** 9n;
const MAX_INT64 = 2n ** 63n - 1n;
const MIN_INT64 = -(2n ** 63n);

export class Quantity {
  constructor(readonly q: CoreQuantity) {}
  equals(other: unknown): boolean {
    return other instanceof Quantity && compareQuantities(this.q, other.q) === 0;
  }
  compareTo(other: unknown): number {
    if (!(other instanceof Quantity)) throw celError('no such overload');
    return compareQuantities(this.q, other.q);
  }
  /** resource.Quantity.AsInt64: whole and within int64, or undefined. */
  asInt64(): bigint | undefined {
    if (this.q.nanos % NANO !== 0n) return undefined;
    const units = this.q.nanos / NANO;
    return units > MAX_INT64 || units < MIN_INT64 ? undefined : units;
  }
}

function toQuantity(s: string): Quantity {
  const parsed = parseQuantity(s);
  if (!parsed.ok) throw celError(parsed.error);
  return new Quantity(parsed.quantity);
}

const fromInt = (n: bigint): CoreQuantity => ({ nanos: n * NANO, format: 'DecimalSI' });
const negate = (q: CoreQuantity): CoreQuantity => ({ nanos: -q.nanos, format: q.format });

export function registerQuantity(env: Environment): void {
  env
    .registerType('kubernetes.Quantity', Quantity)
    .registerOperator('kubernetes.Quantity == kubernetes.Quantity', (a: Quantity, b: Quantity) => a.equals(b))
    .registerFunction('quantity(string): kubernetes.Quantity', toQuantity)
    .registerFunction('isQuantity(string): bool', (s: string) => parseQuantity(s).ok)
    .registerFunction('kubernetes.Quantity.sign(): int', (q: Quantity) => BigInt(q.q.nanos > 0n ? 1 : q.q.nanos < 0n ? -1 : 0))
    .registerFunction('kubernetes.Quantity.isInteger(): bool', (q: Quantity) => q.asInt64() !== undefined)
    .registerFunction('kubernetes.Quantity.asInteger(): int', (q: Quantity) => {
      const n = q.asInt64();
      if (n === undefined) throw celError('cannot convert value to integer');
      return n;
    })
    .registerFunction('kubernetes.Quantity.asApproximateFloat(): double', (q: Quantity) => Number(q.q.nanos) / 1e9)
    .registerFunction('kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity', (a: Quantity, b: Quantity) => new Quantity(addQuantities(a.q, b.q)))
    .registerFunction('kubernetes.Quantity.add(int): kubernetes.Quantity', (a: Quantity, n: bigint) => new Quantity(addQuantities(a.q, fromInt(n))))
    .registerFunction('kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity', (a: Quantity, b: Quantity) => new Quantity(addQuantities(a.q, negate(b.q))))
    .registerFunction('kubernetes.Quantity.sub(int): kubernetes.Quantity', (a: Quantity, n: bigint) => new Quantity(addQuantities(a.q, fromInt(-n))))
    .registerFunction('kubernetes.Quantity.compareTo(kubernetes.Quantity): int', (a: Quantity, b: Quantity) => BigInt(a.compareTo(b)))
    .registerFunction('kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool', (a: Quantity, b: Quantity) => a.compareTo(b) < 0)
    .registerFunction('kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool', (a: Quantity, b: Quantity) => a.compareTo(b) > 0);
}
