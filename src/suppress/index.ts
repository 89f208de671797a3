/**
 * Suppressions: `# kubeproof-ignore-next-line rule-a, rule-b -- reason`, `# kubeproof-ignore-file rule-a -- reason`
 * and the annotation `kubeproof.dev/ignore: "rule-a,rule-b # reason"`, applied to a run's diagnostics after every
 * stage has reported; suppressions that suppress nothing are reported as `unused-suppression`.
 */
export { applySuppressions, resolveSuppressions, type RuleFilter, type SuppressionInput, type SuppressionResult } from './apply.js';
export { annotationSuppressions, ignoreAnnotationOf, IGNORE_ANNOTATION, IGNORE_POINTER, resourceKey } from './annotation.js';
export { scanComments, FILE as IGNORE_FILE_DIRECTIVE, NEXT_LINE as IGNORE_NEXT_LINE_DIRECTIVE } from './comments.js';
export { fileTextReader, type TextReaderOptions } from './text.js';
export {
  INVALID_SUPPRESSION,
  invalidSuppressionMeta,
  isSuppressionFinding,
  suppressionMetas,
  UNUSED_SUPPRESSION,
  unusedSuppressionMeta,
  type SuppressionMeta,
} from './meta.js';
export type { SuppressedDiagnostic, Suppression, SuppressionEntry, SuppressionKind } from './types.js';
export { suppressionEdit } from './edit.js';
