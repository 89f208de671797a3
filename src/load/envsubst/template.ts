/**
 * `${var}` templates as Flux post-build substitution reads them: our own implementation of the
 * grammar and functions of fluxcd/pkg envsubst (envsubst/parse/parse.go, envsubst/parse/scan.go,
 * envsubst/template.go, envsubst/funcs.go; a fork of drone/envsubst), quirks included:
 *
 * - in text, `$$` is one `$` (so `$${VAR}` is the literal `${VAR}`); `$VAR` without braces is text;
 * - a name is letters, digits and `_`; `${VAR-x}`, `${VAR+x}`, `${VAR?x}` (no colon) are refused
 *   ("missing closing brace") while `${VAR=x}` and `${VAR:=x}`, `:-`, `:?`, `:+` all mean: the
 *   value, or the default when the value is empty (even `:+`, which the library maps to the default);
 * - `${#VAR}` length in bytes, `${VAR:pos:len}` substring, `${VAR/a/b}` `//` `/#` `/%` replace,
 *   `${VAR#glob}` `##` `%` `%%` trim, `${VAR,}` `,,` `^` `^^` case;
 * - default and substring arguments are read raw; replace arguments take `\/`, `\\` and `$$` escapes;
 * - every argument is evaluated before the variable is read, so an unset variable in a default
 *   fails strict mode even when the default is not used.
 */
import { Buffer } from 'node:buffer';

/** A parse error, with fluxcd/pkg envsubst's words (envsubst/parse/parse.go) and where it was met. */
export class TemplateError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

const BAD_SUBSTITUTION = 'bad substitution';
const MISSING_CLOSING_BRACE = 'missing closing brace';
const PARSE_VARIABLE_NAME = 'unable to parse variable name';
const PARSE_FUNC_SUBSTITUTION = 'unable to parse substitution within function';

export type TemplateNode = { text: string } | FuncNode;

export interface FuncNode {
  /** The variable. */
  param: string;
  /** The operator (`:-`, `#`, `//`...), '' for a bare `${VAR}`. */
  name: string;
  args: TemplateNode[][];
  /** Offsets of `${` and just past the closing `}` in the template. */
  start: number;
  end: number;
}

const isIdent = (c: string) => /^[\p{L}\p{Nd}_]$/u.test(c);

/** A template's nodes: text and `${...}` functions, in order. */
export function parseTemplate(s: string): TemplateNode[] {
  return new TemplateParser(s).parseAll();
}

/** Whether `s` is exactly one `${...}` and nothing else. */
export function isPlaceholder(s: string): boolean {
  if (!s.startsWith('${') || !s.endsWith('}')) return false;
  try {
    const nodes = parseTemplate(s);
    return nodes.length === 1 && 'param' in nodes[0]!;
  } catch {
    return false;
  }
}

class TemplateParser {
  private pos = 0;
  /** Where each `${` being parsed starts: an error points at the innermost. */
  private readonly opened: number[] = [];
  constructor(private readonly s: string) {}

  private fail(message: string): TemplateError {
    return new TemplateError(message, this.opened.at(-1) ?? this.pos);
  }

  parseAll(): TemplateNode[] {
    const out: TemplateNode[] = [];
    while (this.pos < this.s.length) {
      if (this.s.startsWith('${', this.pos)) out.push(this.func(this.pos + 2, this.pos));
      else out.push({ text: this.text(() => true, { dollar: true, backslash: false }, true) });
    }
    return out;
  }

  /**
   * scan.go's scanIdent: characters `accept` takes, until `${` (left for the caller) or the end;
   * with escapes, `$$` is `$` and (in replace arguments) `\/` `\\` are `/` `\`.
   */
  private text(accept: (c: string, i: number) => boolean, escape: { dollar: boolean; backslash: boolean } | undefined, stopAtBrace: boolean): string {
    let out = '';
    let i = 0;
    while (this.pos < this.s.length) {
      const c = this.s[this.pos]!;
      if (stopAtBrace && c === '$' && this.s[this.pos + 1] === '{') break;
      const next = this.s[this.pos + 1];
      if (escape && ((escape.dollar && c === '$' && next === '$') || (escape.backslash && c === '\\' && (next === '/' || next === '\\')))) {
        out += next;
        this.pos += 2;
        i += 2;
        continue;
      }
      if (!accept(c, i + 1)) break;
      out += c;
      this.pos++;
      i++;
    }
    return out;
  }

  /** parse.go's parseFunc, with `pos` just past `${`. */
  private func(pos: number, start: number): FuncNode {
    this.opened.push(start);
    const node = this.funcBody(pos, start);
    this.opened.pop();
    return node;
  }

