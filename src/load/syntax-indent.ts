/**
 * Indentation mistakes, and the missing or extra colons that look like them to the parser,
 * said in words and placed on the line to edit. The parser reports these where it gives up:
 * often the start of the enclosing mapping or the line above. Each function reads the source
 * lines around the report (syntax-lines.ts) and returns undefined when the situation is not the
 * one it knows, so that the parser's own words are kept rather than a wrong guess.
 */
import type { Explained, Explaining } from './syntax-explain.js';
import { BLOCK_HEADER, levelsOf, withoutComment, type Level, type Line } from './syntax-lines.js';

const column = (c: number) => `column ${c + 1}`;
const lineNo = (l: Line) => `line ${l.index + 1}`;

/** The key a line starts (the innermost one, after any `- `), if it starts one. */
function keyOn(line: Line): Level | undefined {
  const last = levelsOf(line).at(-1);
  return last?.kind === 'key' ? last : undefined;
}

/** The first thing written on a line from `at`, as a message names it: its key, else its text. */
function written(line: Line, at = line.start + line.indent): { name: string; end: number } {
  const key = keyOn(line);
  if (key && key.column === at - line.start) return { name: key.key!, end: at + key.key!.length };
  const rest = withoutComment(line.text.slice(at - line.start));
  return { name: rest, end: at + Math.max(rest.length, 1) };
}

/**
 * A line whose indentation lines up with no key above it (the parser: "All mapping items must
 * start at the same column", "Sequence item without - indicator", "Unexpected scalar at node
 * end"), or a `- ` item that lines up with no list ("A block sequence may not be used as an
 * implicit map key").
 */
export function misplacedLine(x: Explaining, at: number): Explained | undefined {
  const line = lineFrom(x, at);
  if (!line) return undefined;
  if (levelsOf(line)[0]?.kind === 'item') return misplacedItem(x, line);
  const above = x.lines.enclosing(line.index);
  const prev = x.lines.previous(line.index);
  const header = prev && keyOn(prev);
  if (prev && header && BLOCK_HEADER.test(header.value!) && line.indent > header.column) {
    const start = line.start + line.indent;
    const text = x.lines.next(prev.index);
    const like = text && text.index < line.index ? ` to ${column(text.indent)}, like the text above it` : '';
    return {
      message: `this line is indented less than the ${x.show(header.value!)} text of ${x.show(header.key!)} (${lineNo(prev)}) above it, so the text ends before it and it is read as a key, which lines up with no key above: indent it${like}`,
      start,
      end: start + Math.max(1, withoutComment(line.text.slice(line.indent)).length),
    };
  }
  const keys = above.filter((l) => l.kind === 'key');
  if (keys.some((k) => k.column === line.indent)) return undefined; // it does line up: some other mistake
  const deeper = keys.filter((k) => k.column > line.indent).sort((a, b) => a.column - b.column)[0];
  const shallower = keys.filter((k) => k.column < line.indent).sort((a, b) => b.column - a.column)[0];
  const { name, end } = written(line);
  const start = line.start + line.indent;
  const outermost = above.at(-1);
  if (!shallower && outermost && outermost.column > line.indent && !x.lines.previous(outermost.line.index)) {
    // The document's first line is indented and this later line is not: the first line is the one to fix.
    const first = outermost.line;
    return {
      message: `the document's first line is indented (it starts at ${column(first.indent)}), but ${lineNo(line)} starts at ${column(line.indent)}: the top-level keys must all start at the same column; remove the indentation before ${x.show(written(first).name)}`,
      start: first.start + first.indent,
      end: written(first).end,
    };
  }
  const ways = [deeper, shallower].filter((k) => k !== undefined).map((k) => `to ${column(k.column)} to make it a sibling of ${x.show(k.key!)} (${lineNo(k.line)})`);
  if (ways.length === 0) return undefined;
  const dash = above.find((l) => l.kind === 'item' && l.column === line.indent);
  const where = dash
    ? `which is the column of the \`-\` on ${lineNo(dash.line)}: only \`- \` list items can start there`
    : 'which lines up with no key above it';
  return { message: `${x.show(name)} starts at ${column(line.indent)}, ${where}; move it ${ways.join(', or ')}`, start, end };
}

