/**
 * No false positives on any built-in kind: for every kind each shipped version serves, a
 * minimal object with every required field filled in must validate clean.
 */
import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/core/index.js';
import { KUBERNETES_VERSIONS, loadBundle, type SchemaNode } from '../../src/schema/index.js';
import { validateSchemas } from '../../src/schema/index.js';
import { SchemaWalker } from '../../src/openapi/index.js';
import { parse } from '../helpers.js';

function sample(node: SchemaNode | undefined, walker: SchemaWalker, depth = 0): unknown {
  const resolved = walker.resolve(node);
  if (!resolved || depth > 40) return {};
  const n = resolved.node;
  if (Array.isArray(n.enum)) return n.enum.find((v) => v !== '');
  if (n.format === 'quantity') return '1';
  const type = Array.isArray(n.type) ? n.type[0] : n.type;
  if (type === 'string') return n.format === 'date-time' ? '2024-01-01T00:00:00Z' : n.format === 'byte' ? 'YQ==' : 'example';
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  const out: Record<string, unknown> = {};
  const properties = (n.properties ?? {}) as Record<string, SchemaNode>;
  for (const key of (n.required as string[] | undefined) ?? []) out[key] = sample(properties[key], walker, depth + 1);
  return out;
}

describe('every built-in kind', () => {
  for (const version of KUBERNETES_VERSIONS) {
    it(`validates a minimal ${version} object of each kind without findings`, () => {
      const bundle = loadBundle(version);
      const walker = new SchemaWalker(bundle.definitions);
      const docs = Object.entries(bundle.kinds).map(([key, entry]) => {
        const slash = key.lastIndexOf('/');
        const body = sample({ $ref: `#/definitions/${entry.definition}` }, walker) as Record<string, unknown>;
        const kind = key.slice(slash + 1);
        // A CRD's name is its plural and group, both "example" in the sample.
        const name = kind === 'CustomResourceDefinition' ? 'example.example' : 'example';
        return JSON.stringify({ ...body, apiVersion: key.slice(0, slash), kind, metadata: { name } });
      });
      const { resources, diagnostics: loadProblems } = parse(docs.join('\n---\n'), `all-kinds-${version}.yaml`);
      expect(loadProblems).toEqual([]);
      expect(resources.length).toBe(Object.keys(bundle.kinds).length);
      const findings = validateSchemas(resources as Resource[], { kubernetesVersion: version });
      expect(findings.map((d) => `${d.resource?.kind}: ${d.message}`)).toEqual([]);
    });
  }
});
