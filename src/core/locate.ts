import type { Diagnostic, Severity } from './diagnostic.js';
import type { Resource } from './resource.js';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer inside the resource. */
  pointer: string;
  /** Point at the key of a map entry (an unknown field) rather than its value (a bad value). */
  at?: 'key' | 'value';
}

/**
 * Turns a finding about a resource into a Diagnostic with its exact position, so no stage
 * computes positions itself. A pointer that does not exist lands on its nearest parent.
 */
export function diagnosticFor(resource: Resource, finding: Finding): Diagnostic {
  const located = resource.source.locate(finding.pointer);
  // A missing field is reported at its parent's key, where a person would add it.
  const useKey = finding.at === 'key' || !located.exact;
  const span = useKey && located.key ? located.key : located.value;
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: located.file ?? resource.source.file,
    ...span,
    path: finding.pointer,
    resource: resource.id,
  };
}
