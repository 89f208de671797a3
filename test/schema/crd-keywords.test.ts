/**
 * Whatever a CRD's openAPIV3Schema holds, its converted schema compiles: a user's mistake is an
 * invalid-crd finding, never an Ajv compile error (which named Ajv's internals and turned every
 * custom resource of the kind into an internal-error). Property-based: schema nodes built from
 * the keywords CRDs use, each holding a well-formed or an ill-formed value.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Resource } from '../../src/core/index.js';
import { createAjv } from '../../src/schema/ajv.js';
import { crdVersions } from '../../src/schema/crd.js';
import { DEFAULT_KUBERNETES_VERSION, loadBundle } from '../../src/schema/index.js';

const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}), fc.constant(['a', 'a', 1]));
const pattern = fc.constantFrom('^[a-z]+$', '(?i)x', '(?<=x)', '\\1', '+', '', 'a{,3}', '[[:alpha:]]', '(', '\\pL');
const type = fc.constantFrom('string', 'integer', 'number', 'boolean', 'object', 'array', 'strin', '', 'null');

const { node } = fc.letrec<{ node: Record<string, unknown>; child: unknown }>((tie) => ({
  // Depth-limited: a schema three levels deep already meets every keyword inside every other.
  child: fc.oneof({ maxDepth: 3, depthIdentifier: 'schema' }, junk, tie('node')),
  node: fc.record(
    {
      type: fc.oneof(type, junk),
      pattern: fc.oneof(pattern, junk),
      format: fc.oneof(fc.constantFrom('int32', 'date-time', 'ipv4', 'no-such'), junk),
      enum: fc.oneof(fc.array(junk, { maxLength: 2 }), junk),
      required: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 2 }), junk), { maxLength: 3 }), junk),
      minimum: junk,
      maximum: junk,
      exclusiveMinimum: junk,
      multipleOf: junk,
      minLength: junk,
      maxItems: junk,
      uniqueItems: junk,
      default: junk,
      nullable: junk,
      'x-kubernetes-int-or-string': junk,
      'x-kubernetes-preserve-unknown-fields': junk,
      'x-kubernetes-embedded-resource': junk,
      properties: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), tie('child'), { maxKeys: 2 }), junk),
      items: tie('child'),
      additionalProperties: tie('child'),
      oneOf: fc.oneof(fc.array(tie('child'), { maxLength: 2 }), junk),
      anyOf: fc.oneof(fc.array(tie('child'), { maxLength: 2 }), junk),
      allOf: fc.oneof(fc.array(tie('child'), { maxLength: 2 }), junk),
      not: tie('child'),
    },
    { requiredKeys: [] },
  ),
}));

function crd(schema: unknown): Resource {
  const object = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: { group: 'example.com', names: { plural: 'things', kind: 'Thing' }, versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: schema } }] },
  };
  return { object, id: { apiVersion: object.apiVersion, kind: object.kind, name: 'things.example.com' } } as unknown as Resource;
}

it('compiles the converted schema of any CRD, however broken', () => {
  const bundle = loadBundle(DEFAULT_KUBERNETES_VERSION);
  const ajv = createAjv();
  fc.assert(
    fc.property(node, (schema) => {
      for (const version of crdVersions(crd(schema), bundle)) {
        // ObjectMeta (metadata, definitions) is the same for every CRD: left out, it would cost most of the time.
        const { definitions: _, ...own } = version.schema;
        own.properties = { ...(own.properties as object), metadata: {} };
        expect(() => ajv.compile(own)).not.toThrow();
        ajv.removeSchema(own);
      }
    }),
    { seed: 20261206, numRuns: 150 },
  );
});