  private funcBody(pos: number, start: number): FuncNode {
    this.pos = pos;
    if (this.s[this.pos] === '#') {
      this.pos++;
      const param = this.text(isIdent, undefined, false);
      if (!param) throw this.fail(BAD_SUBSTITUTION);
      return this.close({ param, name: '#', args: [], start, end: 0 });
    }
    const param = this.text(isIdent, undefined, false);
    if (!param) throw this.fail(PARSE_VARIABLE_NAME);
    const node: FuncNode = { param, name: '', args: [], start, end: 0 };
    const c = this.s[this.pos];
    if (c === ':' && '=-?+'.includes(this.s[this.pos + 1] ?? '\0')) return this.defaults(node, 2);
    if (c === ':') return this.substring(node);
    if (c === '=') return this.defaults(node, 1);
    if (c === ',' || c === '^') return this.close({ ...node, name: this.operator((ch, i) => (ch === ',' || ch === '^') && i < 3) });
    if (c === '/') return this.replace(node);
    if (c === '#' || c === '%') return this.trim(node, c);
    if (this.s[this.pos] !== '}') throw this.fail(MISSING_CLOSING_BRACE);
    this.pos++;
    return { ...node, end: this.pos };
  }

  private operator(accept: (c: string, i: number) => boolean): string {
    return this.text(accept, undefined, false);
  }

  /** An argument: a nested `${...}`, or text `accept` takes (parse.go's parseParam). */
  private param(accept: (c: string, i: number) => boolean, escapes: boolean): TemplateNode {
    if (this.pos >= this.s.length) throw this.fail(PARSE_FUNC_SUBSTITUTION);
    if (this.s.startsWith('${', this.pos)) return this.func(this.pos + 2, this.pos);
    const before = this.pos;
    const text = this.text(accept, escapes ? { dollar: true, backslash: true } : undefined, true);
    if (this.pos === before) throw this.fail(PARSE_FUNC_SUBSTITUTION);
    return { text };
  }

  private defaults(node: FuncNode, length: number): FuncNode {
    node.name = this.s.slice(this.pos, this.pos + length);
    this.pos += length;
    const arg: TemplateNode[] = [];
    while (this.s[this.pos] !== '}') arg.push(this.param((c) => c !== '}', false));
    if (arg.length) node.args = arg.map((a) => [a]);
    return this.close(node);
  }

  private substring(node: FuncNode): FuncNode {
    node.name = ':';
    this.pos++;
    node.args.push([this.param((c) => c !== ':' && c !== '}', false)]);
    if (this.s[this.pos] === '}') {
      this.pos++;
      return { ...node, end: this.pos };
    }
    if (this.s[this.pos] !== ':') throw this.fail(BAD_SUBSTITUTION);
    while (this.s[this.pos] === ':') this.pos++;
    node.args.push([this.param((c) => c !== '}', false)]);
    return this.close(node);
  }

  private replace(node: FuncNode): FuncNode {
    node.name = this.operator((c, i) => (i === 1 && c === '/') || (i === 2 && (c === '/' || c === '#' || c === '%')));
    node.args.push([this.s[this.pos] === '/' ? { text: '' } : this.param((c) => c !== '/', true)]);
    if (this.s[this.pos] !== '/') throw this.fail(BAD_SUBSTITUTION);
    while (this.s[this.pos] === '/') this.pos++;
    if (this.s[this.pos] === '}') return this.close(node);
    node.args.push([this.param((c) => c !== '}', true)]);
    return this.close(node);
  }

  private trim(node: FuncNode, c: string): FuncNode {
    node.name = this.operator((ch, i) => ch === c && i < 3);
    node.args.push([this.param((ch) => ch !== '}', false)]);
    return this.close(node);
  }

  private close(node: FuncNode): FuncNode {
    if (this.s[this.pos] !== '}') throw this.fail(BAD_SUBSTITUTION);
    this.pos++;
    return { ...node, end: this.pos };
  }
}

/** The default-giving operators: strict mode lets their variable be unset (fluxcd/pkg envsubst/template.go isDefaultOp). */
const DEFAULT_OPS = new Set(['-', '+', '=', '?', ':-', ':+', ':=', ':?']);

export interface Lookup {
  /** The variable's value, or undefined when unset. */
  (name: string): string | undefined;
}

/** An unset variable met in strict mode. */
export interface Unset {
  name: string;
  start: number;
  end: number;
}

/**
 * The template evaluated (fluxcd/pkg envsubst/template.go): unset variables are '' unless
 * `strict`, when each one read without a default operator is listed in `unset` instead.
 */
