import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { pruneNulls } from '../../src/schema/prune-nulls.js';
import { validateSchemas } from '../../src/schema/index.js';

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

  it('copies only a value that has a null to drop', () => {
    const plain = { a: [1, { b: 'x' }], c: { d: [null] } };
    expect(pruneNulls(plain)).toBe(plain);
    const nested = { a: [{ b: null }] };
    expect(pruneNulls(nested)).toEqual({ a: [{}] });
    expect(nested).toEqual({ a: [{ b: null }] });
  });

  it("sets a CRD's defaults on a copy, never on the resource (which has no null to drop)", () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size: {type: integer, default: 3}
`;
    const { resources } = parseManifests(`${crd}---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {}\n`, 'w.yaml');
    expect(validateSchemas(resources)).toEqual([]);
    expect(resources[1]!.object.spec).toEqual({});
  });
});
