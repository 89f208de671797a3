/**
 * The yaml package's syntax errors in words a person editing a manifest understands, placed
 * where the edit goes, with the parser's own text after them as `(yaml: ...)`: it is what a
 * search engine knows. An error this file has no better words for keeps the parser's text and
 * position, so nothing the parser reports is lost; only wording and position change.
 */
import { isCollection, visit, type Document, type Node, type YAMLError } from 'yaml';
import { REDACTED } from '../core/index.js';
import { redactSyntaxMessage } from './redact-syntax.js';
import { misplacedLine, missingColon, nestedAfterValue } from './syntax-indent.js';
import { levelsOf, SourceLines, type FileLines, type Line } from './syntax-lines.js';

/** A message and the offsets of the text it is about. */
export interface Explained {
  message: string;
  start: number;
  end: number;
}

/** What an explanation reads. */
export interface Explaining {
  text: string;
  doc: Document.Parsed;
  lines: SourceLines;
  /** A Secret's messages quote none of its text (see core/redact.ts). */
  secret: boolean;
  /** Source text as a message quotes it: in backticks, or `<redacted>` in a Secret. */
  show(source: string): string;
}

/** The parser's message on one line, with what it quotes of the source redacted in a Secret. */
export function parserMessage(e: YAMLError, secret: boolean): string {
  const message = e.message.replace(/\s+/g, ' ').trim();
  return secret ? redactSyntaxMessage(message) : message;
}

/** Words and a place for a parser error in `doc`, one of the documents of `file`. */
export function explainSyntaxError(e: YAMLError, file: FileLines, doc: Document.Parsed, secret: boolean): Explained {
  const own = parserMessage(e, secret);
  const show = (s: string) => (secret ? REDACTED : `\`${s.length > 60 ? `${s.slice(0, 59)}…` : s}\``);
  const plain = explain(e, { text: file.text, doc, secret, lines: new SourceLines(file, doc), show });
  if (!plain) return { message: own, start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) };
  return { message: `${plain.message} (yaml: ${own})`, start: plain.start, end: Math.max(plain.end, plain.start + 1) };
}

/** A syntax character as a message names it (never source text, so never redacted). */
const q = (s: string) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

