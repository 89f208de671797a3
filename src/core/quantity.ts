/**
 * Kubernetes' resource.Quantity (k8s.io/apimachinery/pkg/api/resource), exactly: the same
 * grammar and errors as ParseQuantity, the same rounding (up to the next nano), the same cap
 * on binary amounts, and the same canonical String(). Values are held as a whole number of
 * nano-units in a bigint, which every parsed quantity is after rounding, so comparing and
 * summing never meet floating-point error.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value in units of 10^-9. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** The text as written, kept when Kubernetes keeps it (it is already canonical). */
  readonly text?: string;
}

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; error: string };

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = 'unable to parse numeric part of quantity';
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";
/** Not Kubernetes': an exponent so large that the exact value would take megabytes. */
export const QUANTITY_EXPONENT_ERROR = 'exponent too large for kubeproof to evaluate (more than 10000)';

const NANO = 10n ** 9n;
const MAX_INT64 = 2n ** 63n - 1n;
const MAX_EXPONENT = 10_000;
const SUFFIX_LETTERS = 'eEinumkKMGTP';

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: 'DecimalSI' };

interface Scanned {
  positive: boolean;
  /** The number as written (sign, leading zeros and all), for the slow path. */
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString: sign, integer digits (leading zeros dropped), fraction, suffix letters, signed digits. */
function scan(str: string): Scanned | undefined {
  let pos = 0;
  let positive = true;
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (str[pos] === '0') pos++;
  if (pos >= str.length) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  const numStart = pos;
  while (isDigit(str[pos])) pos++;
  const num = str.slice(numStart, pos) || '0';
  if (pos >= str.length) return { positive, value: str, num, denom: '', suffix: '' };
  let denom = '';
  if (str[pos] === '.') {
    const start = ++pos;
    while (isDigit(str[pos])) pos++;
    denom = str.slice(start, pos);
    if (pos >= str.length) return { positive, value: str, num, denom, suffix: '' };
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < str.length && SUFFIX_LETTERS.includes(str[pos]!)) pos++;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (isDigit(str[pos])) pos++;
  if (pos < str.length) return undefined;
  return { positive, value, num, denom, suffix: str.slice(suffixStart) };
}

interface Suffix {
  base: 2 | 10;
  exponent: number;
  format: QuantityFormat;
}

function interpret(suffix: string): Suffix | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix]!, format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix]!, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    // strconv.ParseInt(s, 10, 64), then a cast to int32: Kubernetes wraps, so must we.
    if (!/^[+-]?[0-9]+$/.test(suffix.slice(1))) return undefined;
    const parsed = BigInt(suffix.slice(1));
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined;
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** ParseQuantity. */
export function parseQuantity(str: string): QuantityParse {
  if (str.length === 0) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  if (str === '0') return { ok: true, quantity: { nanos: 0n, format: 'DecimalSI', text: '0' } };
  const s = scan(str);
  if (!s) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const suffix = interpret(s.suffix);
  if (!suffix) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  return fastPath(str, s, suffix) ?? slowPath(s, suffix);
}

