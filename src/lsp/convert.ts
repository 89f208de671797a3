/** kubeproof's findings as LSP diagnostics: 1-based positions become 0-based, both in UTF-16 code units. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleDocsUrl, type Diagnostic, type Severity } from '../core/index.js';

export const SOURCE = 'kubeproof';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const start = { line: Math.max(0, d.line - 1), character: Math.max(0, d.column - 1) };
  const end = { line: Math.max(start.line, d.endLine - 1), character: Math.max(0, d.endColumn - 1) };
  // An end before the start (never produced on purpose) would make some clients drop the diagnostic.
  if (end.line === start.line && end.character < start.character) end.character = start.character;
  return {
    range: { start, end },
    severity: SEVERITY[d.severity],
    code: d.ruleId,
    codeDescription: { href: ruleDocsUrl(d.ruleId) },
    source: SOURCE,
    message: d.message,
    // What the finding is about, for code actions and suppressions to come.
    data: { path: d.path, ...(d.resource && { resource: d.resource }) },
  };
}
