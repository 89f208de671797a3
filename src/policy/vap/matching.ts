/**
 * Whether a policy's matchConstraints or a binding's matchResources select an object, as
 * apiserver/pkg/admission/plugin/policy/matching/matching.go decides: the namespaceSelector
 * (webhook/predicates/namespace/matcher.go), the objectSelector (predicates/object/matcher.go),
 * excludeResourceRules, then resourceRules (predicates/rules/rules.go), each with resourceNames.
 * Offline there is no equivalent-resource mapping (matchPolicy Equivalent): a rule matches the
 * object's own group and version only.
 */
import type { Resource } from '../../core/index.js';
import { isMap, matchesLabelSelector, type Labels } from '../../rules/index.js';
import type { Attributes } from './attributes.js';
import type { MatchResources, NamedRule } from './objects.js';

export type MatchResult = { matches: true } | { matches: false; unknownNamespace?: string };

export interface MatchContext {
  attributes: Attributes;
  labels: Labels;
  /** The labels of a Namespace among the inputs, by name. */
  namespaceLabels(name: string): Labels | undefined;
}

export function matchesResources(m: MatchResources | undefined, ctx: MatchContext, emptyRulesMatch: boolean): MatchResult {
  if (!m) return { matches: emptyRulesMatch };
  const ns = matchesNamespace(m.namespaceSelector, ctx);
  if (ns !== true) return ns === false ? { matches: false } : { matches: false, unknownNamespace: ns.unknown };
  if (!selects(m.objectSelector, () => ctx.labels)) return { matches: false };
  if (m.excludeResourceRules.some((r) => matchesRule(r, ctx.attributes))) return { matches: false };
  // A binding's matchResources without resourceRules narrows nothing (matching.go: len(ResourceRules) == 0).
  if (m.resourceRules.length === 0) return { matches: true };
  return { matches: m.resourceRules.some((r) => matchesRule(r, ctx.attributes)) };
}

/** A missing or empty selector selects everything, without reading the labels (the object's are those of its defaulted copy, made when needed). */
function selects(selector: Record<string, unknown> | undefined, labels: () => Labels): boolean {
  if (!selector || Object.keys(selector).length === 0) return true;
  return matchesLabelSelector(selector, labels());
}

/**
 * predicates/namespace/matcher.go MatchNamespaceSelector: a cluster-scoped object other than a
 * Namespace always matches; a Namespace is matched on its own labels; any other object on its
 * namespace's labels, which offline are known only when that Namespace is among the inputs.
 */
function matchesNamespace(selector: Record<string, unknown> | undefined, ctx: MatchContext): boolean | { unknown: string } {
  const { attributes: a } = ctx;
  const isNamespace = a.group === '' && a.resource === 'namespaces';
  if (a.namespace === '' && !isNamespace) return true;
  if (!selector || Object.keys(selector).length === 0) return true;
  const labels = isNamespace ? ctx.labels : (ctx.namespaceLabels(a.namespace) ?? nameLabelOnly(selector, a.namespace));
  if (!labels) return { unknown: a.namespace };
  return matchesLabelSelector(selector, labels);
}

/**
 * Every Namespace carries `kubernetes.io/metadata.name: <name>` (set on creation by the
 * namespace strategy, core/namespace/strategy.go): a selector on that label alone is decided
 * even for a namespace not among the inputs.
 */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function nameLabelOnly(selector: Record<string, unknown>, namespace: string): Labels | undefined {
  const keys = [...Object.keys(isMap(selector.matchLabels) ? selector.matchLabels : {}), ...(Array.isArray(selector.matchExpressions) ? selector.matchExpressions.map((e) => (isMap(e) ? e.key : undefined)) : [])];
  return keys.every((k) => k === NAMESPACE_NAME_LABEL) ? { [NAMESPACE_NAME_LABEL]: namespace } : undefined;
}

/** predicates/rules/rules.go Matcher.Matches, then the rule's resourceNames (matching.go). */
export function matchesRule(rule: NamedRule, a: Attributes): boolean {
  const has = (list: readonly string[], v: string) => list.includes('*') || list.includes(v);
  if (!has(rule.operations, a.operation) || !has(rule.apiGroups, a.group) || !has(rule.apiVersions, a.version)) return false;
  if (!scopeMatches(rule.scope, a)) return false;
  // `pods` and `pods/*` match pods, `*` every resource, `*/*` every resource and subresource;
  // offline every request is for the resource itself, never a subresource.
  const resource = rule.resources.some((entry) => {
    const slash = entry.indexOf('/');
    const [res, sub] = slash === -1 ? [entry, ''] : [entry.slice(0, slash), entry.slice(slash + 1)];
    return (res === '*' || res === a.resource) && (sub === '*' || sub === '');
  });
  if (!resource) return false;
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(a.name);
}

function scopeMatches(scope: string | undefined, a: Attributes): boolean {
  const isNamespace = a.group === '' && a.resource === 'namespaces';
  if (scope === 'Namespaced') return !isNamespace && a.namespace !== '';
  if (scope === 'Cluster') return isNamespace || a.namespace === '';
  return true;
}
