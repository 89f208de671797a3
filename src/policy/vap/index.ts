/**
 * ValidatingAdmissionPolicy offline: every input object is taken as a CREATE request and run
 * through the policies and bindings among the inputs and the `--policies` files, as
 * apiserver/pkg/admission/plugin/policy/validating/dispatcher.go runs them. Unlike the API
 * server, which answers with its first denial, every denial and warning is reported.
 */
import { diagnosticFor, type Diagnostic, type KubeObject, type Resource } from '../../core/index.js';
import { singleFieldPointer } from '../../cel/index.js';
import { isMap } from '../../rules/index.js';
import { Defaulter, type KubernetesVersion } from '../../schema/index.js';
import { activation } from './activation.js';
import { ResourceMapper } from './attributes.js';
import { compilePolicy, type CompiledExpression, type CompiledPolicy, type Offline } from './compile.js';
import { matchesResources } from './matching.js';
import { auditedMessage, bindingConfigError, deniedMessage, warnedMessage, withStatusReason } from './messages.js';
import { ADMISSION_POLICY, ADMISSION_POLICY_OFFLINE, INVALID_ADMISSION_POLICY } from './metas.js';
import { isBinding, isExempt, isPolicy, readBinding, readPolicy, type Binding } from './objects.js';
import { collectParams, labelsOf } from './params.js';
import type { Decision } from './validate.js';
import { validatePolicy } from './validate.js';

export { admissionPolicyMetas, ADMISSION_POLICY, ADMISSION_POLICY_OFFLINE, INVALID_ADMISSION_POLICY } from './metas.js';

export interface AdmissionOptions {
  /** Objects from `--policies`: policies, bindings, params and Namespaces, not checked themselves. */
  policies?: readonly Resource[];
  /** CustomResourceDefinitions (inputs and --crds): the plural names and scopes of custom kinds. */
  crds?: readonly Resource[];
  kubernetesVersion?: KubernetesVersion;
}

export function runAdmissionPolicies(resources: readonly Resource[], options: AdmissionOptions = {}): Diagnostic[] {
  const all = [...resources, ...(options.policies ?? [])];
  const policies = all.filter(isPolicy).map((r) => compilePolicy(readPolicy(r)));
  if (policies.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const c of policies) policyProblems(c, out);
  const bindings = all.filter(isBinding).map(readBinding);
  const bound = policies.map((c) => ({ c, bindings: bindings.filter((b) => b.policyName === c.policy.name) })).filter((p) => p.bindings.length > 0);
  if (bound.length === 0) return out;
  const crds = [...(options.crds ?? []), ...all.filter((r) => r.id.kind === 'CustomResourceDefinition')];
  const mapper = new ResourceMapper(crds, options.kubernetesVersion);
  const defaulter = new Defaulter({ crds, kubernetesVersion: options.kubernetesVersion });
  // namespaceObject is read from the cluster, where a Namespace is stored defaulted (its name label, its phase).
  const namespaces = new Map(all.filter(isNamespace).map((r) => [r.id.name, defaulter.defaulted(r.object)]));
  // Params are read from the cluster too, stored defaulted: one copy each (activation.ts converts each once).
  const storedParams = new Map<KubeObject, KubeObject>();
  const storedParam = (p: KubeObject | null) => {
    if (p === null) return null;
    let d = storedParams.get(p);
    if (!d) storedParams.set(p, (d = defaulter.defaulted(p)));
    return d;
  };
  for (const resource of resources) {
    if (isExempt(resource)) continue;
    const a = mapper.attributes(resource);
    // Defaulted when first needed: an object no policy matches costs no copy. Its labels are the
    // defaulted object's (a Job's and a ReplicationController's come from their template).
    let defaulted: KubeObject | undefined;
    const admitted = () => (defaulted ??= defaulter.defaulted(asAdmitted(resource, a.clusterScoped ? undefined : a.namespace)));
    const ctx = { attributes: a, get labels() { return labelsOf(admitted()); }, namespaceLabels: (n: string) => (namespaces.has(n) ? labelsOf(namespaces.get(n)!) : undefined) };
    // The dispatcher unsets the namespace of a Namespace's own request: it has no namespaceObject.
    const namespaceObject = a.namespace && !(a.group === '' && a.kind === 'Namespace') ? (namespaces.get(a.namespace) ?? null) : null;
    for (const { c, bindings: its } of bound) {
      const report = (b: Binding, d: Decision) => decisionFinding(resource, c, b, d, out);
      const policyMatch = matchesResources(c.policy.matchConstraints, ctx, false);
      if (!policyMatch.matches) {
        if (policyMatch.unknownNamespace !== undefined) out.push(unknownNamespace(resource, c, policyMatch.unknownNamespace));
        continue;
      }
      for (const b of its) {
        const bindingMatch = matchesResources(b.matchResources, ctx, true);
        if (!bindingMatch.matches) {
          if (bindingMatch.unknownNamespace !== undefined) out.push(unknownNamespace(resource, c, bindingMatch.unknownNamespace));
          continue;
        }
        const params = collectParams(c.policy, b, a.namespace, all, mapper);
        if ('error' in params) {
          // A binding that cannot be set up refuses whatever its actions (dispatcher.go addConfigError), unless failurePolicy is Ignore.
          if (c.policy.failurePolicy !== 'Ignore') out.push(diagnosticFor(resource, { ruleId: ADMISSION_POLICY, severity: 'error', message: deniedMessage(c.policy.name, b.name, bindingConfigError(params.error)), pointer: '/metadata/name' }));
          continue;
        }
        for (const p of params.params) {
          const decisions = validatePolicy(c, activation(admitted(), a, storedParam(p), namespaceObject as KubeObject | null, c.variables));
          for (const d of decisions) report(b, d);
        }
      }
    }
  }
  return out;
}

