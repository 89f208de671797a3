import type { RuleMeta } from '../../core/index.js';

export const ADMISSION_POLICY = 'admission-policy';
export const ADMISSION_POLICY_OFFLINE = 'admission-policy-offline';
export const INVALID_ADMISSION_POLICY = 'invalid-admission-policy';

export const admissionPolicyMetas: RuleMeta[] = [
  {
    id: ADMISSION_POLICY,
    severity: 'error',
    description: 'A ValidatingAdmissionPolicy bound to the object would refuse it (Deny) or warn about it (Warn, Audit)',
    docs: 'The ValidatingAdmissionPolicies and bindings among the inputs, or given with `--policies`, are evaluated on every input object as the API server would on its creation: match constraints, params, variables, matchConditions, validations. A binding with the `Deny` action makes a failed validation an error worded as the API server refuses the request; `Warn` makes it a warning worded as the API server\'s warning; `Audit` alone makes a warning that says the request is admitted and only an audit annotation is written. A validation\'s non-default `reason` is the refusal\'s status, said after the message (`[status Forbidden, HTTP 403]`). The finding points at the field a validation names when its expression reads one field of `object` (`object.spec.replicas <= 5`), else at the object\'s name.',
  },
  {
    id: ADMISSION_POLICY_OFFLINE,
    severity: 'info',
    description: 'A ValidatingAdmissionPolicy reads what is not known offline (request.userInfo, authorizer, oldObject, a Namespace not among the inputs)',
    docs: 'Offline there is no user, no authorizer and no stored object: expressions reading `request.userInfo` or calling `authorizer` are not evaluated, and `oldObject` is null (every input is checked as a CREATE). A namespaceSelector cannot be decided for an object whose Namespace is not among the inputs; the policy is then not applied to it. Each case is said once, so that a clean run is not mistaken for a proof.',
  },
  {
    id: INVALID_ADMISSION_POLICY,
    severity: 'error',
    description: 'A ValidatingAdmissionPolicy expression that does not compile',
    docs: 'An expression of a ValidatingAdmissionPolicy (validation, messageExpression, matchCondition, variable) that is not valid CEL for the Kubernetes CEL environment, reported at the expression with cel-go\'s error. The API server would fail every request the policy matches (or ignore the policy under `failurePolicy: Ignore`); kubeproof skips that expression.',
  },
];
