import type { Diagnostic, ResourceId, SourceSpan } from '../core/index.js';

export type SuppressionKind = 'next-line' | 'file' | 'annotation';

/** One rule id of a suppression, where it is written. */
export interface SuppressionEntry {
  /** The rule id; null for "every rule" (no list, or `*`). */
  ruleId: string | null;
  /** The rule id's own span; for "every rule" without a `*`, the whole suppression's span. */
  span: SourceSpan;
}

/** A `# kubeproof-ignore-*` comment or a `kubeproof.dev/ignore` annotation, parsed. */
export interface Suppression {
  kind: SuppressionKind;
  /** The file the suppression is written in (display path). */
  file: string;
  /** The directive comment (from `#`), or the annotation's value. */
  span: SourceSpan;
  /** At least one entry. */
  entries: SuppressionEntry[];
  /** The text after ` -- ` or ` # `, trimmed; absent when there is none. */
  reason?: string;
  /** next-line: the line it applies to; undefined when no line follows. */
  targetLine?: number;
  /** annotation: the resources carrying it (one annotation in a base rendered by two overlays is one suppression). */
  resources?: ResourceId[];
}

/** A diagnostic that was suppressed, and by what: SARIF `suppressions[]` (kind `inSource`) can be built from it. */
export interface SuppressedDiagnostic {
  diagnostic: Diagnostic;
  suppression: Suppression;
}
