/**
 * cel-go's ext.Strings (version 2, the one the API server's base environment loads since 1.29:
 * k8s.io/apiserver/pkg/cel/environment/base.go): the functions cel-js lacks. Indexes count code
 * points, as CEL strings do.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { formatString } from './string-format.js';

export function registerStrings(env: Environment): void {
  env
    .registerFunction('string.charAt(int): string', (s: string, i: bigint) => {
      const chars = Array.from(s);
      if (i < 0n || i > BigInt(chars.length)) throw celError(`index out of range: ${i}`);
      return chars[Number(i)] ?? '';
    })
    .registerFunction('string.replace(string, string): string', (s: string, from: string, to: string) => replace(s, from, to, -1n))
    .registerFunction('string.replace(string, string, int): string', (s: string, from: string, to: string, n: bigint) => replace(s, from, to, n))
    .registerFunction('string.format(list): string', (s: string, args: unknown[]) => formatString(s, args))
    .registerType('StringsNamespace', StringsNamespace)
    .registerConstant('strings', 'StringsNamespace', new StringsNamespace())
    .registerFunction('StringsNamespace.quote(string): string', (_ns: unknown, s: string) => quote(s));
}

class StringsNamespace {}

/** Go's strings.Replace: n < 0 replaces all; an empty `from` matches between every code point. */
function replace(s: string, from: string, to: string, n: bigint): string {
  if (n === 0n) return s;
  let left = n < 0n ? Infinity : Number(n);
  if (from === '') {
    const chars = Array.from(s);
    let out = '';
    for (let i = 0; i <= chars.length; i++) {
      if (left > 0) {
        out += to;
        left--;
      }
      out += chars[i] ?? '';
    }
    return out;
  }
  let out = '';
  let at = 0;
  while (left > 0) {
    const next = s.indexOf(from, at);
    if (next === -1) break;
    out += s.slice(at, next) + to;
    at = next + from.length;
    left--;
  }
  return out + s.slice(at);
}

const QUOTE_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\', '"': '\\"' };

/** strings.quote: a CEL string literal that reads back as `s`. */
function quote(s: string): string {
  let out = '"';
  for (const c of s) out += QUOTE_ESCAPES[c] ?? (c.length === 1 && c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : c);
  return out + '"';
}
