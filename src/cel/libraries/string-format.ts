/**
 * `"...".format([args])` of cel-go's ext.Strings: %s, %d, %f, %e, %b, %o, %x, %X with an
 * optional precision (%.2f), and %% for a percent sign.
 */
import { celError } from '../errors.js';

export function formatString(template: string, args: readonly unknown[]): string {
  let out = '';
  let next = 0;
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (template[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    let j = i + 1;
    let precision: number | undefined;
    if (template[j] === '.') {
      const digits = /^\d+/.exec(template.slice(j + 1))?.[0] ?? '';
      precision = Number(digits || '0');
      j += 1 + digits.length;
    }
    const verb = template[j];
    if (verb === undefined) throw celError('unexpected end of format string');
    if (next >= args.length) throw celError(`index ${next} out of range`);
    out += formatOne(verb, args[next++], precision);
    i = j;
  }
  return out;
}

function formatOne(verb: string, value: unknown, precision: number | undefined): string {
  switch (verb) {
    case 's':
      return stringOf(value);
    case 'd':
      if (typeof value === 'bigint') return value.toString();
      if (typeof value === 'number' && Number.isFinite(value)) throw celError('decimal clause can only be used on integers, was given double');
      return stringOf(value);
    case 'f':
      return toNumber(value).toFixed(precision ?? 6);
    case 'e':
      return goExponent(toNumber(value).toExponential(precision ?? 6));
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      const radix = { b: 2, o: 8, x: 16, X: 16 }[verb];
      const text = typeof value === 'string' ? Buffer.from(value).toString('hex') : toBigInt(value).toString(radix);
      return verb === 'X' ? text.toUpperCase() : text;
    }
    default:
      throw celError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
  }
}

/** Go prints at least two exponent digits: 1.000000e+03. */
const goExponent = (s: string) => s.replace(/e([+-])(\d)$/, 'e$10$2');

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw celError('fixed-point clause can only be used on doubles');
}

function toBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  throw celError('only integers, byte buffers, and strings can be formatted as hex');
}

/** The %s form of a CEL value. */
export function stringOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(stringOf).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${stringOf(k)}: ${stringOf(x)}`).join(', ')}}`;
  if (typeof v === 'object' && v.constructor === Object) return `{${Object.entries(v).map(([k, x]) => `${k}: ${stringOf(x)}`).join(', ')}}`;
  return String(v);
}
