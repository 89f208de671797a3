import { START_OF_FILE, type Diagnostic, type ResourceId, type SourceSpan } from '../core/index.js';
import { loadProblems, type LoadProblemId } from './problems.js';

/** A load finding, with the severity its id declares. */
export function problem(
  ruleId: LoadProblemId,
  file: string,
  message: string,
  span: SourceSpan = START_OF_FILE,
  path = '',
  resource?: ResourceId,
): Diagnostic {
  const d: Diagnostic = { ruleId, severity: loadProblems[ruleId].severity, message, file, ...span, path };
  if (resource) d.resource = resource;
  return d;
}
