/** What the API server says, in its words (apiserver/pkg/admission/plugin/policy/validating/dispatcher.go). */

/** The refusal: `ValidatingAdmissionPolicy '%s' with binding '%s' denied request: %s`. */
export const deniedMessage = (policy: string, binding: string, message: string) => `ValidatingAdmissionPolicy '${policy}' with binding '${binding}' denied request: ${message}`;

/** The warning a Warn action adds to the response: `Validation failed for ValidatingAdmissionPolicy '%s' with binding '%s': %s`. */
export const warnedMessage = (policy: string, binding: string, message: string) => `Validation failed for ValidatingAdmissionPolicy '${policy}' with binding '${binding}': ${message}`;

/** A binding that cannot be set up (params): dispatcher.go addConfigError. */
export const bindingConfigError = (err: string) => `failed to configure binding: ${err}`;

/** The audit annotation an Audit action writes instead (dispatcher.go publishValidationFailureAnnotation): nothing the client sees. */
export const AUDIT_ANNOTATION_KEY = 'validation.policy.admission.k8s.io/validation_failure';

/**
 * An Audit-only binding: the API server admits the request and writes the failure to the audit
 * log only; kubectl prints nothing. The finding says so rather than borrow the Warn wording.
 */
export const auditedMessage = (policy: string, binding: string, message: string) =>
  `ValidatingAdmissionPolicy '${policy}' with binding '${binding}' would write audit annotation ${AUDIT_ANNOTATION_KEY} (validationActions Audit: admitted, not shown to the client): ${message}`;

/** dispatcher.go / policy_decision.go reasonToCode: the HTTP code of the refusal's status reason. */
const REASON_CODES: Record<string, number> = { Forbidden: 403, Unauthorized: 401, RequestEntityTooLarge: 413, Invalid: 422 };

/**
 * A refusal's status reason is a field of the Status, not part of its message (dispatcher.go sets
 * ErrStatus.Reason and Code; the message is the sentence above). The default Invalid (422) is not
 * mentioned; another reason is said after the message, worded as the response status, so it is not
 * mistaken for the policy's text. Only a refusal has one: a warning or an audit annotation does not.
 */
export const withStatusReason = (message: string, reason: string | undefined) =>
  reason && reason !== 'Invalid' ? `${message} [status ${reason}, HTTP ${REASON_CODES[reason] ?? 422}]` : message;
