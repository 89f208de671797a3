import { describe, expect, it } from 'vitest';
import { parse } from '../helpers.js';

/** Scalars typed the way kubectl's sigs.k8s.io/yaml (go-yaml v2 resolver) types them. */
function dataOf(yamlValues: string): Record<string, unknown> {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\ndata:\n${yamlValues}`;
  const { resources, diagnostics } = parse(text);
  expect(diagnostics).toEqual([]);
  return resources[0]!.object.data as Record<string, unknown>;
}

describe('scalar typing', () => {
  it('reads go-yaml v2 booleans, including yes/no/on/off/y/n', () => {
    const d = dataOf('  a: yes\n  b: No\n  c: on\n  d: OFF\n  e: "yes"\n  f: True\n  g: n\n');
    expect(d).toEqual({ a: true, b: false, c: true, d: false, e: 'yes', f: true, g: false });
  });

  it('reads integers as Go strconv.ParseInt with base 0 does', () => {
    const d = dataOf('  a: 0777\n  b: 0x1F\n  c: 0o17\n  d: 0b101\n  e: -42\n  f: 1_000\n  g: +7\n  h: 0\n');
    expect(d).toEqual({ a: 511, b: 31, c: 15, d: 5, e: -42, f: 1000, g: 7, h: 0 });
  });

  it('reads floats the go-yaml way: 1e3 is a number, 08 is 8, .5 is 0.5', () => {
    const d = dataOf('  a: 1e3\n  b: 08\n  c: .5\n  d: 1.5\n  e: -2.5e-1\n  f: .inf\n  g: -.Inf\n');
    expect(d).toEqual({ a: 1000, b: 8, c: 0.5, d: 1.5, e: -0.25, f: Infinity, g: -Infinity });
    expect(Number.isNaN(dataOf('  a: .nan\n').a)).toBe(true);
  });

  it('keeps base-60 numbers and version-like strings as strings', () => {
    const d = dataOf('  a: 1:20\n  c: 1.2.3\n  d: 0.0.0.0\n  e: 12Mi\n');
    expect(d).toEqual({ a: '1:20', c: '1.2.3', d: '0.0.0.0', e: '12Mi' });
  });

  it('turns unquoted timestamps into the RFC 3339 text that goes through JSON, and leaves non-dates alone', () => {
    const d = dataOf('  a: 2024-01-01\n  b: 2024-1-2 10:20:30\n  c: 2024-01-01T10:20:30+02:00\n  d: 2024-01-01T10:00:00.500+00:00\n  e: 2024-02-30\n  f: "2024-01-01"\n  g: 2024-01-01T10:00:00\n');
    expect(d).toEqual({ a: '2024-01-01T00:00:00Z', b: '2024-01-02T10:20:30Z', c: '2024-01-01T10:20:30+02:00', d: '2024-01-01T10:00:00.5Z', e: '2024-02-30', f: '2024-01-01', g: '2024-01-01T10:00:00' });
  });

  it('reads null spellings as null and an explicit !!str as a string', () => {
    const d = dataOf('  a: ~\n  b: null\n  c:\n  d: !!str 123\n  e: NULL\n');
    expect(d).toEqual({ a: null, b: null, c: null, d: '123', e: null });
  });

  it('decodes !!binary to its bytes, as go-yaml does', () => {
    expect(dataOf('  a: !!binary aGVsbG8=\n').a).toBe('hello');
  });

  it('merges `<<` keys', () => {
    const { resources } = parse('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\n  labels: &l {a: "1"}\n  annotations:\n    <<: *l\n    b: "2"\n');
    expect(resources[0]!.object.metadata).toEqual({ name: 't', labels: { a: '1' }, annotations: { a: '1', b: '2' } });
  });
});
