import { describe, expect, it } from 'vitest';
import { parse } from '../helpers.js';

// Values are copied compact after toJS (src/load/compact.ts); the copy must be the same value.
describe('compact values', () => {
  it('keeps keys in the order written, long values (copied last) among them', () => {
    const long = 'x'.repeat(40);
    const [r] = parse(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  password: ${long}\n  API_KEY: short\n  cert.pem: ${long}y\n  num: "1"\n`).resources;
    expect(Object.keys(r!.object.stringData as object)).toEqual(['password', 'API_KEY', 'cert.pem', 'num']);
    expect(r!.object.stringData).toEqual({ password: long, API_KEY: 'short', 'cert.pem': `${long}y`, num: '1' });
  });

  it('keeps a __proto__ key as data, lists whole, and an anchored value shared where aliased', () => {
    const [r] = parse('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: &l {a: b}}\ndata:\n  __proto__: x\nspec:\n  list: [1, "two", null, true, 2.5]\n  again: *l\n').resources;
    const o = r!.object as { data: object; spec: { list: unknown[]; again: unknown }; metadata: { labels: unknown } };
    expect(Object.getPrototypeOf(o.data)).toBe(Object.prototype);
    expect(Object.entries(o.data)).toEqual([['__proto__', 'x']]);
    expect(o.spec.list).toEqual([1, 'two', null, true, 2.5]);
    expect(o.spec.again).toBe(o.metadata.labels);
  });
});