const isNamespace = (r: Resource) => r.id.apiVersion === 'v1' && r.id.kind === 'Namespace';

/**
 * The object as validating admission sees it, before its defaults (schema/defaults: a Namespace
 * gets its name label there): a namespaced object with the request's namespace in
 * metadata.namespace (the create handler fills it in before admission:
 * apiserver/pkg/endpoints/handlers/create.go).
 */
function asAdmitted(r: Resource, namespace: string | undefined): KubeObject {
  if (namespace === undefined || r.id.namespace !== undefined) return r.object;
  const metadata = isMap(r.object.metadata) ? r.object.metadata : {};
  return { ...r.object, metadata: { ...metadata, namespace } };
}

/**
 * One decision as the binding's validationActions make it (dispatcher.go): Deny refuses, with the
 * status reason; Warn adds a warning to the response; Audit only annotates the audit event.
 */
function decisionFinding(resource: Resource, c: CompiledPolicy, b: Binding, d: Decision, out: Diagnostic[]): void {
  const program = c.validations.find((v) => v.validation === d.validation)?.compiled.program;
  const pointer = (program && singleFieldPointer(program.ast, 'object')) || '/metadata/name';
  const finding = (severity: 'error' | 'warning', message: string) => out.push(diagnosticFor(resource, { ruleId: ADMISSION_POLICY, severity, message, pointer }));
  if (b.validationActions.includes('Deny')) finding('error', withStatusReason(deniedMessage(c.policy.name, b.name, d.message), d.reason));
  else if (b.validationActions.includes('Warn')) finding('warning', warnedMessage(c.policy.name, b.name, d.message));
  else if (b.validationActions.includes('Audit')) finding('warning', auditedMessage(c.policy.name, b.name, d.message));
}

function unknownNamespace(resource: Resource, c: CompiledPolicy, namespace: string): Diagnostic {
  const message = `Namespace "${namespace}" is not among the inputs: its labels are unknown, so the namespaceSelector of ValidatingAdmissionPolicy '${c.policy.name}' cannot be decided and the policy was not applied to this object`;
  return diagnosticFor(resource, { ruleId: ADMISSION_POLICY_OFFLINE, severity: 'info', message, pointer: resource.id.namespace !== undefined ? '/metadata/namespace' : '/metadata/name' });
}

const OFFLINE_NOTES: Record<Offline, string> = {
  'request.userInfo': 'reads request.userInfo, which is not known offline: the expression is not evaluated',
  authorizer: 'calls the authorizer, which is not available offline: the expression is not evaluated',
  oldObject: 'reads oldObject, which is null offline: every input is checked as a CREATE',
};

/**
 * The reasons the API server accepts on a validation, sorted as its error lists them
 * (pkg/apis/admissionregistration/validation/validation.go supportedValidationPolicyReason):
 * not Unauthorized, though the dispatcher's reasonToCode knows it.
 */
const SUPPORTED_REASONS = ['Forbidden', 'Invalid', 'RequestEntityTooLarge'];

/** Unsupported reasons at the reason; compile errors at the expression; what each expression lacks offline, once per policy and kind. */
function policyProblems(c: CompiledPolicy, out: Diagnostic[]): void {
  const expressions: CompiledExpression[] = [...c.variables.values(), ...c.matchConditions, ...c.validations.flatMap((v) => (v.message ? [v.compiled, v.message] : [v.compiled]))];
  for (const v of c.policy.validations) {
    if (v.reason === undefined || SUPPORTED_REASONS.includes(v.reason)) continue;
    const message = `Unsupported value: ${JSON.stringify(v.reason)}: supported values: ${SUPPORTED_REASONS.map((r) => JSON.stringify(r)).join(', ')}`;
    out.push(diagnosticFor(c.policy.resource, { ruleId: INVALID_ADMISSION_POLICY, severity: 'error', message, pointer: v.pointer.replace(/\/expression$/, '/reason') }));
  }
  const noted = new Set<Offline>();
  for (const e of expressions) {
    if (e.error) out.push(diagnosticFor(c.policy.resource, { ruleId: INVALID_ADMISSION_POLICY, severity: 'error', message: `compilation failed: ${e.error}`, pointer: e.pointer }));
    for (const o of e.offline) {
      if (noted.has(o) || (o !== 'oldObject' && readsOnlyThroughVariable(e, o, c))) continue;
      noted.add(o);
      out.push(diagnosticFor(c.policy.resource, { ruleId: ADMISSION_POLICY_OFFLINE, severity: 'info', message: `ValidatingAdmissionPolicy '${c.policy.name}' ${OFFLINE_NOTES[o]}`, pointer: e.pointer }));
    }
  }
}

/** A variable that reads it is the place to say so (variables come first), not each reader. */
function readsOnlyThroughVariable(e: CompiledExpression, o: Offline, c: CompiledPolicy): boolean {
  return !e.program?.variables.has(o === 'authorizer' ? 'authorizer' : 'request') && [...c.variables.values()].some((v) => v !== e && v.offline.has(o));
}
