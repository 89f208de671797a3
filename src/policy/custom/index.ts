/**
 * The team's own rules, from kubeproof.yaml (`rules.custom`): a CEL expression on `object` that
 * must be true for every object its `match` selects, evaluated with the same CEL environment
 * and Kubernetes libraries as CRD rules and ValidatingAdmissionPolicies. A finding points at
 * the field the expression reads when it reads one (`object.spec.replicas >= 2`), else at the
 * object's name; its message is the rule's, else "failed expression: <expression>" as the API
 * server words a validation without one.
 *
 * `object` is the defaulted object (schema/defaults), as a ValidatingAdmissionPolicy sees it: a rule
 * written here answers as the same expression in a policy would, and `object.spec.replicas >= 2`
 * on a Deployment that leaves replicas out reads the 1 the cluster would set, not a missing key.
 * So a rule cannot tell a defaulted field from one the manifest writes (`has()` is true for both).
 */
import { compileCel, singleFieldPointer, toCelValue } from '../../cel/index.js';
import { diagnosticFor, type Diagnostic, type Resource, type RuleMeta, type Severity } from '../../core/index.js';
import { Defaulter, type KubernetesVersion } from '../../schema/index.js';
import { ResourceMapper } from '../vap/attributes.js';

export interface CustomRule {
  id: string;
  severity: Severity;
  /** Kinds (`Deployment`) or apiVersion/Kind (`apps/v1/Deployment`); empty: every kind. */
  kinds: readonly string[];
  /** Namespaces; empty: every object, cluster-scoped ones included. */
  namespaces: readonly string[];
  expression: string;
  message?: string;
}

export const CUSTOM_RULE_VARIABLES = ['object'];

export function runCustomRules(resources: readonly Resource[], rules: readonly CustomRule[], options: { kubernetesVersion?: KubernetesVersion; disabled?: ReadonlySet<string>; crds?: readonly Resource[] } = {}): Diagnostic[] {
  const active = rules.filter((r) => !options.disabled?.has(r.id));
  if (active.length === 0) return [];
  const mapper = new ResourceMapper([], options.kubernetesVersion);
  const defaulter = new Defaulter({ crds: options.crds, kubernetesVersion: options.kubernetesVersion });
  // Each object defaulted and converted once, when a rule first selects it.
  const values = new Map<Resource, unknown>();
  const celObject = (r: Resource) => {
    if (!values.has(r)) values.set(r, toCelValue(defaulter.defaulted(r.object), undefined, true));
    return values.get(r);
  };
  const out: Diagnostic[] = [];
  for (const rule of active) {
    // The config is checked before a run: an expression that does not compile never gets here.
    const compiled = compileCel(rule.expression, CUSTOM_RULE_VARIABLES);
    if ('error' in compiled) continue;
    const { program } = compiled;
    const pointer = singleFieldPointer(program.ast, 'object') ?? '/metadata/name';
    for (const resource of resources) {
      if (!selects(rule, resource, mapper)) continue;
      let message: string | undefined;
      try {
        if (program.evaluate({ object: celObject(resource) }) !== true) message = rule.message?.trim() || `failed expression: ${rule.expression.trim()}`;
      } catch (err) {
        message = `expression '${rule.expression}' resulted in error: ${(err as Error).message}`;
      }
      if (message !== undefined) out.push(diagnosticFor(resource, { ruleId: rule.id, severity: rule.severity, message, pointer }));
    }
  }
  return out;
}

function selects(rule: CustomRule, r: Resource, mapper: ResourceMapper): boolean {
  if (rule.kinds.length > 0 && !rule.kinds.some((k) => k === r.id.kind || k === `${r.id.apiVersion}/${r.id.kind}`)) return false;
  if (rule.namespaces.length === 0) return true;
  if (!mapper.namespaced(r.id.apiVersion, r.id.kind)) return false;
  return rule.namespaces.includes(r.id.namespace ?? 'default');
}

/** What `kubeproof rules`, SARIF and the config's known rule ids say of each custom rule. */
export function customRuleMetas(rules: readonly CustomRule[] | undefined): RuleMeta[] {
  return (rules ?? []).map((r) => ({
    id: r.id,
    severity: r.severity,
    description: r.message?.trim() || `custom rule: ${r.expression.trim()}`,
    docs: `A custom rule from kubeproof.yaml: every ${r.kinds.length ? r.kinds.join(', ') : 'object'}${r.namespaces.length ? ` in ${r.namespaces.join(', ')}` : ''} must satisfy \`${r.expression.trim()}\`.`,
    custom: true,
  }));
}
