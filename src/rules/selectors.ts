/**
 * Label selectors with Kubernetes' semantics (apimachinery labels and metav1.LabelSelector):
 * a missing LabelSelector selects nothing, an empty one everything; matchExpressions with In,
 * NotIn, Exists, DoesNotExist. Service and ReplicationController selectors are plain maps.
 */
import { stringOf } from '../core/index.js';
export type Labels = Record<string, string>;

export interface LabelSelector {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: { key?: unknown; operator?: unknown; values?: unknown }[];
}

export function matchesLabelSelector(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (selector === null || selector === undefined || typeof selector !== 'object') return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== stringOf(v)) return false;
  const expressions: unknown = selector.matchExpressions ?? [];
  if (!Array.isArray(expressions)) return false; // not a list: a schema error; it selects nothing
  for (const e of expressions as NonNullable<LabelSelector['matchExpressions']>) {
    if (typeof e !== 'object' || e === null) return false; // likewise an expression that is not a map
    const key = stringOf(e.key ?? '');
    const values = Array.isArray(e.values) ? e.values.map(stringOf) : [];
    const has = Object.hasOwn(labels, key);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false; // an unknown operator is a schema error; it selects nothing
    }
  }
  return true;
}

/** A map selector (Service, ReplicationController): every pair must be present; empty selects everything. */
export function matchesMapSelector(selector: Record<string, unknown>, labels: Labels): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === stringOf(v));
}

export function describeLabels(labels: Record<string, unknown>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${stringOf(v)}`);
  return pairs.length ? pairs.join(',') : '(none)';
}
