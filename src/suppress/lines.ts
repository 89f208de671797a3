/**
 * Offsets <-> 1-based line and column, counted as the loader counts them (the yaml package's LineCounter):
 * lines end at `\n` (a `\r` before it belongs to the line), columns are UTF-16 code units.
 */
import type { SourceSpan } from '../core/index.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset of the line's `\n` (or the end of the text). */
  endOf(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  /** The offset of a 1-based position; undefined when it is not inside the text. */
  offset(line: number, column: number): number | undefined {
    if (line < 1 || line > this.starts.length) return undefined;
    const offset = this.startOf(line) + column - 1;
    return column >= 1 && offset <= this.endOf(line) ? offset : undefined;
  }

  span(start: number, end: number): SourceSpan {
    const s = this.position(start);
    const e = this.position(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
