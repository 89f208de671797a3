/**
 * Structural defaulting (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/algorithm.go):
 * a property that is absent gets its schema's `default`, then defaulting goes on inside it and
 * inside every other value, through properties, additionalProperties and items. The API server
 * defaults a custom resource before its CEL rules see it, so rules read `self.tls.mode` when only
 * the default supplies it. Returns a copy where anything changed; the input is not touched.
 */
import type { SchemaNode } from '../openapi/index.js';

export function applyDefaults(value: unknown, schema: SchemaNode | undefined): unknown {
  if (!schema || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = asSchema(schema.items);
    if (!items) return value;
    let changed = false;
    const out = value.map((v) => {
      const d = applyDefaults(v, items);
      changed ||= d !== v;
      return d;
    });
    return changed ? out : value;
  }
  const data = value as Record<string, unknown>;
  const properties = schema.properties as Record<string, SchemaNode> | undefined;
  const additional = asSchema(schema.additionalProperties);
  let out: Record<string, unknown> | undefined;
  for (const [k, prop] of Object.entries(properties ?? {})) {
    if (prop.default !== undefined && data[k] === undefined) (out ??= { ...data })[k] = structuredClone(prop.default);
  }
  const current = out ?? data;
  for (const [k, v] of Object.entries(current)) {
    const sub = properties?.[k] ?? additional;
    const d = applyDefaults(v, sub);
    if (d !== v) (out ??= { ...data })[k] = d;
  }
  return out ?? value;
}

function asSchema(v: unknown): SchemaNode | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as SchemaNode) : undefined;
}
