/**
 * The validation keywords of one node of a CRD's openAPIV3Schema, checked before they reach Ajv,
 * so that a mistake in a user's CRD is an `invalid-crd` finding at its line and never an Ajv
 * compile error (which named Ajv's internals and, at each custom resource, became an
 * `internal-error`). A keyword that cannot be used is dropped; the rest of the schema still
 * validates. A keyword of the wrong JSON type (`minimum: "5"`) is dropped without a finding of
 * its own: the CustomResourceDefinition's built-in schema already reports it at that line (as
 * `invalid-crd`, see schema/index.ts).
 */
import { goRegexpError } from './go-regexp.js';

/** A problem in a CRD schema: JSON pointer inside the CRD, and the API server's message. */
export interface CrdProblem {
  pointer: string;
  message: string;
}

/** Where a keyword sits: its JSON pointer in the CRD and its field path in the API server's form. */
export interface SchemaPlace {
  pointer: string;
  /** `spec.versions[0].schema.openAPIV3Schema.properties[spec]`, as apiextensions-apiserver writes it. */
  path: string;
}

// apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go: openapiV3Types.
const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const NUMBERS = ['minimum', 'maximum'] as const;
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;

/** The keywords of `node` Ajv can compile, with problems reported for those it cannot. */
export function usableKeywords(node: Record<string, unknown>, at: SchemaPlace, problems: CrdProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const report = (key: string, message: string) => problems.push({ pointer: `${at.pointer}/${key}`, message: `${at.path}.${key}: ${message}` });

  if (typeof node.type === 'string') {
    if (TYPES.includes(node.type)) out.type = node.type;
    else if (node.type !== '') report('type', `Unsupported value: ${JSON.stringify(node.type)}: supported values: ${TYPES.map((t) => JSON.stringify(t)).join(', ')}`);
  }
  for (const key of NUMBERS) if (typeof node[key] === 'number') out[key] = node[key];
  if (typeof node.multipleOf === 'number') {
    // kube-openapi refuses such a factor at validation time (errors.MultipleOfMustBePositive); Ajv at compile time.
    if (node.multipleOf > 0) out.multipleOf = node.multipleOf;
    else report('multipleOf', `Invalid value: ${node.multipleOf}: must be greater than 0`);
  }
  for (const key of COUNTS) {
    const v = node[key];
    if (typeof v !== 'number') continue;
    if (Number.isInteger(v) && v >= 0) out[key] = v;
    else report(key, `Invalid value: ${v}: must be a non-negative integer`);
  }
  if (typeof node.pattern === 'string') {
    // apiextensions-apiserver pkg/apiserver/schema/validation.go: a pattern Go's regexp.Compile refuses.
    const error = goRegexpError(node.pattern);
    if (error === undefined) out.pattern = node.pattern;
    else report('pattern', `Invalid value: ${JSON.stringify(node.pattern)}: must be a valid regular expression, but isn't: ${error}`);
  }
  // An empty enum constrains nothing to kube-openapi (it validates `enum` only when non-empty); Ajv refuses it.
  // Ajv also refuses repeated values, which change nothing: kept once.
  if (Array.isArray(node.enum) && node.enum.length > 0) out.enum = [...new Map(node.enum.map((v) => [canonical(v), v])).values()];
  if (Array.isArray(node.required)) out.required = [...new Set(node.required.filter((r) => typeof r === 'string'))];
  if (typeof node.uniqueItems === 'boolean') out.uniqueItems = node.uniqueItems;
  return out;
}

/** `properties[name]`, `items`, `allOf[0]`...: one step of an API server schema path. */
export function childPlace(at: SchemaPlace, segments: readonly (string | number)[], pathStep: string): SchemaPlace {
  return { pointer: `${at.pointer}/${segments.map((s) => String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`, path: `${at.path}.${pathStep}` };
}

/** JSON text with object keys sorted: equal values, equal text (Ajv compares enum values deeply). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
