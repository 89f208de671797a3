/** What the API server says, in its words (apiserver/pkg/admission/plugin/policy/validating/dispatcher.go). */

/** The refusal: `ValidatingAdmissionPolicy '%s' with binding '%s' denied request: %s`. */
export const deniedMessage = (policy: string, binding: string, message: string) => `ValidatingAdmissionPolicy '${policy}' with binding '${binding}' denied request: ${message}`;

/** The warning a Warn action adds to the response: `Validation failed for ValidatingAdmissionPolicy '%s' with binding '%s': %s`. */
export const warnedMessage = (policy: string, binding: string, message: string) => `Validation failed for ValidatingAdmissionPolicy '${policy}' with binding '${binding}': ${message}`;

/** A binding that cannot be set up (params): dispatcher.go addConfigError. */
export const bindingConfigError = (err: string) => `failed to configure binding: ${err}`;

/**
 * The status reason is not part of the message; when a validation sets one other than the
 * default Invalid, kubectl shows it (`Error from server (Forbidden)`), so the finding says it too.
 */
export const withReason = (message: string, reason: string | undefined) => (reason && reason !== 'Invalid' ? `${message} (reason ${reason})` : message);
