import type { Diagnostic, Severity } from './diagnostic.js';
import type { Resource } from './resource.js';
import { isSecretKind } from './redact.js';
import type { SourceSpan } from './span.js';
import { defer, forget } from './deferred-position.js';
import type { Suggestion, SuggestionSpec, TextEdit } from './suggestion.js';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer inside the resource. */
  pointer: string;
  /** Point at the key of a map entry (an unknown field) rather than its value (a bad value). */
  at?: 'key' | 'value';
  /** The one obvious edit, stated on the resource (core/suggestion.ts). */
  suggestion?: SuggestionSpec;
}

/**
 * Turns a finding about a resource into a Diagnostic with its exact position, so no stage
 * computes positions itself. A pointer that does not exist lands on its nearest parent.
 * The position is placed when first read (core/deferred-position.ts): most findings of a large
 * run are sorted and printed, but placing them one by one as rules report them costs a re-parse
 * of the document per rule; placePositions places a whole list document by document.
 */
export function diagnosticFor(resource: Resource, finding: Finding): Diagnostic {
  let placed: Placed | undefined;
  const at = (): Placed => {
    if (placed) return placed;
    placed = place(resource, finding);
    forget(diagnostic);
    return placed;
  };
  // Accessors in the order of the fields of a placed diagnostic, so JSON output keeps its key order.
  const diagnostic: Diagnostic = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    get file() { return at().file; },
    set file(v: string) { at().file = v; },
    get line() { return at().span.line; },
    set line(v: number) { at().span.line = v; },
    get column() { return at().span.column; },
    set column(v: number) { at().span.column = v; },
    get endLine() { return at().span.endLine; },
    set endLine(v: number) { at().span.endLine = v; },
    get endColumn() { return at().span.endColumn; },
    set endColumn(v: number) { at().span.endColumn = v; },
    path: finding.pointer,
    resource: resource.id,
  };
  // A suggestion that cannot be placed for sure is left out, as before positions were deferred.
  if (finding.suggestion && !isSecretKind(resource.id)) {
    Object.defineProperty(diagnostic, 'suggestion', { enumerable: true, configurable: true, get: () => at().suggestion, set: (v: Suggestion | undefined) => { at().suggestion = v; } });
  }
  defer(diagnostic, { resource, place: () => void at() });
  return diagnostic;
}

interface Placed {
  file: string;
  span: SourceSpan;
  suggestion?: Suggestion;
}

function place(resource: Resource, finding: Finding): Placed {
  const located = resource.source.locate(finding.pointer);
  // A missing field is reported at its parent's key, where a person would add it.
  const useKey = finding.at === 'key' || !located.exact;
  const span = useKey && located.key ? located.key : located.value;
  return { file: located.file ?? resource.source.file, span: { ...span }, ...suggestionFor(resource, finding.suggestion) };
}

/**
 * The spec's edits at their source positions, or nothing when one cannot be placed for sure (a
 * pointer that is not in the source, a value on several lines). Never an edit of a Secret: its
 * values are not ours to rewrite, nor to copy into a quick fix's text.
 */
function suggestionFor(resource: Resource, spec: SuggestionSpec | undefined): { suggestion?: Suggestion } {
  if (!spec || isSecretKind(resource.id)) return {};
  const edits: TextEdit[] = [];
  for (const e of spec.edits) {
    const located = resource.source.locate(e.pointer);
    if (!located.exact) return {};
    const file = located.file ?? resource.source.file;
    if (e.at === 'quote-value') {
      const v = located.value;
      if (v.line !== v.endLine || v.endColumn <= v.column) return {};
      edits.push({ file, ...point(v.line, v.column), newText: '"' }, { file, ...point(v.endLine, v.endColumn), newText: '"' });
    } else if (e.at === 'lines-after-key') {
      const key = located.key;
      // Only below a key whose value ends on its own line, in a block mapping (whose keys start
      // where the mapping starts; a flow mapping starts at its brace): the new lines go right after it.
      const parent = resource.source.locate(e.pointer.slice(0, e.pointer.lastIndexOf('/')));
      if (!key || located.value.endLine !== key.line || parent.value.column !== key.column || (parent.file ?? resource.source.file) !== file) return {};
      const indent = ' '.repeat(key.column - 1);
      edits.push({ file, ...point(key.line + 1, 1), newText: e.lines.map((l) => `${indent}${l}\n`).join('') });
    } else {
      const span = e.at === 'key' ? located.key : located.value;
      if (!span) return {};
      edits.push({ file, ...span, newText: e.newText });
    }
  }
  return edits.length ? { suggestion: { title: spec.title, edits } } : {};
}

function point(line: number, column: number): SourceSpan {
  return { line, column, endLine: line, endColumn: column };
}
