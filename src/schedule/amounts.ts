/** Resource lists as kube-scheduler holds them: cpu in millicores, the rest in whole units. */
import { milliValue, unitValue } from '../core/index.js';
import { amountsOf, type ResourceMap } from '../rules/index.js';
import type { Amounts } from './types.js';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function toNumber(v: bigint): number {
  return Number(v > MAX_SAFE ? MAX_SAFE : v < -MAX_SAFE ? -MAX_SAFE : v);
}

export function fromResourceMap(m: ResourceMap): Amounts {
  const out: Amounts = new Map();
  for (const [name, q] of m) out.set(name, toNumber(name === 'cpu' ? milliValue(q) : unitValue(q)));
  return out;
}

/** A ResourceList object (`{cpu: "2", memory: 4Gi}`); entries that are not quantities are left out. */
export function toAmounts(list: unknown): Amounts {
  return fromResourceMap(new Map(amountsOf(list, '').map((a) => [a.name, a.quantity])));
}

/** How an amount is shown in messages and reports: cpu as Kubernetes writes millicores. */
export function showAmount(name: string, value: number): string {
  if (name === 'cpu') return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  if (name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-')) {
    for (const [suffix, size] of [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) if (value >= size && value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}