/** The line a report at `at` is about: the parser may report at the end of the line before it, or at a comment above it. */
function lineFrom(x: Explaining, at: number): Line | undefined {
  const line = x.lines.at(at);
  const rest = line.text.slice(Math.max(0, at - line.start)).trim();
  return rest === '' || rest.startsWith('#') ? x.lines.next(line.index) : line;
}

/** A `- ` list item at an indentation where no list can go. */
function misplacedItem(x: Explaining, line: Line): Explained | undefined {
  const prev = x.lines.previous(line.index);
  const before = prev && keyOn(prev);
  const dash = line.start + line.indent;
  const valued = before && before.value !== '' && !BLOCK_HEADER.test(before.value!) ? before : undefined;
  // Indented under a key that already has a value: the list cannot be its value too.
  if (valued && line.indent > valued.column) return valueAndBlock(x, valued, line, true);
  if (before && before.value === '' && line.indent < before.column) {
    return {
      message: `this list item starts at ${column(line.indent)}, left of ${x.show(before.key!)} (${lineNo(before.line)}), whose value it seems to be: a list under a key starts at the key's column or deeper; move the \`-\` to ${column(before.column)}`,
      start: dash,
      end: dash + 1,
    };
  }
  const list = x.lines.enclosing(line.index).find((l) => l.kind === 'item' && l.column !== line.indent);
  // `- name: b` under `- name: a` continues that list; `- --debug` under `args: --verbose` was meant as args' value.
  const startsKey = (l: Line) => levelsOf(l).some((v) => v.kind === 'key');
  if (list && (!valued || startsKey(list.line) === startsKey(line))) {
    return {
      message: `this list item starts at ${column(line.indent)}, but the list it continues (${lineNo(list.line)}) has its \`-\` at ${column(list.column)}: move the \`-\` to ${column(list.column)}`,
      start: dash,
      end: dash + 1,
    };
  }
  if (valued && line.indent === valued.column) return valueAndBlock(x, valued, line, true);
  if (!before) return undefined;
  return {
    message: `a list item cannot start here, among the keys of the mapping above (${x.show(before.key!)}, ${lineNo(before.line)}): remove the \`- \` if this is one more key, or put the list under a key that ends with \`:\``,
    start: dash,
    end: dash + 1,
  };
}

/** A key with a value on its line and an indented block (or a list) under it: one or the other. */
function valueAndBlock(x: Explaining, key: Level, first: Line, list = false): Explained {
  const k = x.show(key.key!);
  const v = x.show(key.value!);
  const fix = list
    ? `remove ${v} to make the list its value`
    : `remove ${v} to make the indented lines its value, or move them to ${column(key.column)} to make them siblings of ${k}`;
  return {
    message: `${k} has both a value on its line (${v}) and ${list ? 'a list' : 'a nested block'} below it (from ${lineNo(first)}): a key holds one or the other; ${fix}`,
    start: key.valueAt!,
    end: key.valueAt! + Math.max(1, key.value!.length),
  };
}

/**
 * "Nested mappings are not allowed in compact mappings", reported at the value of a key: that
 * value holds `: ` (a colon in unquoted text), or the next line is indented under a key that
 * already has a value (a key indented too deep, or a value on the key's line by mistake).
 */
