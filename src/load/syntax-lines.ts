/**
 * The lines of a broken YAML document as a person reads them: how far each is indented, what
 * key or `- ` item it starts, and which keys and items above it enclose it. The yaml package
 * often notices a mistake on another line than the one to edit (the start of the enclosing
 * mapping, the line above); syntax-explain.ts reads these to find the line to edit instead.
 */
import { isCollection, isScalar, visit, type Document } from 'yaml';

export interface Line {
  /** 0-based. */
  index: number;
  /** Offset of its first character in the file. */
  start: number;
  /** Without the line break (and without a CR before it). */
  text: string;
  /** Leading spaces: YAML indents with spaces only. */
  indent: number;
}

/** What a line starts at a column: a mapping key, or a list item (the column of its `-`). */
export interface Level {
  kind: 'key' | 'item';
  /** 0-based column. */
  column: number;
  line: Line;
  /** kind 'key': the key as written. */
  key?: string;
  /** kind 'key': what follows the colon on the line, without a comment ('' when nothing does). */
  value?: string;
  /** kind 'key': offset of that value in the file. */
  valueAt?: number;
}

/** A block scalar's header as the whole value: `|`, `>-`, `|2+`. */
export const BLOCK_HEADER = /^[|>][0-9+-]*$/;

/** What a line starts, outermost first: its `- ` items, then maybe a key. */
export function levelsOf(line: Line): Level[] {
  const out: Level[] = [];
  let column = line.indent;
  let rest = line.text.slice(column);
  for (let m = /^-(?:[ \t]+|$)/.exec(rest); m; m = /^-(?:[ \t]+|$)/.exec(rest)) {
    out.push({ kind: 'item', column, line });
    column += m[0].length;
    rest = rest.slice(m[0].length);
  }
  const key = keyOf(rest);
  if (key) {
    const after = rest.slice(key.length);
    const gap = after.length - after.trimStart().length;
    out.push({ kind: 'key', column, line, key: key.key, value: withoutComment(after.slice(gap)), valueAt: line.start + column + key.length + gap });
  }
  return out;
}

