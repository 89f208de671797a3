/**
 * `# kubeproof-ignore-next-line` and `# kubeproof-ignore-file` comments. Comments are found with the yaml package's
 * CST parser, so a `#` inside a quoted or block scalar (a shell comment in a `|` script) is never a directive.
 */
import { Parser } from 'yaml';
import type { SourceSpan } from '../core/index.js';
import { LineIndex } from './lines.js';
import { parseRuleList } from './rule-list.js';
import type { Suppression, SuppressionEntry } from './types.js';

export const NEXT_LINE = 'kubeproof-ignore-next-line';
export const FILE = 'kubeproof-ignore-file';
const PREFIX = 'kubeproof-ignore';

/** A comment that looks like a directive but is none: `# kubeproof-ignore-line x`. */
export interface MalformedDirective {
  file: string;
  span: SourceSpan;
  message: string;
}

export interface ScannedComments {
  suppressions: Suppression[];
  malformed: MalformedDirective[];
}

interface Comment {
  offset: number;
  source: string;
}

/** A directive is a comment whose text starts with it: `# kubeproof-ignore-file`, `#kubeproof-ignore-file -- why`. */
const DIRECTIVE = /^#[ \t]*(kubeproof-ignore\S*)/;

export function scanComments(text: string, file: string): ScannedComments {
  const out: ScannedComments = { suppressions: [], malformed: [] };
  if (!text.includes(PREFIX)) return out;
  const comments = commentsOf(text);
  const lines = new LineIndex(text);
  const commentStarts = new Set(comments.map((c) => c.offset));
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.source);
    if (!m) continue;
    const name = m[1]!;
    const directiveSpan = lines.span(comment.offset, comment.offset + comment.source.trimEnd().length);
    if (name !== NEXT_LINE && name !== FILE) {
      const nameStart = comment.offset + m[0].length - name.length;
      out.malformed.push({ file, span: lines.span(nameStart, nameStart + name.length), message: `unknown directive '${name}': use ${NEXT_LINE} or ${FILE}` });
      continue;
    }
    const bodyOffset = comment.offset + m[0].length;
    const list = parseRuleList(comment.source.slice(m[0].length));
    const entries: SuppressionEntry[] = list.items.length
      ? list.items.map((item) => ({ ruleId: item.ruleId, span: lines.span(bodyOffset + item.start, bodyOffset + item.end) }))
      : [{ ruleId: null, span: directiveSpan }];
    const suppression: Suppression = { kind: name === NEXT_LINE ? 'next-line' : 'file', file, span: directiveSpan, entries };
    if (list.reason !== undefined) suppression.reason = list.reason;
    if (name === NEXT_LINE) {
      const target = nextCodeLine(text, lines, commentStarts, directiveSpan.line);
      if (target !== undefined) suppression.targetLine = target;
    }
    out.suppressions.push(suppression);
  }
  return out;
}

/** Every comment token of the file, in order, with its offset. Walks the CST iteratively: a hostile file may nest deeply. */
export function commentsOf(text: string): Comment[] {
  const found: Comment[] = [];
  const stack: unknown[] = [];
  for (const token of new Parser().parse(text)) stack.push(token);
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node && typeof node === 'object') {
      const t = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') {
        found.push({ offset: t.offset, source: t.source });
        continue;
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'source' && value && typeof value === 'object') stack.push(value);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** The first line after `line` (1-based) that is neither blank nor only a comment; undefined at the end of the file. */
function nextCodeLine(text: string, lines: LineIndex, commentStarts: ReadonlySet<number>, line: number): number | undefined {
  for (let l = line + 1; l <= lines.count; l++) {
    const start = lines.startOf(l);
    const end = lines.endOf(l);
    let i = start;
    while (i < end && /[ \t\r\uFEFF]/.test(text[i]!)) i++;
    if (i === end || commentStarts.has(i)) continue;
    return l;
  }
  return undefined;
}