function explain(e: YAMLError, x: Explaining): Explained | undefined {
  const at = e.pos[0];
  const here = (message: string): Explained => ({ message, start: at, end: Math.max(e.pos[1], at + 1) });
  const m = e.message;
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return here('this line is indented with a tab, and YAML indents with spaces only: replace the tab with spaces');
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      if (/^Flow (sequence|map) (in block collection )?must/.test(m)) return unclosedFlow(x, at);
      if (/^All (mapping|sequence) items must start at the same column$|^Sequence item without - indicator$/.test(m)) return misplacedLine(x, at);
      if (/^Missing closing ["']quote$/.test(m)) return unclosedQuote(x, at);
      if (m === 'Implicit map keys need to be followed by map values') return missingColon(x, at);
      return blockScalar(m, here) ?? missingCharacter(m, x, at, here);
    case 'BLOCK_AS_IMPLICIT_KEY':
      return m.startsWith('Nested mappings') ? nestedAfterValue(x, at) : misplacedLine(x, at);
    case 'MULTILINE_IMPLICIT_KEY':
      if (m.startsWith('Implicit keys of flow')) return here(`inside ${q('[...]')}, a \`key: value\` pair must be on one line: join the key and its colon`);
      return missingColon(x, at);
    case 'UNEXPECTED_TOKEN':
      return unexpected(m, x, at, here);
    case 'BAD_SCALAR_START': {
      const c = m.slice(-1);
      return here(`an unquoted value cannot start with ${q(c)}, which YAML reserves: put the value in quotes`);
    }
    case 'BAD_DQ_ESCAPE': {
      const escape = m.replace(/^Invalid escape sequence /, '');
      const what = x.secret ? 'this backslash does not start an escape sequence YAML knows' : `${x.show(escape)} is not an escape sequence YAML knows`;
      return here(`${what}: inside double quotes write a backslash as ${q('\\\\')}, or use single quotes, inside which a backslash is an ordinary character`);
    }
    case 'BLOCK_IN_FLOW':
      return blockInFlow(x, e, here);
    case 'BAD_ALIAS':
      if (m.startsWith('Alias')) return here(`${q('*')} starts an alias and must be followed by the anchor's name: put the value in quotes if ${q('*')} is part of it`);
      if (m.startsWith('Anchor cannot')) return here(`${q('&')} starts an anchor and must be followed by its name: put the value in quotes if ${q('&')} is part of it`);
      return undefined;
    case 'ALIAS_PROPS':
      return here(`an alias (${q('*name')}) cannot have a tag or an anchor of its own: remove them`);
    case 'MULTIPLE_ANCHORS':
      return here(`a value can have one anchor (${q('&name')}) at most: remove the others`);
    case 'MULTIPLE_TAGS':
      return here(`a value can have one tag (${q('!name')}) at most: remove the others, or put the value in quotes if ${q('!')} is part of it`);
    case 'BAD_PROP_ORDER':
      return here(`an anchor (${q('&name')}) or a tag (${q('!name')}) must come after the indicator, not before it: move it after the ${q(/after the (\S+) indicator/.exec(m)?.[1] ?? '-')}`);
    case 'KEY_OVER_1024_CHARS':
      return here('this key is longer than 1024 characters: YAML looks for the colon of a key no further; shorten the key');
    case 'BAD_DIRECTIVE':
      return directive(x, at);
    case 'TAG_RESOLVE_FAILED': {
      // A tag's own failure ("!!timestamp expects a date ...") already says what is wrong; an undeclared handle does not.
      const tag = /^Could not resolve tag: (.*)$/s.exec(m)?.[1];
      return tag === undefined ? undefined : here(`${x.show(tag)} starts with a tag handle that no ${q('%TAG')} line declares: put the value in quotes if ${q('!')} is part of it`);
    }
    default:
      // DUPLICATE_KEY is parse.ts's. Not made by hand: IMPOSSIBLE and RESOURCE_EXHAUSTION (the parser's own failures),
      // NON_STRING_KEY and MULTIPLE_DOCS (options kubeproof does not use); BAD_COLLECTION_TYPE is a warning.
      return undefined;
  }
}

/** A `"` or `'` string that runs to the end of the file: reported at its end, fixed where it opens. */
function unclosedQuote(x: Explaining, at: number): Explained | undefined {
  let open: number | undefined;
  visit(x.doc, {
    Scalar(_, node) {
      if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || node.range?.[1] !== at) return undefined;
      open = node.range[0];
      return visit.BREAK;
    },
  });
  if (open === undefined) return undefined;
  const message =
    x.text[open] === '"'
      ? `this double-quoted value is never closed: add the closing ${q('"')} where the value ends (a ${q('"')} inside the value is written ${q('\\"')})`
      : `this single-quoted value is never closed: add the closing ${q("'")} where the value ends (a ${q("'")} inside the value is written ${q("''")})`;
  return { message, start: open, end: open + 1 };
}