/** The key at the start of `rest` (`key:` then a space or the end), plain or quoted, and the length up to its colon. */
function keyOf(rest: string): { key: string; length: number } | undefined {
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const quoted = (rest.startsWith('"') ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/).exec(rest);
    const colon = quoted && /^[ \t]*:(?=[ \t]|$)/.exec(rest.slice(quoted[0].length));
    return quoted && colon ? { key: quoted[0], length: quoted[0].length + colon[0].length } : undefined;
  }
  // Indicators cannot start a plain key (anchors, tags and flow keys are left alone: rare by hand).
  if (rest === '' || /^[#[\]{},&*!|>%@`]/.test(rest) || /^[-?:](?:[ \t]|$)/.test(rest)) return undefined;
  const end = /:(?=[ \t]|$)|[ \t]#/.exec(rest);
  if (!end || end[0] !== ':') return undefined;
  return { key: rest.slice(0, end.index).trimEnd(), length: end.index + 1 };
}

/** A value's text without a trailing comment (` #` outside quotes) or trailing spaces. */
export function withoutComment(value: string): string {
  let from = 0;
  if (value.startsWith('"') || value.startsWith("'")) {
    const quoted = (value.startsWith('"') ? /^"(?:[^"\\]|\\.)*"/ : /^'(?:[^']|'')*'/).exec(value);
    from = quoted ? quoted[0].length : value.length;
  }
  const hash = from === 0 ? value.search(/(?:^|[ \t])#/) : value.slice(from).search(/[ \t]#/);
  return (hash < 0 ? value : value.slice(0, from + hash)).trimEnd();
}

/** A file's lines, split once however many of its documents need explaining (splitting per document was quadratic). */
export class FileLines {
  private split: Line[] | undefined;

  constructor(readonly text: string) {}

  get all(): readonly Line[] {
    if (this.split) return this.split;
    const lines: Line[] = [];
    for (let start = 0; start <= this.text.length; ) {
      const nl = this.text.indexOf('\n', start);
      const raw = this.text.slice(start, nl === -1 ? this.text.length : nl);
      const body = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      lines.push({ index: lines.length, start, text: body, indent: /^ */.exec(body)![0].length });
      if (nl === -1) break;
      start = nl + 1;
    }
    return (this.split = lines);
  }
}

/** The lines of one document of a file, as the explanations read them. */
export class SourceLines {
  private readonly text: string;
  private readonly lines: readonly Line[];
  /** For each line inside a multi-line value, where the outermost such value ends. */
  private continued: Map<number, number> | undefined;

  /** `doc` bounds the lines searched; its nodes say which lines continue a multi-line value. */
  constructor(
    file: FileLines,
    private readonly doc: Document.Parsed,
  ) {
    this.text = file.text;
    this.lines = file.all;
  }

  line(index: number): Line | undefined {
    return this.lines[index];
  }

  /** The line holding an offset. */
  at(offset: number): Line {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.lines[lo]!;
  }

  /** Whether a line holds nothing but spaces, a comment or a document marker. */
  isBlank(line: Line): boolean {
    const rest = line.text.trimStart();
    return rest === '' || rest.startsWith('#') || /^(?:---|\.\.\.)(?:[ \t]|$)/.test(line.text);
  }

  /**
   * The structural line before line `index` in the document: not blank, not inside a multi-line
   * value. Values are judged by the parsed nodes that end before line `before`; a node reaching
   * further is the broken part and is not trusted.
   */
  previous(index: number, before = index): Line | undefined {
    for (let i = index - 1; i >= 0; i--) {
      const l = this.lines[i]!;
      if (l.start + l.text.length < this.doc.range[0]) return undefined;
      if (!this.isBlank(l) && !this.continues(l, before)) return l;
    }
    return undefined;
  }

  /** The next line after line `index` in the document that is not blank (after a mistake, parsed nodes are not trusted). */
  next(index: number): Line | undefined {
    for (let i = index + 1; i < this.lines.length; i++) {
      const l = this.lines[i]!;
      if (/^(?:---|\.\.\.)(?:[ \t]|$)/.test(l.text)) return undefined;
      if (!this.isBlank(l)) return l;
    }
    return undefined;
  }

  /**
   * The keys and items that enclose line `index` (or would, at its indentation), innermost
   * first: for each column the nearest line above that starts something there. A key at the
   * same column as the list under it (`containers:` then `- name: a`) encloses it too.
   */
  enclosing(index: number): Level[] {
    const out: Level[] = [];
    let min = Infinity;
    let minIsItem = false;
    for (let l = this.previous(index); l; l = this.previous(l.index, index)) {
      const levels = levelsOf(l);
      const first = levels[0];
      const compactParent = l.indent === min && minIsItem && first?.kind === 'key' && first.value === '';
      if (l.indent < min || compactParent) {
        out.push(...levels.reverse());
        minIsItem = first?.kind === 'item';
        min = l.indent;
      }
      if (min === 0 && first?.kind !== 'item') break;
    }
    return out;
  }

  private continues(line: Line, before: number): boolean {
    this.continued ??= this.multiLineValues();
    const end = this.continued.get(line.index);
    return end !== undefined && end <= (this.lines[before]?.start ?? Infinity);
  }

  /** Lines that continue a scalar or flow collection begun on an earlier line. */
  private multiLineValues(): Map<number, number> {
    const out = new Map<number, number>();
    visit(this.doc, (_, node) => {
      if (!isScalar(node) && !(isCollection(node) && node.flow)) return undefined;
      const range = node.range;
      const nl = range ? this.text.indexOf('\n', range[0]) : -1;
      if (!range || nl === -1 || nl >= range[1]) return undefined;
      for (let l = this.at(range[0]).index + 1; l < this.lines.length; l++) {
        const line = this.lines[l]!;
        if (line.start + line.indent >= range[1]) break;
        out.set(l, Math.max(out.get(l) ?? 0, range[1]));
      }
      return visit.SKIP; // what a flow collection holds lies inside it: marking it again would cost a pass per level
    });
    return out;
  }
}
