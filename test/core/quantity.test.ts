/**
 * resource.Quantity: examples whose results apimachinery documents or its tests pin, and
 * properties over generated quantities (fast-check, seeded so a failure reproduces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuantities,
  canonicalQuantity,
  compareQuantities,
  formatQuantity,
  milliValue,
  parseQuantity,
  parseQuantityValue,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  roundUpToMilli,
  unitValue,
  type Quantity,
} from '../../src/core/index.js';

function q(text: string): Quantity {
  const parsed = parseQuantity(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.quantity;
}

const FC = { seed: 20261123, numRuns: 400 };

describe('parseQuantity', () => {
  it.each([
    // [input, String() as Kubernetes prints it]
    ['0', '0'],
    ['1', '1'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['1.5', '1500m'],
    ['0.1', '100m'],
    ['1000', '1k'],
    ['1001', '1001'],
    ['1k', '1k'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Ki', '512'],
    ['1025Ki', '1025Ki'],
    ['0.9Gi', '966367641600m'],
    ['1e3', '1e3'],
    ['12e6', '12e6'],
    ['1.1e-1', '110e-3'],
    ['1E', '1E'],
    ['1000E', '1e21'],
    ['-1', '-1'],
    ['-100m', '-100m'],
    ['+1Gi', '+1Gi'],
    ['0.30000000000000004', '300000001n'],
    ['1n', '1n'],
    ['0.1n', '1n'],
    ['1e-12', '1e-9'],
    ['-0.1n', '-1n'],
    ['.5', '500m'],
    ['5.', '5.'], // the fast path keeps the text as written,
    ['.', '0'],
    ['-', '0'],
    ['000', '0'],
    ['1.G', '1.G'],
    ['100Mi', '100Mi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
  ])('%s prints as %s', (input, expected) => {
    expect(formatQuantity(q(input))).toBe(expected);
  });

  it.each([
    ['', QUANTITY_FORMAT_ERROR],
    ['abc', QUANTITY_FORMAT_ERROR],
    ['1.5.0', QUANTITY_FORMAT_ERROR],
    ['12 Mi', QUANTITY_FORMAT_ERROR],
    ['1Gb', QUANTITY_FORMAT_ERROR],
    ['100MB', QUANTITY_FORMAT_ERROR],
    ['1ki', QUANTITY_SUFFIX_ERROR],
    ['1e', QUANTITY_SUFFIX_ERROR],
    ['1mi', QUANTITY_SUFFIX_ERROR],
    ['1Ki3', QUANTITY_SUFFIX_ERROR],
    ['1e99999999999999999999', QUANTITY_SUFFIX_ERROR],
    ['.e-20', QUANTITY_NUMERIC_ERROR],
  ])('%j is refused: %s', (input, error) => {
    expect(parseQuantity(input)).toEqual({ ok: false, error });
  });

  it.each(['1', '1e3', '500m', '1Ki', '1.5Gi', '.5', '5.', '+1', '-1', '1E', '2n', '3u', '1e-3', '0', 'Gi', 'm'])('accepts %j', (text) => {
    expect(parseQuantity(text).ok).toBe(true);
  });

  it('reads a bare suffix as zero, as Kubernetes does', () => {
    expect(q('Gi').nanos).toBe(0n);
  });

  it.each(['1.5.0Gi', '100MB', 'abc', '', '1 Gi', '1e', '1KiB', '1.2.3', '--1', '1iK'])('refuses %j', (text) => {
    expect(parseQuantity(text).ok).toBe(false);
  });

  it('values are exact where floating point is not', () => {
    expect(q('0.1').nanos + q('0.2').nanos).toBe(q('0.3').nanos);
    expect(compareQuantities(q('1Gi'), q('1073741824'))).toBe(0);
    expect(compareQuantities(q('1G'), q('1Gi'))).toBe(-1);
    expect(compareQuantities(q('9223372036854775807'), q('9223372036854775806'))).toBe(1);
    expect(compareQuantities(q('8Ei'), q('9223372036854775807'))).toBe(0); // binary amounts cap at 2^63-1
  });

  it('decodes JSON values as the API server does', () => {
    expect(parseQuantityValue(' 1Gi ')).toEqual(parseQuantity('1Gi'));
    expect(parseQuantityValue(0.5)).toEqual(parseQuantity('0.5'));
    expect(parseQuantityValue(1e21)).toEqual(parseQuantity('1e+21'));
    expect(parseQuantityValue(true)).toBeUndefined();
  });

  it('scales as kube-scheduler reads them, rounding up', () => {
    expect(milliValue(q('0.1'))).toBe(100n);
    expect(milliValue(q('1n'))).toBe(1n);
    expect(unitValue(q('1.5'))).toBe(2n);
    expect(unitValue(q('1Ki'))).toBe(1024n);
  });

  it('defaulting rounds ResourceList amounts up to thousandths', () => {
    expect(formatQuantity(roundUpToMilli(q('0.30000000000000004')))).toBe('301m');
    expect(formatQuantity(roundUpToMilli(q('250m')))).toBe('250m');
  });
});

/** A quantity as people write them: an optional sign, digits, a fraction, a suffix or an exponent. */
const written = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
    fc.constantFrom('', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'e3', 'e-3', 'E6', 'e-12', 'e+2'),
  )
  .map(([sign, whole, fraction, suffix]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${suffix}`);

/** The exact value of a written quantity in nanos, computed independently: a fraction over a power of ten. */
function exactNanos(text: string): bigint {
  const m = /^([+-]?)([0-9]+)(?:\.([0-9]*))?(.*)$/.exec(text)!;
  const [, sign, whole, fraction = '', suffix] = m as unknown as [string, string, string, string | undefined, string];
  let numerator = BigInt(whole + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  const binary: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
  const decimal: Record<string, number> = { '': 0, n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
  const exponent = suffix in binary ? 0 : suffix in decimal ? decimal[suffix]! : Number(suffix.slice(1));
  if (suffix in binary) numerator *= 2n ** BigInt(binary[suffix]!);
  numerator *= 10n ** 9n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator *= 10n ** BigInt(-exponent);
  let nanos = (numerator + denominator - 1n) / denominator; // up, away from zero
  if (suffix in binary && nanos > (2n ** 63n - 1n) * 10n ** 9n) nanos = (2n ** 63n - 1n) * 10n ** 9n;
  return sign === '-' ? -nanos : nanos;
}

describe('Quantity properties', () => {
  it('parses every written quantity to its exact value, rounded up to a nano', () => {
    fc.assert(fc.property(written, (text) => {
          expect(q(text).nanos).toBe(exactNanos(text));
        }), FC);
  });

  it('prints a canonical form that parses back to the same value and prints the same again', () => {
    fc.assert(
      fc.property(written, (text) => {
        const canonical = canonicalQuantity(q(text));
        expect(q(canonical).nanos).toBe(q(text).nanos);
        expect(canonicalQuantity(q(canonical))).toBe(canonical);
        expect(canonical).not.toMatch(/\./); // no fractional digits, ever
      }),
      FC,
    );
  });

  it('compares as the exact values do', () => {
    fc.assert(
      fc.property(written, written, (a, b) => {
        const expected = exactNanos(a) < exactNanos(b) ? -1 : exactNanos(a) > exactNanos(b) ? 1 : 0;
        expect(compareQuantities(q(a), q(b))).toBe(expected);
        expect(compareQuantities(q(b), q(a))).toBe(expected === 0 ? 0 : -expected);
      }),
      FC,
    );
  });

  it('adds exactly, in any order', () => {
    fc.assert(
      fc.property(written, written, written, (a, b, c) => {
        const left = addQuantities(addQuantities(q(a), q(b)), q(c));
        const right = addQuantities(q(a), addQuantities(q(b), q(c)));
        expect(left.nanos).toBe(right.nanos);
        expect(left.nanos).toBe(exactNanos(a) + exactNanos(b) + exactNanos(c));
      }),
      FC,
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[-+0-9.eEinumkKMGTP]{0,12}$/)), (text) => {
        const parsed = parseQuantity(text);
        if (parsed.ok) expect(typeof parsed.quantity.nanos).toBe('bigint');
        else expect([QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, QUANTITY_NUMERIC_ERROR]).toContain(parsed.error);
      }),
      { ...FC, numRuns: 2000 },
    );
  });
});
