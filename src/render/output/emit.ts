/**
 * Objects -> YAML text exactly as `kustomize build` prints it: keys in go-yaml v3's order,
 * two-space indentation, sequences "compact" (the dash at the parent key's column), scalars
 * styled and folded as go-yaml v3 does, documents joined by `---`.
 */
import { compareKeys } from './key-order.js';
import { chooseStyle } from './scalar.js';
import { Writer } from './writer.js';

export function emitDocuments(objects: readonly unknown[]): string {
  return objects.map((o) => emitDocument(o)).join('---\n');
}

export function emitDocument(value: unknown): string {
  const w = new Writer();
  if (isMap(value) && Object.keys(value).length > 0) emitMapBody(w, value, 0);
  else if (Array.isArray(value) && value.length > 0) emitSeqBody(w, value, 0);
  else emitScalarOrEmpty(w, value, 0);
  if (w.column !== 0 || w.openEnded) w.breakLine();
  return w.text();
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

/** Keys of a map in output order; the first is written where the cursor is. */
function emitMapBody(w: Writer, map: Record<string, unknown>, indent: number): void {
  const keys = Object.keys(map).sort(compareKeys);
  keys.forEach((key, i) => {
    if (i > 0) w.indent(indent);
    if (isSimpleKey(key)) {
      w.scalar(key, chooseStyle(key, true), indent, false);
      w.write(':');
      emitValue(w, map[key], indent);
    } else {
      // Long or multi-line keys take YAML's explicit form: "? key" then ": value".
      w.write('? ');
      w.scalar(key, chooseStyle(key, false), indent + 2, true);
      w.indent(indent);
      w.write(': ');
      emitItem(w, map[key], indent + 2);
    }
  });
}

function isSimpleKey(key: string): boolean {
  return Buffer.byteLength(key) <= 128 && !/[\n\r\u0085\u2028\u2029]/.test(key);
}

function emitSeqBody(w: Writer, seq: readonly unknown[], indent: number): void {
  seq.forEach((item, i) => {
    if (i > 0) w.indent(indent);
    w.write('- ');
    emitItem(w, item, indent + 2);
  });
}

/** A value after "- " or ": ": collections continue on the same line. */
function emitItem(w: Writer, item: unknown, indent: number): void {
  if (isMap(item) && !isEmptyCollection(item)) emitMapBody(w, item, indent);
  else if (Array.isArray(item) && item.length > 0) emitSeqBody(w, item, indent);
  else emitScalarOrEmpty(w, item, indent);
}

/** A mapping value: on the key's line when it is a scalar or empty, else on the lines below. */
function emitValue(w: Writer, value: unknown, indent: number): void {
  if (isMap(value) && !isEmptyCollection(value)) {
    w.indent(indent + 2);
    emitMapBody(w, value, indent + 2);
  } else if (Array.isArray(value) && value.length > 0) {
    // Compact sequences: the dash sits in the key's column.
    w.indent(indent);
    emitSeqBody(w, value, indent);
  } else {
    w.write(' ');
    emitScalarOrEmpty(w, value, indent + 2);
  }
}

function emitScalarOrEmpty(w: Writer, value: unknown, indent: number): void {
  if (Array.isArray(value)) return w.write('[]');
  if (isMap(value)) return w.write('{}');
  if (typeof value === 'string') return w.scalar(value, chooseStyle(value, false), indent, true);
  w.write(formatScalar(value));
}

export function formatScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}

const INT64_MIN = -(2n ** 63n);
const UINT64_END = 2n ** 64n;

/**
 * Numbers as they come out of kustomize's JSON round trip: integral values that fit Go's
 * int64/uint64 in decimal, everything else as strconv.FormatFloat(f, 'g', -1, 64).
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Number.isInteger(n)) {
    const big = BigInt(n);
    // Beyond 2^53 a float's shortest round-trip digits, zero-padded, as Go prints it (12345678901234567000).
    if (big >= INT64_MIN && big < UINT64_END) return Number.isSafeInteger(n) ? big.toString() : String(n);
  }
  return goFloatG(n);
}

function goFloatG(n: number): string {
  // Shortest digits that round-trip, as both JavaScript and Go find them.
  const [mantissa, expPart] = n.toExponential().split('e') as [string, string];
  const exp = Number(expPart);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
    return `${negative ? '-' : ''}${m}e${e}`;
  }
  let s: string;
  if (exp < 0) s = '0.' + '0'.repeat(-exp - 1) + digits;
  else if (digits.length > exp + 1) s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  else s = digits + '0'.repeat(exp + 1 - digits.length);
  return (negative ? '-' : '') + s;
}