/** The int64 path of ParseQuantity: the only one that keeps the text as written. */
function fastPath(str: string, s: Scanned, { base, exponent, format }: Suffix): QuantityParse | undefined {
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (s.num.length + s.denom.length);
  } else if (s.denom.length === 0) {
    mantissa = 1n << BigInt(exponent);
    precision = 15 - s.num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else precision = -1;
  if (precision < 0) return undefined;
  scale -= s.denom.length;
  if (scale < -9) return undefined;
  const shifted = s.num + s.denom;
  const value = BigInt(shifted);
  if (value > MAX_INT64) return { ok: false, error: QUANTITY_NUMERIC_ERROR };
  const product = value * mantissa;
  if (product > MAX_INT64) return undefined;
  const signed = s.positive ? product : -product;
  if (scale > MAX_EXPONENT) return { ok: false, error: QUANTITY_EXPONENT_ERROR };
  const nanos = signed * 10n ** BigInt(scale + 9);
  const canonical = format === 'BinarySI' ? exponent % 10 === 0 && (value & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
  return { ok: true, quantity: canonical ? { nanos, format, text: str } : { nanos, format } };
}

/** The inf.Dec path: exact, rounded up to the next nano, binary amounts capped at 2^63-1. */
function slowPath(s: Scanned, { base, exponent, format }: Suffix): QuantityParse {
  const m = /^[+-]?([0-9]*)(?:\.([0-9]*))?$/.exec(s.value);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, error: QUANTITY_NUMERIC_ERROR };
  const fraction = m[2] ?? '';
  const unscaled = BigInt((m[1] ?? '') + fraction || '0');
  // value = unscaled * 10^tenPower * 2^twoPower
  const tenPower = (base === 10 ? exponent : 0) - fraction.length;
  const twoPower = base === 2 ? exponent : 0;
  if (tenPower > MAX_EXPONENT) return { ok: false, error: QUANTITY_EXPONENT_ERROR };
  let magnitude = unscaled << BigInt(twoPower);
  let nanos: bigint;
  if (tenPower + 9 >= 0) nanos = magnitude * 10n ** BigInt(tenPower + 9);
  else if (-(tenPower + 9) > MAX_EXPONENT) nanos = magnitude === 0n ? 0n : 1n;
  else nanos = ceilDiv(magnitude, 10n ** BigInt(-(tenPower + 9)));
  let out = format;
  if (format === 'BinarySI' && nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) out = 'DecimalSI';
  magnitude = nanos;
  const negative = /^-/.test(s.value);
  return { ok: true, quantity: { nanos: negative ? -magnitude : magnitude, format: out } };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * A value as the API server decodes it from JSON: strings with surrounding space trimmed,
 * numbers by their JSON text.
 */
export function parseQuantityValue(value: unknown): QuantityParse | undefined {
  if (typeof value === 'string') return parseQuantity(value.trim());
  if (typeof value === 'number' && Number.isFinite(value)) return parseQuantity(jsonNumber(value));
  if (typeof value === 'bigint') return parseQuantity(value.toString());
  return undefined;
}

/** Go's encoding/json spelling of a float64: JavaScript's, but with a two-digit exponent minimum. */
function jsonNumber(n: number): string {
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Quantity.String(): the text kept at parse time, or the canonical form. */
export function formatQuantity(q: Quantity): string {
  return q.text ?? canonicalQuantity(q);
}

/** CanonicalizeBytes: the largest suffix of the quantity's format that loses no precision. */
export function canonicalQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const inSmallRange = q.nanos > -1024n * NANO && q.nanos < 1024n * NANO;
    if (inSmallRange || q.nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nanos / NANO;
    let power = 0;
    while ((amount >= 1024n || amount <= -1024n) && amount % 1024n === 0n) {
      amount /= 1024n;
      power += 10;
    }
    return `${amount}${BINARY_BY_EXPONENT.get(power) ?? ''}`;
  }
  let amount = q.nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const adjust = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(adjust);
  exponent -= adjust;
  const decimal = format === 'DecimalSI' ? DECIMAL_BY_EXPONENT.get(exponent) : undefined;
  if (decimal !== undefined) return `${amount}${decimal}`;
  return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
}

/**
 * Quantity.RoundUp(-3): the API server's defaulting rounds every ResourceList amount up to
 * thousandths before validating it, so "0.3000001" compares as 301m.
 */
export function roundUpToMilli(q: Quantity): Quantity {
  if (q.nanos % 1_000_000n === 0n) return q;
  return { nanos: milliValue(q) * 1_000_000n, format: q.format };
}

export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Quantity.Add: the sum takes the first non-zero operand's format. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** Quantity.Mul by a whole number (replicas, for instance). */
export function multiplyQuantity(q: Quantity, factor: number | bigint): Quantity {
  return { nanos: q.nanos * BigInt(factor), format: q.format };
}

export function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return compareQuantities(a, b) >= 0 ? a : b;
}

/** MilliValue(): thousandths, rounded up (what kube-scheduler counts cpu in). */
export function milliValue(q: Quantity): bigint {
  return roundUp(q.nanos, 1_000_000n);
}

/** Value(): whole units, rounded up (what kube-scheduler counts memory and the rest in). */
export function unitValue(q: Quantity): bigint {
  return roundUp(q.nanos, NANO);
}

/** Kubernetes rounds scaled values away from zero. */
function roundUp(nanos: bigint, per: bigint): bigint {
  const whole = nanos / per;
  if (nanos % per === 0n) return whole;
  return nanos > 0n ? whole + 1n : whole - 1n;
}

export function quantityFromMilli(milli: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: milli * 1_000_000n, format };
}

export function quantityFromUnits(units: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
  return { nanos: units * NANO, format };
}
