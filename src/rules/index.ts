/** The rules stage: every cross-resource rule over all resources of a run, each isolated from the others' crashes. */
import { diagnosticFor, type Diagnostic, type Resource, type Severity } from '../core/index.js';
import { rules } from './index.generated.js';
import { releaseIndex } from './resource-index.js';
import type { Rule, RuleOptions } from './types.js';

export { rules } from './index.generated.js';
export { rulesMarkdown } from './docs.js';
export { matchesLabelSelector, matchesMapSelector } from './selectors.js';
export type { Rule, RuleDocs, RuleOptions, RuleContext, RuleFinding } from './types.js';

export interface LintOptions extends RuleOptions {
  /** Rule ids not to run. */
  disable?: readonly string[];
  /** Rule ids to run even if disabled or off by default (an empty list runs the defaults). */
  enable?: readonly string[];
  /** Per-rule severity overrides ('off' disables). */
  severities?: Record<string, Severity | 'off'>;
  /** Options per rule id (kubeproof.yaml), validated against each rule's meta.options.schema. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Run only the rules for what the API server itself refuses (`kubeproof validate`). */
  only?: 'rejected-by-api-server';
}

/**
 * `ranOnLoad`: resources whose per-resource rules (meta.perResource) ran already, as they were
 * loaded (api/document-stage.ts): those rules skip them here.
 */
export function runRules(resources: readonly Resource[], options: LintOptions = {}, catalog: readonly Rule[] = rules, ranOnLoad?: (resource: Resource) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rest = ranOnLoad ? resources.filter((r) => !ranOnLoad(r)) : resources;
  for (const rule of selectRules(catalog, options)) runRule(rule, rule.meta.perResource ? rest : resources, options, out);
  releaseIndex(resources);
  releaseIndex(rest);
  return out;
}

/** The per-resource rules (meta.perResource) a run with these options runs, on one resource at a time. */
export function perResourceRules(options: LintOptions = {}, catalog: readonly Rule[] = rules): (resource: Resource) => Diagnostic[] {
  const selected = selectRules(catalog, options).filter((r) => r.meta.perResource);
  return (resource) => {
    const out: Diagnostic[] = [];
    const one = [resource];
    for (const rule of selected) runRule(rule, one, options, out);
    releaseIndex(one);
    return out;
  };
}

/** One rule over a list, its findings added to `out`; a crash is one finding, the others' findings survive. */
function runRule(rule: Rule, resources: readonly Resource[], options: LintOptions, out: Diagnostic[]): void {
  const severity = options.severities?.[rule.meta.id];
  if (severity === 'off' || resources.length === 0) return;
  try {
    rule.check({
      resources,
      options,
      settings: { ...rule.meta.options?.defaults, ...options.ruleOptions?.[rule.meta.id] },
      report: (f) => out.push(diagnosticFor(f.resource, { ruleId: rule.meta.id, severity: f.severity ?? (severity as Severity | undefined) ?? rule.meta.severity, message: f.message, pointer: f.pointer, at: f.at, suggestion: f.suggestion })),
    });
  } catch (err) {
    const first = resources[0];
    const message = `internal error in rule ${rule.meta.id}: ${(err as Error).message}`;
    if (first) out.push(diagnosticFor(first, { ruleId: 'internal-error', severity: 'error', message, pointer: '' }));
  }
}

/** The ids of the rules a run with these options runs (a suppression of any other rule cannot be "unused"). */
export function selectedRuleIds(options: LintOptions = {}, catalog: readonly Rule[] = rules): Set<string> {
  return new Set(selectRules(catalog, options).filter((r) => options.severities?.[r.meta.id] !== 'off').map((r) => r.meta.id));
}

function selectRules(catalog: readonly Rule[], options: LintOptions): readonly Rule[] {
  const disabled = new Set(options.disable ?? []);
  const enabled = new Set(options.enable ?? []);
  const candidates = options.only === 'rejected-by-api-server' ? catalog.filter((r) => r.meta.rejectedByApiServer) : catalog;
  return candidates.filter((r) => enabled.has(r.meta.id) || (!disabled.has(r.meta.id) && !r.meta.defaultOff));
}
export { resourceTotals, replicasOf } from './totals.js';
export { podRequests, podLimits, type ResourceMap } from './pod-resources.js';
export { amountsOf } from './quantities.js';
export { namedReferences, referencedObject, type NamedReference } from './named-references.js';
export { containersOf, isMap, namespaceOf, podTemplate, type PodTemplate } from './workloads.js';
export type { LabelSelector, Labels } from './selectors.js';
