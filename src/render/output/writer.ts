/**
 * Writes scalars the way libyaml's emitter (inside go-yaml v3) does, folding long lines at
 * spaces once the line is past 80 columns, as `kustomize build` output shows.
 */
import { isPrintable, type Style } from './scalar.js';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

export class Writer {
  private readonly parts: string[] = [];
  /** Characters written on the current line. */
  column = 0;
  /** Whether the last thing written was whitespace (libyaml's emitter.whitespace). */
  whitespace = true;

  write(s: string): void {
    this.openEnded = false;
    this.parts.push(s);
    this.column += s.length === 1 ? 1 : codePoints(s);
    this.whitespace = false;
  }

  /** A line break, then `indent` spaces. */
  indent(indent: number): void {
    this.parts.push('\n' + ' '.repeat(indent));
    this.column = indent;
    this.whitespace = true;
  }

  breakLine(): void {
    this.parts.push('\n');
    this.column = 0;
    this.whitespace = true;
  }

  text(): string {
    return this.parts.join('');
  }

  /** A scalar in the given style; `indent` is where continuation lines start. */
  scalar(value: string, style: Style, indent: number, allowBreaks: boolean): void {
    switch (style) {
      case 'plain':
        return this.plain(value, indent, allowBreaks);
      case 'single':
        return this.singleQuoted(value, indent, allowBreaks);
      case 'double':
        return this.doubleQuoted(value, indent, allowBreaks);
      case 'literal':
        return this.literal(value, indent);
    }
  }

  private plain(value: string, indent: number, allowBreaks: boolean): void {
    const chars = [...value];
    let spaces = false;
    let line = '';
    const flush = () => {
      if (line) this.write(line);
      line = '';
    };
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column + [...line].length > BEST_WIDTH && chars[i + 1] !== ' ') {
          flush();
          this.indent(indent);
        } else {
          line += c;
        }
        spaces = true;
      } else {
        line += c;
        spaces = false;
      }
    }
    flush();
  }

  private singleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    const chars = [...value];
    this.write("'");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== ' ') {
          this.indent(indent);
        } else {
          this.write(c);
        }
        spaces = true;
      } else if (c === '\n') {
        if (!breaks) this.breakLine();
        this.breakLine();
        this.write(' '.repeat(indent));
        breaks = true;
      } else {
        if (breaks) {
          // libyaml re-indents after a run of breaks before writing the next character.
          breaks = false;
        }
        this.write(c === "'" ? "''" : c);
        spaces = false;
      }
    }
    this.write("'");
  }

  private doubleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    const chars = [...value];
    this.write('"');
    let spaces = false;
    // Characters written as they are go out in runs, one write per run, not one per character:
    // a 9 MB ConfigMap value took a second in write() alone. `run` holds `runLength` code points.
    let run = '';
    let runLength = 0;
    const flush = () => {
      if (runLength === 0) return;
      this.write(run);
      run = '';
      runLength = 0;
    };
    // go-yaml v2 quirk: a string that starts with a byte order mark has every character escaped.
    const bomStart = value.startsWith('\ufeff');
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      const cp = c.codePointAt(0)!;
      if (bomStart || !isPrintable(c) || cp === 0xfeff || c === '\n' || c === '\r' || cp === 0x85 || cp === 0x2028 || cp === 0x2029 || c === '"' || c === '\\') {
        flush();
        this.write(escape(c));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column + runLength > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          flush();
          this.indent(indent);
          if (chars[i + 1] === ' ') this.write('\\');
        } else {
          run += c;
          runLength++;
        }
        spaces = true;
      } else {
        run += c;
        runLength++;
        spaces = false;
      }
    }
    flush();
    this.write('"');
  }

  /** `|`, `|-` or `|+`, with an indentation indicator when the text starts with a space. */
  private literal(value: string, indent: number): void {
    let hints = '';
    if (value.startsWith(' ') || value.startsWith('\n')) hints += String(BEST_INDENT);
    if (!value.endsWith('\n')) hints += '-';
    else if (value.length === 1 || value.endsWith('\n\n')) hints += '+';
    this.write('|' + hints);
    const lines = value.split('\n');
    // A trailing break ends the last line rather than starting an empty one.
    if (value.endsWith('\n')) lines.pop();
    for (const l of lines) {
      if (l === '') {
        this.breakLine();
        this.openEnded = true;
      } else {
        this.indent(indent);
        this.write(l);
        this.openEnded = false;
      }
    }
  }

  /** The last thing written was an empty line of a literal block: the document still owes its final break. */
  openEnded = false;
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\b': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\f': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\',
  '\u0085': 'N', '\u00a0': '_', '\u2028': 'L', '\u2029': 'P',
};

function escape(c: string): string {
  const e = ESCAPES[c];
  if (e) return '\\' + e;
  const cp = c.codePointAt(0)!;
  if (cp <= 0xff) return '\\x' + cp.toString(16).toUpperCase().padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  return '\\U' + cp.toString(16).toUpperCase().padStart(8, '0');
}

/** Code points in `s` (what a column counts): its UTF-16 units less one per surrogate pair. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = s.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) n--;
    }
  }
  return n;
}
