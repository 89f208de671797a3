/**
 * CustomResourceDefinitions -> validation schemas, one per served version, following the
 * structural-schema rules: objects with properties are strict unless they preserve unknown
 * fields, int-or-string and embedded resources are honoured, defaults and CEL rules are
 * not validation for Ajv, metadata is ObjectMeta. CEL rules (x-kubernetes-validations) run on the
 * untouched openAPIV3Schema (`raw`), see cel-rules.ts.
 */
import type { Resource } from '../core/index.js';
import type { SchemaBundle, SchemaNode } from '../openapi/index.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const VALIDATION_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'duration', 'uuid', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);
const COPIED = ['type', 'required', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string'];

export interface CrdVersion {
  /** "group/version/Kind". */
  key: string;
  schema: SchemaNode;
  /** Pointer of the schema inside the CRD, for errors about the schema itself. */
  pointer: string;
  /** The openAPIV3Schema as written, which CEL rules follow (undefined: no schema). */
  raw?: SchemaNode;
}

export function crdVersions(crd: Resource, bundle: SchemaBundle): CrdVersion[] {
  const spec = crd.object.spec as Record<string, unknown> | undefined;
  const names = spec?.names as Record<string, unknown> | undefined;
  if (!spec || typeof spec.group !== 'string' || typeof names?.kind !== 'string' || !Array.isArray(spec.versions)) return [];
  const out: CrdVersion[] = [];
  const definitions = objectMetaClosure(bundle);
  spec.versions.forEach((version: Record<string, unknown>, i: number) => {
    if (!version || typeof version.name !== 'string' || version.served === false) return;
    const raw = (version.schema as Record<string, unknown> | undefined)?.openAPIV3Schema as SchemaNode | undefined;
    const schema: SchemaNode = raw ? convert(raw) : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const properties = { ...((schema.properties as Record<string, SchemaNode>) ?? {}) };
    properties.apiVersion = { type: 'string' };
    properties.kind = { type: 'string' };
    properties.metadata = { $ref: `#/definitions/${OBJECT_META}` };
    schema.properties = properties;
    if (!schema['x-kubernetes-preserve-unknown-fields']) schema.additionalProperties = false;
    schema.definitions = definitions;
    out.push({ key: `${spec.group}/${version.name}/${names.kind}`, schema, pointer: `/spec/versions/${i}/schema/openAPIV3Schema`, raw });
  });
  return out;
}

function convert(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const key of COPIED) if (node[key] !== undefined) out[key] = node[key];
  if (typeof node.format === 'string' && VALIDATION_FORMATS.has(node.format)) out.format = node.format;
  // OpenAPI v3.0 writes exclusive bounds as booleans beside minimum/maximum; JSON Schema as numbers.
  if (node.exclusiveMinimum === true && typeof node.minimum === 'number') {
    out.exclusiveMinimum = node.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof node.maximum === 'number') {
    out.exclusiveMaximum = node.maximum;
    delete out.maximum;
  }
  if (isSchema(node.properties)) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, convert(v as SchemaNode)]));
  }
  if (isSchema(node.items)) out.items = convert(node.items);
  if (isSchema(node.additionalProperties)) out.additionalProperties = convert(node.additionalProperties);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[combinator];
    if (Array.isArray(list) && !node['x-kubernetes-int-or-string']) out[combinator] = list.map((s) => convert(s as SchemaNode));
  }
  if (isSchema(node.not)) out.not = convert(node.not);
  if (node['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  if (node['x-kubernetes-embedded-resource']) {
    const props = (out.properties ?? {}) as Record<string, SchemaNode>;
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...props };
    out.required = [...new Set([...((out.required as string[]) ?? []), 'apiVersion', 'kind'])];
  }
  if (out.properties && out.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
  return out;
}

function isSchema(v: unknown): v is SchemaNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const closures = new WeakMap<SchemaBundle, Record<string, SchemaNode>>();

/** ObjectMeta and every definition it refers to, so CRD schemas can stand alone. */
function objectMetaClosure(bundle: SchemaBundle): Record<string, SchemaNode> {
  let found = closures.get(bundle);
  if (found) return found;
  found = {};
  const pending = [OBJECT_META];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (found[name] || !bundle.definitions[name]) continue;
    found[name] = bundle.definitions[name];
    JSON.stringify(bundle.definitions[name], (k, v) => {
      if (k === '$ref' && typeof v === 'string') pending.push(v.slice('#/definitions/'.length));
      return v;
    });
  }
  closures.set(bundle, found);
  return found;
}