/** A `[` or `{` the parser found unclosed where its contents stopped (the next key, the end of the file). */
function unclosedFlow(x: Explaining, at: number): Explained | undefined {
  let open: Node | undefined;
  visit(x.doc, (_, node) => {
    if (!isCollection(node) || !node.flow || node.range?.[1] !== at) return undefined;
    open = node;
    return visit.BREAK;
  });
  const start = open?.range?.[0];
  if (start === undefined || (x.text[start] !== '[' && x.text[start] !== '{')) return undefined;
  const bracket = x.text[start]!;
  const close = bracket === '[' ? ']' : '}';
  const opened = x.lines.at(start);
  const owner = levelsOf(opened).filter((l) => l.kind === 'key' && l.valueAt! <= start).at(-1);
  const here = x.lines.at(at);
  if (here.index > opened.index && at === here.start + here.indent && closesOnLine(here, at)) {
    const under = owner ? `${x.show(owner.key!)} (${`column ${owner.column + 1}`})` : `the line it starts on`;
    return {
      message: `this line continues the ${q(bracket)} opened on line ${opened.index + 1}, so it must be indented more than ${under}: indent it`,
      start: at,
      end: here.start + here.text.trimEnd().length,
    };
  }
  const other = x.text[at];
  if ((other === ']' || other === '}') && other !== close) {
    return { message: `the ${q(bracket)} opened on line ${opened.index + 1} is closed with ${q(other)}: close it with ${q(close)}`, start: at, end: at + 1 };
  }
  const spread = owner ? ` (if it spans several lines, they must be indented more than ${x.show(owner.key!)})` : '';
  return {
    message: `this ${q(bracket)} is never closed: add ${q(close)} after its last item${spread}`,
    start,
    end: start + 1,
  };
}

/** Whether a line, read from `from`, closes a bracket it did not open. */
function closesOnLine(line: Line, from: number): boolean {
  let depth = 0;
  const text = line.text.slice(from - line.start).replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
  for (const c of text) {
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    if (depth < 0) return true;
  }
  return false;
}

function unexpected(m: string, x: Explaining, at: number, here: (message: string) => Explained): Explained | undefined {
  const closer = /^Unexpected flow-(seq|map)-end token/.exec(m);
  if (closer) {
    const [c, o] = closer[1] === 'seq' ? [']', '['] : ['}', '{'];
    return here(`this ${q(c)} closes nothing: no ${q(o)} is open before it; remove it`);
  }
  if (/^Unexpected map-value-ind token/.test(m)) return here(`this ${q(':')} has no key before it: write the key before it, or put the value in quotes if the ${q(':')} is part of it`);
  if (/^Unexpected , in flow/.test(m)) return here(`an empty item: a comma with nothing before it; remove the extra ${q(',')}`);
  // Flux and clusterctl templates write `${VAR}` bare; inside a flow collection its `{` opens a mapping.
  if (m === 'Unexpected flow-map-start at node end' && x.text[at - 1] === '$') {
    return { message: `inside ${q('{...}')} or ${q('[...]')}, the ${q('{')} of a ${q('${...}')} placeholder opens a mapping: put the value in quotes (${q('"${...}"')}), or write this collection in block style`, start: at - 1, end: at + 1 };
  }
  if (/^Unexpected \S+ at node end$/.test(m)) return trailingText(x, at, here);
  if (/^Block scalar header includes extra characters/.test(m) || (/^Not a YAML token/.test(m) && afterBlockHeader(x, at))) {
    return here(`after ${q('|')} or ${q('>')} only an indentation number, ${q('+')} or ${q('-')} and a comment may follow on the line: the text starts on the next line, indented`);
  }
  if (m === 'Unexpected block-seq-ind on same line with key') return here(`a ${q('- ')} list cannot start on the line of its key: start it on the next line, indented under the key, or put the value in quotes if ${q('-')} is part of it`);
  if (m === 'Unexpected doc-end without preceding document') return here(`${q('...')} ends a document, but none has started: remove it`);
  return undefined;
}

function afterBlockHeader(x: Explaining, at: number): boolean {
  const line = x.lines.at(at);
  return /(?:^|[\s:-])[|>][0-9+-]*$/.test(line.text.slice(0, at - line.start).trimEnd());
}

