/**
 * A custom resource's data as the rules see it, following the structural schema the way
 * k8s.io/apiserver/pkg/cel/common/values.go (UnstructuredToVal) presents it:
 * - objects with properties: only declared properties, names escaped (escape.ts), nulls absent;
 * - maps (additionalProperties): every key, unescaped;
 * - an object that only preserves unknown fields: a map with nothing visible;
 * - integer -> int, number -> double (even when written 1), x-kubernetes-int-or-string -> int or string;
 * - strings of format date, date-time, duration, byte -> timestamp, timestamp, duration, bytes;
 * - the root and embedded resources: apiVersion, kind, and of metadata only name and generateName.
 * CEL values are cel-js's: bigint int, number double, Map map, array list, Date timestamp.
 */
import { compileCel } from './compile.js';
import { escapeName } from './escape.js';

export type StructuralSchema = Record<string, unknown>;

export function toCelValue(value: unknown, schema: StructuralSchema | undefined, isResourceRoot: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (!schema) return untyped(value);
  if (schema['x-kubernetes-int-or-string']) return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
  switch (schema.type) {
    case 'object':
      return object(value, schema, isResourceRoot || schema['x-kubernetes-embedded-resource'] === true);
    case 'array': {
      if (!Array.isArray(value)) return value;
      const items = schema.items as StructuralSchema | undefined;
      return value.map((v) => toCelValue(v, items, items?.['x-kubernetes-embedded-resource'] === true));
    }
    case 'string':
      return typeof value === 'string' ? formatted(value, schema.format) : value;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
    case 'number':
      return value;
    case 'boolean':
      return value;
    default:
      return untyped(value);
  }
}

const OBJECT_META_SCHEMA: StructuralSchema = { type: 'object', properties: { name: { type: 'string' }, generateName: { type: 'string' } } };

function object(value: unknown, schema: StructuralSchema, resource: boolean): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return value;
  const data = value as Record<string, unknown>;
  let properties = schema.properties as Record<string, StructuralSchema> | undefined;
  if (resource) properties = { ...properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: OBJECT_META_SCHEMA };
  if (properties) {
    const out = objectMap();
    for (const [k, v] of Object.entries(data)) {
      const propSchema = properties[k];
      const name = escapeName(k);
      if (!propSchema || name === undefined || v === null) continue;
      out.set(name, toCelValue(v, propSchema, false));
      if (name !== k && IDENTIFIER.test(k)) out.alias(k, name);
    }
    return out;
  }
  const out = new Map<string, unknown>();
  const additional = schema.additionalProperties;
  if (typeof additional === 'object' && additional !== null) {
    for (const [k, v] of Object.entries(data)) out.set(k, toCelValue(v, additional as StructuralSchema, false));
  }
  return out;
}

function formatted(s: string, format: unknown): unknown {
  switch (format) {
    case 'date':
    case 'date-time': {
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? s : d;
    }
    case 'duration':
      return duration(s);
    case 'byte':
      return new Uint8Array(Buffer.from(s, 'base64'));
    default:
      return s;
  }
}

/** Data without a schema (x-kubernetes-preserve-unknown-fields): JSON as CEL reads it. */
function untyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untyped);
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value === 'object' && value !== null) {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(value)) if (v !== null) out.set(k, untyped(v));
    return out;
  }
  return value;
}

/** cel-js's own duration type, made by its `duration()` (Go's time.ParseDuration grammar). */
function duration(s: string): unknown {
  const compiled = compileCel('duration(s)', ['s']);
  if ('error' in compiled) return s;
  try {
    return compiled.program.evaluate({ s });
  } catch {
    return s;
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An object's fields under their escaped names, also found by the name as written when that is
 * an identifier: the API server unescapes the name a rule selects (common/values.go
 * unstructuredMap.Find), so `self.metadata.namespace` reads the field `namespace`, whose
 * escaped name is `__namespace__`. Size and iteration see each field once. (A plain Map with
 * get/has of its own: cel-js accepts no subclass of Map as a map.)
 */
function objectMap(): Map<string, unknown> & { alias(name: string, escaped: string): void } {
  const map = new Map<string, unknown>();
  const aliases = new Map<string, string>();
  const get = map.get.bind(map);
  const has = map.has.bind(map);
  return Object.assign(map, {
    alias: (name: string, escaped: string) => void aliases.set(name, escaped),
    get: (key: string) => (has(key) ? get(key) : get(aliases.get(key) ?? key)),
    has: (key: string) => has(key) || aliases.has(key),
  });
}
