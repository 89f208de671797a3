/**
 * A finding's one obvious edit ("did you mean", quote a value YAML reads as a number, use the
 * successor apiVersion, ...). A stage states the edit as data where it makes the finding, in
 * terms of JSON pointers; `diagnosticFor` turns it into text edits at source positions; the
 * language server offers it as a quick fix and `kubeproof check --fix` applies it. Named
 * `suggestion` because the schedule stage's `fix` (where a pending pod's fix goes) means another thing.
 */
import type { SourceSpan } from './span.js';

/** Replace the text of `span` in `file` with `newText` (an insertion when the span is empty). */
export interface TextEdit extends SourceSpan {
  file: string;
  newText: string;
}

export interface Suggestion {
  /** What the edit does, as an editor's quick-fix menu shows it: `Change "contaners" to "containers"`. */
  title: string;
  edits: TextEdit[];
}

/**
 * An edit stated on a resource: replace the key or the value at `pointer`, wrap the value in
 * double quotes, or add lines (indented like the key at `pointer`) below that key's line.
 */
export type PointerEdit =
  | { pointer: string; at: 'key' | 'value'; newText: string }
  | { pointer: string; at: 'quote-value' }
  | { pointer: string; at: 'lines-after-key'; lines: string[] };

export interface SuggestionSpec {
  title: string;
  edits: PointerEdit[];
}

/** Where an edit's range starts and ends in `text`, as offsets; a line past the end is the end (after a newline added). */
export function editOffsets(text: string, edit: SourceSpan): { start: number; end: number; newlineFirst: boolean } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const at = (line: number, column: number) => {
    const start = starts[line - 1];
    if (start === undefined) return text.length;
    const next = starts[line] ?? text.length;
    return Math.min(start + column - 1, next);
  };
  const pastEnd = edit.line > starts.length && !text.endsWith('\n') && text.length > 0;
  return { start: at(edit.line, edit.column), end: at(edit.endLine, edit.endColumn), newlineFirst: pastEnd };
}

/**
 * Applies suggestions to one file's text, each whole or not at all. They are taken in the order
 * given (the caller's, e.g. the diagnostics' sorted order); one with an edit that shares
 * characters with an edit already taken, or inserts inside one, is left out and returned, so the
 * outcome is the same run to run. Two insertions at one place keep their order.
 */
export function applySuggestionEdits<T>(text: string, groups: readonly { key: T; edits: readonly TextEdit[] }[]): { text: string; applied: T[]; skipped: T[] } {
  const taken: { start: number; end: number; newText: string; newlineFirst: boolean; seq: number }[] = [];
  const applied: T[] = [];
  const skipped: T[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    const placed = group.edits.map((edit) => ({ ...editOffsets(text, edit), newText: edit.newText }));
    // The same edit found twice (a base's finding through two overlays): made once. Two insertions
    // at one place do not clash, so without this the second would repeat the first.
    const key = JSON.stringify(placed);
    if (seen.has(key)) {
      applied.push(group.key);
      continue;
    }
    seen.add(key);
    const clashes = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end ? true : a.start === a.end ? b.start < a.start && a.start < b.end : b.start === b.end && a.start < b.start && b.start < a.end;
    if (placed.some((p, i) => taken.some((t) => clashes(p, t)) || placed.some((q, j) => j < i && clashes(p, q)))) {
      skipped.push(group.key);
      continue;
    }
    for (const p of placed) taken.push({ ...p, seq: taken.length });
    applied.push(group.key);
  }
  taken.sort((a, b) => a.start - b.start || a.end - b.end || a.seq - b.seq);
  let out = '';
  let from = 0;
  let newlineAdded = false;
  for (const t of taken) {
    out += text.slice(from, t.start) + (t.newlineFirst && !newlineAdded ? '\n' : '') + t.newText;
    newlineAdded ||= t.newlineFirst;
    from = t.end;
  }
  out += text.slice(from);
  return { text: out, applied, skipped };
}
