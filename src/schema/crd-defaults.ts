/**
 * Defaults of a CRD schema, applied to a custom resource before it is validated, as the API server
 * does when it decodes one (apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go:
 * a property that is absent gets a copy of its default, then defaulting goes on inside every
 * property, additionalProperties value and list item). Validation sees what would be stored:
 * Gateway API's `spec.addresses[].type` defaults to `IPAddress`, which picks a `oneOf` branch.
 * The schema is the converted one (crd.ts), where only nodes outside combinators keep `default`.
 */
import type { SchemaNode } from '../openapi/index.js';

export function applyDefaults(value: unknown, schema: SchemaNode | undefined): void {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const items = schema.items as SchemaNode | undefined;
    if (items) for (const item of value) applyDefaults(item, items);
    return;
  }
  const object = value as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
  for (const [key, property] of Object.entries(properties)) {
    if (property.default !== undefined && !(key in object)) object[key] = structuredClone(property.default);
  }
  const additional = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as SchemaNode) : undefined;
  for (const [key, child] of Object.entries(object)) applyDefaults(child, Object.hasOwn(properties, key) ? properties[key] : additional);
}