/** Text after a value that has ended: a closing quote or bracket, or a line starting left of its siblings. */
function trailingText(x: Explaining, at: number, here: (message: string) => Explained): Explained | undefined {
  const line = x.lines.at(at);
  if (at === line.start + line.indent) return misplacedLine(x, at);
  const last = line.text.slice(0, at - line.start).trimEnd().slice(-1);
  if (last === '"') return here(`text after the closing ${q('"')} of this value: a quoted value ends at its closing quote; write a ${q('"')} inside it as ${q('\\"')}, or put the whole value in single quotes`);
  if (last === "'") return here(`text after the closing ${q("'")} of this value: a quoted value ends at its closing quote; write a ${q("'")} inside it as ${q("''")}, or put the whole value in double quotes`);
  if (last === ']' || last === '}') return here(`text after the closing ${q(last)}: remove it, or move it inside the brackets`);
  return undefined;
}

/** "Block collections are not allowed within flow collections": mostly a missing comma in `{a: b c: d}`. */
function blockInFlow(x: Explaining, e: YAMLError, here: (message: string) => Explained): Explained {
  const [start, end] = e.pos;
  const inside = x.text.slice(start, end);
  const key = /[ \t]+([^\s,:[\]{}]+):(?=[ \t]|$)/.exec(inside);
  if (key && !inside.includes('\n')) {
    const at = start + key.index + key[0].indexOf(key[1]!);
    return { message: `a comma is missing before ${x.show(key[1]!)}: inside ${q('{...}')} or ${q('[...]')} items are separated by commas`, start: at, end: at + key[1]!.length };
  }
  return here(`inside ${q('{...}')} or ${q('[...]')} values cannot be indented blocks or ${q('- ')} lists: write them in brackets too, or drop the brackets`);
}

function blockScalar(m: string, here: (message: string) => Explained): Explained | undefined {
  if (/^Block scalar lines must not be less indented/.test(m)) return here(`this line of a ${q('|')} or ${q('>')} text is indented less than its first line: indent it at least as much`);
  if (/^Block scalar values in collections must be indented/.test(m)) return here(`the text of a ${q('|')} or ${q('>')} block must be indented more than its key or ${q('-')}: indent it`);
  if (/^Block scalars with more-indented leading empty lines/.test(m)) return here(`the text starts with blank lines indented more than its first line: remove those spaces, or give the indentation after the ${q('|')} or ${q('>')} (as in ${q('|2')})`);
  return undefined;
}

function missingCharacter(m: string, x: Explaining, at: number, here: (message: string) => Explained): Explained | undefined {
  const flow = /^Missing , (or : )?between flow (sequence|map) items$/.exec(m);
  if (flow) return here(`a comma is missing before this item: inside ${flow[2] === 'map' ? q('{...}') : q('[...]')} items are separated by commas`);
  // After a plain value `#` is text; this is after a quoted value, a bracket or an anchor.
  if (/^Comments must be separated/.test(m)) return here(`${q('#')} starts a comment only after a space: add a space before it, or move it inside the quotes if it is part of the value`);
  if (/^Tags and anchors must be separated/.test(m)) return here(`an anchor (${q('&name')}) or a tag (${q('!name')}) must be followed by a space: add one, or put the value in quotes if it is text`);
  if (/^Missing space after : in flow/.test(m)) return here(`inside ${q('{...}')} the colon after a key needs a space after it: add one`);
  if (/^Missing directives-end/.test(m)) return directive(x, at);
  if (/^Block collection cannot start on same line with directives-end marker/.test(m)) return here(`a mapping or list cannot start on the ${q('---')} line: start it on the next line`);
  return undefined;
}

/** A line starting with `%` reads as a YAML directive, which must be followed by `---`. */
function directive(x: Explaining, at: number): Explained | undefined {
  for (let l: Line | undefined = x.lines.at(at); l && !(l.text.startsWith('---') && l.start < at); l = x.lines.line(l.index - 1)) {
    if (!l.text.startsWith('%')) continue;
    const message = `a line starting with ${q('%')} is a YAML directive, and a document after directives must start with a ${q('---')} line: put the text in quotes if it is a value, or add ${q('---')} after the directive`;
    return { message, start: l.start, end: l.start + Math.max(1, l.text.trimEnd().length) };
  }
  return undefined;
}
