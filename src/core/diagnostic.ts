import type { Suggestion } from './suggestion.js';
import { placePositions } from './deferred-position.js';

/** How bad a finding is. `error` fails a run; `warning` fails it only past `--max-warnings`. */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Who a finding is about: enough to find the object in a cluster. */
export interface ResourceId {
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** metadata.name, or `generateName` followed by `*` when only that is set; '' when neither is. */
  name: string;
}

/**
 * The one finding type every stage emits. Positions are 1-based; columns count
 * UTF-16 code units, as LSP and SARIF (`columnKind: utf16CodeUnits`) expect.
 */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path as shown to the user: relative to the working directory when inside it, POSIX separators. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** RFC 6901 JSON pointer inside the resource ('' for the whole document or file). */
  path: string;
  resource?: ResourceId;
  /** The finding's one obvious edit, when it has one (core/suggestion.ts). */
  suggestion?: Suggestion;
}

export function formatResourceId(id: ResourceId): string {
  const ns = id.namespace ? `${id.namespace}/` : '';
  return `${id.kind} ${ns}${id.name || '<unnamed>'}`;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Total order used before any formatter sees diagnostics, so output is byte-identical run to run. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    severityRank[a.severity] - severityRank[b.severity] ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.path, b.path)
  );
}

/** Code-unit order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Placed document by document before the sort reads them in its own order (core/deferred-position.ts).
  placePositions(diagnostics);
  return [...diagnostics].sort(compareDiagnostics);
}

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') counts.errors++;
    else if (d.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
