/**
 * A node's stacked bar for one resource: the requested share of allocatable, then the free rest,
 * as widths in percent. Amounts come as the schedule report writes them (Kubernetes quantities:
 * `3500m`, `16Gi`, `4`) and are compared exactly, in milli-units, as the scheduler counts.
 */
import { milliValue, parseQuantityValue } from '../../core/index.js';
import { attributes, escapeHtml } from './escape.js';

export interface Usage {
  resource: string;
  /** As the report writes them; '0' when the node's pods request none. */
  requested: string;
  allocatable: string;
  /** Requested ÷ allocatable in percent, two decimals (truncated); Infinity when nothing is allocatable but something is asked. */
  percent: number;
}

function milli(amount: string): bigint {
  const parsed = parseQuantityValue(amount);
  return parsed?.ok ? milliValue(parsed.quantity) : 0n;
}

export function usage(resource: string, requested = '0', allocatable = '0'): Usage {
  const req = milli(requested);
  const alloc = milli(allocatable);
  const percent = alloc > 0n ? Number((req * 10_000n) / alloc) / 100 : req > 0n ? Infinity : 0;
  return { resource, requested, allocatable, percent };
}

/** The bar with its figures: `role="meter"` and data- attributes say the numbers to assistive tools and tests. */
export function barHtml(u: Usage, node: string): string {
  const over = u.percent > 100;
  const used = Math.min(100, u.percent);
  const shown = u.percent === Infinity ? 'none allocatable' : `${u.percent}%`;
  const label = `${u.requested} of ${u.allocatable} ${u.resource} requested on ${node} (${shown})`;
  const attrs = attributes({
    class: over ? 'bar over' : 'bar',
    role: 'meter',
    'aria-label': `${u.resource} on ${node}`,
    'aria-valuemin': 0,
    'aria-valuemax': 100,
    'aria-valuenow': used,
    'aria-valuetext': label,
    title: label,
    'data-resource': u.resource,
    'data-requested': u.requested,
    'data-allocatable': u.allocatable,
    'data-percent': u.percent === Infinity ? 'Infinity' : u.percent,
  });
  // Two segments that add up to the whole bar: requested, then free.
  return `<div${attrs}><span class="used" style="width:${used}%"></span><span class="free" style="width:${Number((100 - used).toFixed(2))}%"></span></div><span class="amount">${escapeHtml(`${u.requested} / ${u.allocatable}`)}</span>`;
}