export function nestedAfterValue(x: Explaining, at: number): Explained | undefined {
  const line = x.lines.at(at);
  const key = levelsOf(line).filter((l) => l.kind === 'key' && l.valueAt! <= at).at(-1);
  if (!key) return undefined;
  const value = key.value!;
  const colon = /^["']/.test(value) ? -1 : value.search(/:(?=[ \t]|$)/);
  if (colon >= 0) {
    const example = x.secret ? '' : ` (${x.show(`${key.key}: "${value}"`)})`;
    return {
      message: `the value of ${x.show(key.key!)} holds a colon followed by a space, which YAML reads as the start of another key: put the whole value in quotes${example}, or, if a nested key was meant, put it on its own line, indented under ${x.show(key.key!)}`,
      start: key.valueAt! + colon,
      end: key.valueAt! + colon + 1,
    };
  }
  const next = x.lines.next(line.index);
  if (!next || next.indent <= key.column) return undefined;
  if (blockLines(x, line, key.column, next.indent) >= 2) return valueAndBlock(x, key, next);
  const { name, end } = written(next);
  return {
    message: `${x.show(name)} is indented more than ${x.show(key.key!)} on ${lineNo(line)}, which already has a value on its line: move it to ${column(key.column)} to make it a sibling of ${x.show(key.key!)}, or, if it belongs under ${x.show(key.key!)}, remove the value ${x.show(value)}`,
    start: next.start + next.indent,
    end,
  };
}

/** How many lines after `from` start at column `at`, before the first one back at `parent` or less. */
function blockLines(x: Explaining, from: Line, parent: number, at: number): number {
  let n = 0;
  for (let l = x.lines.next(from.index); l && l.indent > parent; l = x.lines.next(l.index)) if (l.indent === at) n++;
  return n;
}

/**
 * A line read as a key with no `: ` after it ("Implicit map keys need to be followed by map
 * values", "Implicit keys need to be on a single line"): a missing colon, a colon with no space
 * after it, or the text of a block scalar that is not indented under its key.
 */
export function missingColon(x: Explaining, at: number): Explained | undefined {
  const line = x.lines.at(at);
  const text = withoutComment(line.text.slice(at - line.start));
  if (text === '') return undefined;
  if (/^["']/.test(text) && !/^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')$/.test(text)) {
    const quote = text[0] === '"' ? 'double' : 'single';
    return {
      message: `this ${quote}-quoted text is not closed on its line, so YAML reads the lines after it, up to the next ${x.show(text[0]!)}, as one key: close the quote on this line`,
      start: at,
      end: at + 1,
    };
  }
  if (/:(?=[ \t]|$)/.test(text)) return undefined;
  const end = at + text.length;
  const prev = x.lines.previous(line.index);
  const header = prev && (keyOn(prev)?.value ?? withoutComment(prev.text.slice(prev.indent).replace(/^(?:-[ \t]+)+/, '')));
  if (prev && header !== undefined && BLOCK_HEADER.test(header) && line.indent <= (keyOn(prev)?.column ?? prev.indent)) {
    const owner = keyOn(prev);
    return {
      message: `this line seems to be the text of the ${x.show(header)} block ${owner ? `of ${x.show(owner.key!)} ` : ''}on ${lineNo(prev)}, but it is not indented more than ${owner ? x.show(owner.key!) : 'that line'}, so it is read as a key: indent it`,
      start: at,
      end,
    };
  }
  const tight = /^["']/.test(text) ? null : /^[^:]*?[^\s:]:(?=[^\s:])/.exec(text);
  if (tight) {
    const colon = at + tight[0].length - 1;
    const fixed = x.secret ? '' : `; write ${x.show(text.replace(/:/, ': '))}`;
    return {
      message: `the colon in ${x.show(text)} needs a space after it: without one YAML reads a single word, not a key and its value${fixed}`,
      start: colon,
      end: colon + 1,
    };
  }
  const next = x.lines.next(line.index);
  if (next && next.indent > at - line.start) {
    return { message: `${x.show(text)} has no colon, so the indented lines under it cannot be its value: write ${x.show(`${text}:`)}`, start: at, end };
  }
  const space = text.search(/[ \t]/);
  const fixed = space < 0 ? `${text}:` : `${text.slice(0, space)}: ${text.slice(space).trimStart()}`;
  return {
    message: `${x.show(text)} has no colon: every entry of a mapping is \`key: value\`, with a colon and a space after the key; write ${x.show(fixed)}`,
    start: at,
    end,
  };
}
