/**
 * Node selection and tolerations with Kubernetes' semantics (component-helpers
 * scheduling/corev1): nodeSelector pairs all match; required node affinity terms are ORed,
 * the expressions of a term ANDed; Gt and Lt compare integers; matchFields selects by
 * metadata.name. A toleration matches a taint by key (empty key with Exists: every key),
 * by value (Equal) and by effect (empty: every effect).
 */
import { isMap } from '../rules/index.js';
import type { SchedNode, Taint, Toleration } from './types.js';

interface Requirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

export function matchesNodeSelectorTerm(term: unknown, node: SchedNode): boolean {
  if (!isMap(term)) return false;
  const exprs = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  // A term with neither list selects no node.
  if (exprs.length === 0 && fields.length === 0) return false;
  return exprs.every((e) => isMap(e) && matchesRequirement(e, node.labels)) && fields.every((f) => isMap(f) && f.key === 'metadata.name' && matchesRequirement(f, { 'metadata.name': node.name }));
}

function matchesRequirement(r: Requirement, labels: Record<string, string>): boolean {
  const key = String(r.key ?? '');
  const values = Array.isArray(r.values) ? r.values.map(String) : [];
  const has = Object.hasOwn(labels, key);
  switch (r.operator) {
    case 'In':
      return has && values.includes(labels[key]!);
    case 'NotIn':
      return !has || !values.includes(labels[key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const mine = parseInteger(labels[key]!);
      const theirs = parseInteger(values[0]!);
      if (mine === undefined || theirs === undefined) return false;
      return r.operator === 'Gt' ? mine > theirs : mine < theirs;
    }
    default:
      return false;
  }
}

/** strconv.ParseInt(s, 10, 64). */
function parseInteger(s: string): bigint | undefined {
  return /^[+-]?[0-9]+$/.test(s) ? BigInt(s) : undefined;
}

/** Whether the pod constrains nodes at all: a nodeSelector with pairs, or required node affinity. */
export function hasRequiredNodeAffinity(spec: Record<string, unknown>): boolean {
  if (isMap(spec.nodeSelector) && Object.keys(spec.nodeSelector).length > 0) return true;
  return isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) && isMap(spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution);
}

/** nodeSelector and requiredDuringSchedulingIgnoredDuringExecution: what NodeAffinity's filter checks. */
export function matchesRequiredNodeAffinity(spec: Record<string, unknown>, node: SchedNode): boolean {
  if (isMap(spec.nodeSelector)) {
    for (const [k, v] of Object.entries(spec.nodeSelector)) if (node.labels[k] !== String(v)) return false;
  }
  const affinity = isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = affinity && isMap(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  if (!required) return true;
  const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  return terms.some((t) => matchesNodeSelectorTerm(t, node));
}

export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  const key = toleration.key ?? '';
  if (key !== '' && key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === taint.value;
    default:
      return false;
  }
}

/** The first taint with one of the effects that no toleration tolerates (FindMatchingUntoleratedTaint). */
export function firstUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], effects: readonly string[]): Taint | undefined {
  // Loops rather than find/some: this runs for every tainted node the search visits.
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue;
    let tolerated = false;
    for (const toleration of tolerations) {
      if (tolerates(toleration, taint)) {
        tolerated = true;
        break;
      }
    }
    if (!tolerated) return taint;
  }
  return undefined;
}
