/**
 * Node selection and tolerations with Kubernetes' semantics (component-helpers
 * scheduling/corev1): nodeSelector pairs all match; required node affinity terms are ORed,
 * the expressions of a term ANDed; Gt and Lt compare integers; matchFields selects by
 * metadata.name. A toleration matches a taint by key (empty key with Exists: every key),
 * by value (Equal) and by effect (empty: every effect).
 */
import { stringOf } from '../core/index.js';
import { isMap } from '../rules/index.js';
import type { SchedNode, Taint, Toleration } from './types.js';

interface Requirement {
  key?: unknown;
  operator?: unknown;
  values?: unknown;
}

type NodeTest = (node: SchedNode) => boolean;
const never: NodeTest = () => false;
const always: NodeTest = () => true;

/**
 * Terms and specs compiled once into tests: the filters ask the same question of thousands of
 * nodes for every pod, and a spec (like the terms in it) is never changed during a run.
 */
const compiledTerms = new WeakMap<object, NodeTest>();
const compiledSpecs = new WeakMap<object, NodeTest>();

export function matchesNodeSelectorTerm(term: unknown, node: SchedNode): boolean {
  return nodeSelectorTermTest(term)(node);
}

function nodeSelectorTermTest(term: unknown): NodeTest {
  if (!isMap(term)) return never;
  let test = compiledTerms.get(term);
  if (!test) compiledTerms.set(term, (test = compileNodeSelectorTerm(term)));
  return test;
}

function compileNodeSelectorTerm(term: Record<string, unknown>): NodeTest {
  const exprs = Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
  // A term with neither list selects no node.
  if (exprs.length === 0 && fields.length === 0) return never;
  if (!exprs.every(isMap) || !fields.every((f) => isMap(f) && f.key === 'metadata.name')) return never;
  const onLabels = exprs.map((e) => compileRequirement(e as Requirement));
  const onName = fields.map((f) => compileRequirement(f as Requirement));
  return (node) => {
    for (const test of onLabels) if (!test(node.labels)) return false;
    if (onName.length === 0) return true;
    const name = { 'metadata.name': node.name };
    for (const test of onName) if (!test(name)) return false;
    return true;
  };
}

function compileRequirement(r: Requirement): (labels: Record<string, string>) => boolean {
  const key = stringOf(r.key ?? '');
  const values = Array.isArray(r.values) ? r.values.map(stringOf) : [];
  switch (r.operator) {
    case 'In':
      return (labels) => Object.hasOwn(labels, key) && values.includes(labels[key]!);
    case 'NotIn':
      return (labels) => !Object.hasOwn(labels, key) || !values.includes(labels[key]!);
    case 'Exists':
      return (labels) => Object.hasOwn(labels, key);
    case 'DoesNotExist':
      return (labels) => !Object.hasOwn(labels, key);
    case 'Gt':
    case 'Lt': {
      const theirs = values.length === 1 ? parseInteger(values[0]!) : undefined;
      if (theirs === undefined) return () => false;
      const greater = r.operator === 'Gt';
      return (labels) => {
        if (!Object.hasOwn(labels, key)) return false;
        const mine = parseInteger(labels[key]!);
        if (mine === undefined) return false;
        return greater ? mine > theirs : mine < theirs;
      };
    }
    default:
      return () => false;
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
  return requiredNodeAffinity(spec)(node);
}

/** matchesRequiredNodeAffinity for one spec, as a test compiled once. */
export function requiredNodeAffinity(spec: Record<string, unknown>): NodeTest {
  let test = compiledSpecs.get(spec);
  if (!test) compiledSpecs.set(spec, (test = compileRequiredNodeAffinity(spec)));
  return test;
}

function compileRequiredNodeAffinity(spec: Record<string, unknown>): NodeTest {
  const selector = isMap(spec.nodeSelector) ? Object.entries(spec.nodeSelector).map(([k, v]): [string, string] => [k, stringOf(v)]) : [];
  const affinity = isMap(spec.affinity) && isMap(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = affinity && isMap(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  const terms = required ? (Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : []).map(nodeSelectorTermTest) : undefined;
  if (selector.length === 0 && !terms) return always;
  return (node) => {
    for (const [k, v] of selector) if (node.labels[k] !== v) return false;
    if (!terms) return true;
    for (const test of terms) if (test(node)) return true;
    return false;
  };
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
