/**
 * ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects as the policy stage
 * reads them (admissionregistration.k8s.io/v1, also v1beta1): only the fields admission uses.
 * Malformed fields read as absent; the schema stage reports them.
 */
import type { Resource } from '../../core/index.js';
import { isMap } from '../../rules/index.js';

export const POLICY_GROUP = 'admissionregistration.k8s.io';

export interface NamedRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope?: string;
  resourceNames: string[];
}

export interface MatchResources {
  namespaceSelector?: Record<string, unknown>;
  objectSelector?: Record<string, unknown>;
  resourceRules: NamedRule[];
  excludeResourceRules: NamedRule[];
}

export interface Expression {
  expression: string;
  /** Where the expression string is, in the policy object. */
  pointer: string;
}

export interface Validation extends Expression {
  message?: string;
  messageExpression?: Expression;
  reason?: string;
}

export interface Policy {
  resource: Resource;
  name: string;
  paramKind?: { apiVersion: string; kind: string };
  matchConstraints?: MatchResources;
  matchConditions: (Expression & { name: string })[];
  variables: (Expression & { name: string })[];
  validations: Validation[];
  /** Fail (the default) or Ignore. */
  failurePolicy: string;
}

export interface ParamRef {
  name?: string;
  namespace?: string;
  selector?: Record<string, unknown>;
  parameterNotFoundAction?: string;
}

export interface Binding {
  resource: Resource;
  name: string;
  policyName: string;
  paramRef?: ParamRef;
  matchResources?: MatchResources;
  validationActions: string[];
}

const kindOf = (r: Resource) => `${r.id.apiVersion.split('/')[0]}/${r.id.kind}`;

export const isPolicy = (r: Resource) => kindOf(r) === `${POLICY_GROUP}/ValidatingAdmissionPolicy`;
export const isBinding = (r: Resource) => kindOf(r) === `${POLICY_GROUP}/ValidatingAdmissionPolicyBinding`;

/**
 * Admission never runs on its own configuration: policies, bindings and webhook configurations
 * are exempt (apiserver/pkg/admission/plugin/policy/generic/plugin.go, IsExemptAdmissionConfigurationResource).
 */
export function isExempt(r: Resource): boolean {
  return r.id.apiVersion.startsWith(`${POLICY_GROUP}/`) && /^(Validating|Mutating)(AdmissionPolicy|AdmissionPolicyBinding|WebhookConfiguration)$/.test(r.id.kind);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const maps = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isMap) : []);
const selector = (v: unknown) => (isMap(v) ? v : undefined);

function namedRules(v: unknown): NamedRule[] {
  return maps(v).map((r) => ({
    apiGroups: strings(r.apiGroups),
    apiVersions: strings(r.apiVersions),
    resources: strings(r.resources),
    operations: strings(r.operations),
    scope: str(r.scope),
    resourceNames: strings(r.resourceNames),
  }));
}

function matchResources(v: unknown): MatchResources | undefined {
  if (!isMap(v)) return undefined;
  return { namespaceSelector: selector(v.namespaceSelector), objectSelector: selector(v.objectSelector), resourceRules: namedRules(v.resourceRules), excludeResourceRules: namedRules(v.excludeResourceRules) };
}

function expressions(v: unknown, base: string): (Expression & { name: string })[] {
  const out: (Expression & { name: string })[] = [];
  maps(v).forEach((e, i) => {
    if (typeof e.expression === 'string') out.push({ name: str(e.name) ?? '', expression: e.expression, pointer: `${base}/${i}/expression` });
  });
  return out;
}

export function readPolicy(resource: Resource): Policy {
  const spec = isMap(resource.object.spec) ? resource.object.spec : {};
  const paramKind = isMap(spec.paramKind) && typeof spec.paramKind.kind === 'string' ? { apiVersion: str(spec.paramKind.apiVersion) ?? '', kind: spec.paramKind.kind } : undefined;
  const validations: Validation[] = [];
  maps(spec.validations).forEach((v, i) => {
    if (typeof v.expression !== 'string') return;
    const base = `/spec/validations/${i}`;
    validations.push({
      expression: v.expression,
      pointer: `${base}/expression`,
      ...(typeof v.message === 'string' && { message: v.message }),
      ...(typeof v.messageExpression === 'string' && { messageExpression: { expression: v.messageExpression, pointer: `${base}/messageExpression` } }),
      ...(typeof v.reason === 'string' && { reason: v.reason }),
    });
  });
  return {
    resource,
    name: resource.id.name,
    ...(paramKind && { paramKind }),
    matchConstraints: matchResources(spec.matchConstraints),
    matchConditions: expressions(spec.matchConditions, '/spec/matchConditions'),
    variables: expressions(spec.variables, '/spec/variables'),
    validations,
    failurePolicy: str(spec.failurePolicy) ?? 'Fail',
  };
}

export function readBinding(resource: Resource): Binding {
  const spec = isMap(resource.object.spec) ? resource.object.spec : {};
  const ref = isMap(spec.paramRef) ? spec.paramRef : undefined;
  return {
    resource,
    name: resource.id.name,
    policyName: str(spec.policyName) ?? '',
    ...(ref && { paramRef: { name: str(ref.name), namespace: str(ref.namespace), selector: selector(ref.selector), parameterNotFoundAction: str(ref.parameterNotFoundAction) } }),
    matchResources: matchResources(spec.matchResources),
    validationActions: strings(spec.validationActions),
  };
}
