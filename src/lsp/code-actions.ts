/**
 * Quick fixes: a finding's suggested edit (made where the finding is made: core/suggestion.ts),
 * and for every finding, a comment that suppresses it on its line. The edits are those
 * `kubeproof check --fix` applies; a suggestion may edit another file than the document's (a
 * base or a patch of the overlay), which the workspace edit names by its URI.
 */
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { editOffsets, type Diagnostic, type TextEdit } from '../core/index.js';
import { isSuppressionFinding, suppressionEdit } from '../suppress/index.js';
import { toLspDiagnostic } from './convert.js';

export interface CodeActionContext {
  /** The document's file (as the engine knows it) and its URI. */
  file: string;
  uri: string;
  /** What was last published for the document. */
  diagnostics: readonly Diagnostic[];
  /** The current text of a file: the editor's buffer when open. */
  text: (file: string) => string | undefined;
}

export function codeActions(params: CodeActionParams, ctx: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(`${CodeActionKind.QuickFix}.`) || k === CodeActionKind.Empty)) return [];
  const fixes: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  for (const d of ctx.diagnostics) {
    if (!overlaps(d, params.range)) continue;
    const diagnostic = toLspDiagnostic(d);
    if (d.suggestion) {
      const edit = workspaceEdit(d.suggestion.edits, ctx);
      if (edit) fixes.push({ title: d.suggestion.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit });
    }
    if (!isSuppressionFinding(d.ruleId) && d.ruleId !== 'internal-error') {
      const text = ctx.text(ctx.file);
      const edit = text === undefined ? undefined : workspaceEdit([suppressionEdit(text, ctx.file, d.line, d.ruleId)], ctx);
      if (edit) suppressions.push({ title: `Ignore ${d.ruleId} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
    }
  }
  return [...fixes, ...dedupeByTitle(suppressions)];
}

function workspaceEdit(edits: readonly TextEdit[], ctx: CodeActionContext): { changes: Record<string, LspTextEdit[]> } | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const text = ctx.text(e.file);
    if (text === undefined) return undefined;
    const uri = e.file === ctx.file ? ctx.uri : pathToFileURL(e.file).href;
    // Positions through offsets: an insertion below a last line with no newline adds one.
    const doc = TextDocument.create(uri, 'yaml', 0, text);
    const { start, end, newlineFirst } = editOffsets(text, e);
    (changes[uri] ??= []).push({ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: (newlineFirst ? '\n' : '') + e.newText });
  }
  return { changes };
}

function overlaps(d: Diagnostic, range: CodeActionParams['range']): boolean {
  const startsBeforeEnd = d.line - 1 < range.end.line || (d.line - 1 === range.end.line && d.column - 1 <= range.end.character);
  const endsAfterStart = d.endLine - 1 > range.start.line || (d.endLine - 1 === range.start.line && d.endColumn - 1 >= range.start.character);
  return startsBeforeEnd && endsAfterStart;
}

/** Two findings of one rule on one line need one comment. */
function dedupeByTitle(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = `${a.title}:${a.diagnostics?.[0]?.range.start.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
