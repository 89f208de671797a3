import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { pruneNulls } from '../../src/schema/prune-nulls.js';

describe('pruneNulls', () => {
  it('drops null map entries, keeps list items', () => {
    expect(pruneNulls({ a: null, b: [null, 1], c: { d: null } })).toEqual({ b: [null, 1], c: {} });
  });

  it('keeps a `__proto__` key as a key of the copy, not its prototype', () => {
    const [resource] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n__proto__: {polluted: 1}\n', 'cm.yaml').resources;
    const copy = pruneNulls(resource!.object) as Record<string, unknown>;
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
