/**
 * CustomResourceDefinitions -> validation schemas, one per served version, following the
 * structural-schema rules: objects with properties are strict unless they preserve unknown
 * fields, int-or-string and embedded resources are honoured, defaults are applied before
 * validation (crd-defaults.ts), metadata is ObjectMeta. Keywords a user's CRD gets wrong are
 * dropped and reported (crd-keywords.ts). CEL rules (x-kubernetes-validations) are not Ajv's: they
 * run on the untouched openAPIV3Schema (`raw`), see cel-rules.ts.
 */
import type { Resource } from '../core/index.js';
import type { SchemaBundle, SchemaNode } from '../openapi/index.js';
import { childPlace, usableKeywords, type CrdProblem, type SchemaPlace } from './crd-keywords.js';

export type { CrdProblem } from './crd-keywords.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const VALIDATION_FORMATS = new Set(['int32', 'int64', 'float', 'double', 'byte', 'date', 'date-time', 'duration', 'uuid', 'email', 'hostname', 'ipv4', 'ipv6', 'uri']);
const EXTENSIONS = ['x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string'];
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

export interface CrdVersion {
  /** "group/version/Kind". */
  key: string;
  schema: SchemaNode;
  /** Pointer of the schema inside the CRD, for errors about the schema itself. */
  pointer: string;
  /** Mistakes in the schema, each dropped from `schema` (see crd-keywords.ts). */
  problems: CrdProblem[];
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
    const pointer = `/spec/versions/${i}/schema/openAPIV3Schema`;
    const problems: CrdProblem[] = [];
    const place = { pointer, path: `spec.versions[${i}].schema.openAPIV3Schema` };
    const schema: SchemaNode = isSchema(raw) ? convert(raw, place, false, problems) : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const properties = { ...((schema.properties as Record<string, SchemaNode>) ?? {}) };
    properties.apiVersion = { type: 'string' };
    properties.kind = { type: 'string' };
    properties.metadata = { $ref: `#/definitions/${OBJECT_META}` };
    schema.properties = properties;
    if (!schema['x-kubernetes-preserve-unknown-fields']) schema.additionalProperties = false;
    schema.definitions = definitions;
    out.push({ key: `${spec.group}/${version.name}/${names.kind}`, schema, pointer, problems, ...(isSchema(raw) && { raw }) });
  });
  return out;
}

/**
 * One node. Inside `allOf`/`anyOf`/`oneOf`/`not` (`inBranch`) a structural schema only adds value
 * validations: a branch naming some properties does not make the others unknown, and defaults
 * there are not allowed (apiextensions-apiserver pkg/apiserver/schema/validation.go,
 * validateNestedValueValidation), so a branch never closes an object nor carries a default.
 */
function convert(node: SchemaNode, at: SchemaPlace, inBranch: boolean, problems: CrdProblem[]): SchemaNode {
  const out: SchemaNode = usableKeywords(node, at, problems);
  for (const key of EXTENSIONS) if (node[key] !== undefined) out[key] = node[key];
  if (!inBranch && node.default !== undefined) out.default = node.default;
  if (typeof node.format === 'string' && VALIDATION_FORMATS.has(node.format)) out.format = node.format;
  // OpenAPI v3.0 writes exclusive bounds as booleans beside minimum/maximum; JSON Schema as numbers.
  if (node.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  }
  if (node.exclusiveMaximum === true && typeof out.maximum === 'number') {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  }
  if (isSchema(node.properties)) {
    // fromEntries: a property called `__proto__` stays a property (an assignment would set the prototype).
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([k, v]) => [k, isSchema(v) ? convert(v, childPlace(at, ['properties', k], `properties[${k}]`), inBranch, problems) : {}]),
    );
  }
  if (isSchema(node.items)) out.items = convert(node.items, childPlace(at, ['items'], 'items'), inBranch, problems);
  if (isSchema(node.additionalProperties)) out.additionalProperties = convert(node.additionalProperties, childPlace(at, ['additionalProperties'], 'additionalProperties'), inBranch, problems);
  else if (typeof node.additionalProperties === 'boolean') out.additionalProperties = node.additionalProperties;
  for (const combinator of COMBINATORS) {
    const list = node[combinator];
    // Empty, a combinator constrains nothing to kube-openapi (schema_props.go checks len > 0); Ajv refuses it.
    if (!Array.isArray(list) || list.length === 0 || node['x-kubernetes-int-or-string']) continue;
    out[combinator] = list.map((s, i) => (isSchema(s) ? convert(s, childPlace(at, [combinator, i], `${combinator}[${i}]`), true, problems) : {}));
  }
  if (isSchema(node.not)) out.not = convert(node.not, childPlace(at, ['not'], 'not'), true, problems);
  if (node['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  if (node['x-kubernetes-embedded-resource']) {
    const props = (out.properties ?? {}) as Record<string, SchemaNode>;
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...props };
    out.required = [...new Set([...((out.required as string[]) ?? []), 'apiVersion', 'kind'])];
  }
  if (!inBranch && out.properties && out.additionalProperties === undefined && !node['x-kubernetes-preserve-unknown-fields']) out.additionalProperties = false;
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