export function evaluate(nodes: readonly TemplateNode[], lookup: Lookup, strict: boolean, unset: Unset[], used: Set<string>): string {
  let out = '';
  for (const n of nodes) {
    if ('text' in n) {
      out += n.text;
      continue;
    }
    const args = n.args.map((a) => evaluate(a, lookup, strict, unset, used));
    const value = lookup(n.param);
    used.add(n.param);
    if (value === undefined && strict && !DEFAULT_OPS.has(n.name)) unset.push({ name: n.param, start: n.start, end: n.end });
    out += apply(n.name, value ?? '', args);
  }
  return out;
}

/** template.go's lookupFunc, then the function (funcs.go). */
function apply(name: string, s: string, args: string[]): string {
  switch (name) {
    case ',': return s ? s[0]!.toLowerCase() + s.slice(1) : s;
    case ',,': return s.toLowerCase();
    case '^': return s ? s[0]!.toUpperCase() + s.slice(1) : s;
    case '^^': return s.toUpperCase();
    case '#': return args.length === 0 ? String(Buffer.byteLength(s)) : trimPrefix(s, args[0]!, false);
    case '##': return trimPrefix(s, args[0]!, true);
    case '%': return reverse(trimPrefix(reverse(s), reverse(args[0]!), false));
    case '%%': return reverse(trimPrefix(reverse(s), reverse(args[0]!), true));
    case ':': return substring(s, args);
    case '/#': return args.length === 2 && s.startsWith(args[0]!) ? args[1]! + s.slice(args[0]!.length) : s;
    case '/%': return args.length === 2 && s.endsWith(args[0]!) ? s.slice(0, s.length - args[0]!.length) + args[1]! : s;
    case '/': return s.replace(args[0]!, () => args[1] ?? '');
    case '//': return s.split(args[0]!).join(args[1] ?? '');
    default: return s === '' && args.length > 0 ? args.join('') : s;
  }
}

/** funcs.go's toSubstr: byte offsets, as Go slices strings; a position or length that is not a number leaves the value as it is. */
function substring(s: string, args: string[]): string {
  const bytes = Buffer.from(s);
  const len = bytes.length;
  let pos = goAtoi(args[0]!);
  if (pos === undefined) return s;
  if (pos < 0) pos = Math.max(0, len + pos);
  if (args.length === 1) return pos < len ? bytes.subarray(pos).toString() : '';
  const length = goAtoi(args[1]!);
  if (length === undefined) return s;
  if (length < 0) {
    const end = len + length;
    return end < pos ? '' : bytes.subarray(pos, end).toString();
  }
  if (pos + length >= len) return pos < len ? bytes.subarray(pos).toString() : '';
  return bytes.subarray(pos, pos + length).toString();
}

function goAtoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
}

/** funcs.go's trimShortest / trimLongest: the shortest (or longest) non-empty prefix the glob matches, removed. */
function trimPrefix(s: string, pattern: string, longest: boolean): string {
  const re = globRegExp(pattern);
  if (!re) return s;
  let found = '';
  for (let i = 0; i < s.length; i++) {
    const prefix = s.slice(0, s.length - i);
    if (re.test(prefix)) {
      if (longest) return s.slice(prefix.length);
      found = prefix;
    }
  }
  return found ? s.slice(found.length) : s;
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

/** Go's path.Match pattern as a RegExp (`*` and `?` never match `/`); undefined for a malformed one (ErrBadPattern). */
export function globRegExp(pattern: string): RegExp | undefined {
  let re = '';
  const chars = [...pattern];
  const escape = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '\\') {
      if (i + 1 >= chars.length) return undefined;
      re += escape(chars[++i]!);
    } else if (c === '[') {
      let j = i + 1;
      let cls = '';
      if (chars[j] === '^') {
        cls += '^';
        j++;
      }
      let ranges = 0;
      for (;;) {
        if (j >= chars.length) return undefined;
        if (chars[j] === ']' && ranges > 0) break;
        const lo = classChar(chars, j);
        if (!lo) return undefined;
        j = lo.next;
        let item = escape(lo.c);
        if (chars[j] === '-') {
          const hi = classChar(chars, j + 1);
          if (!hi) return undefined;
          j = hi.next;
          item += '-' + escape(hi.c);
        }
        cls += item;
        ranges++;
      }
      re += `[${cls}]`;
      i = j;
    } else re += escape(c);
  }
  return new RegExp(`^${re}$`, 'su');
}

/** path.Match's getEsc: a class character, `\`-escaped or not; never a bare `-` or `]`. */
function classChar(chars: string[], j: number): { c: string; next: number } | undefined {
  let c = chars[j];
  if (c === undefined || c === '-' || c === ']') return undefined;
  if (c === '\\') {
    c = chars[j + 1];
    if (c === undefined) return undefined;
    return { c, next: j + 2 };
  }
  return { c, next: j + 1 };
}
