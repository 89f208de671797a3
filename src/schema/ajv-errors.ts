/** Ajv's errors, rewritten as the API server's field errors and positioned on the resource. */
import type { ErrorObject } from 'ajv';
import { escapeSegment, pointerToFieldPath, valueAt, type Resource } from '../core/index.js';
import type { SchemaNode } from '../openapi/index.js';
import { duplicate, fieldPath, invalid, required, tooLong, unsupported } from './field-error.js';
import type { SchemaProblemId } from './problems.js';
import { propertyNames, type SchemaWalker } from '../openapi/index.js';
import { closest, closestUnique } from './suggest.js';
import type { SuggestionSpec } from '../core/index.js';
import { gatedValueNote } from './feature-gates.js';

export interface SchemaFinding {
  ruleId: SchemaProblemId;
  message: string;
  pointer: string;
  at: 'key' | 'value';
  suggestion?: SuggestionSpec;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const FORMAT_DETAIL: Record<string, string> = {
  int32: 'must fit in a 32-bit integer',
  int64: 'must fit in a 64-bit integer',
  byte: 'must be base64-encoded',
  'date-time': 'must be an RFC 3339 date-time such as "2006-01-02T15:04:05Z"',
  date: 'must be a date such as "2006-01-02"',
};

/** `custom`: the schema is a CRD's or a catalog's, whose type errors kube-openapi words (see typeError). */
export function translateAjvErrors(errors: readonly ErrorObject[], resource: Resource, root: SchemaNode, walker: SchemaWalker, value: unknown, custom = false): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  // A value of the wrong type fails its format too; the type error says all there is to say.
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  // A failed oneOf/anyOf says it for its branches: what each branch found wrong is one finding, not six.
  // Only failed combinators keep their branches' errors (Ajv drops them when one passes), so a schema
  // path below any failed oneOf/anyOf is enough; there are few distinct ones however many items fail.
  const combinators = [...new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`))];
  for (const e of errors) {
    if (e.keyword === 'format' && wrongType.has(e.instancePath)) continue;
    if (combinators.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const f = translate(e, resource, root, walker, value, custom);
    if (!f) continue;
    const key = `${f.ruleId}\u0000${f.pointer}\u0000${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

/**
 * A value validation of a custom resource's schema, in kube-openapi's words
 * (k8s.io/kube-openapi/pkg/validation/errors/schema.go: `%s in %s should match '%s'`, the field
 * path and "body"), which apiextensions wraps as the field's Invalid value. Only CRD and catalog
 * schemas hold these keywords; the built-in kinds' checks are the API server's own.
 */
/** The JSON type of a decoded value, as kube-openapi names it. */
function jsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'boolean' : 'string';
}

function inBody(pointer: string, detail: string): string {
  return `${fieldPath(pointer)} in body ${detail}`;
}

function translate(e: ErrorObject, resource: Resource, root: SchemaNode, walker: SchemaWalker, value: unknown, custom: boolean): SchemaFinding | undefined {
  const at = e.instancePath;
  const data = valueAt(value, at);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const pointer = `${at}/${escapeSegment(name)}`;
      const schema = walker.at(root, value, at);
      const suggestion = schema ? closest(name, propertyNames(schema.node)) : undefined;
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      // The edit only when no other name is as near, and the right one is not set beside it already.
      const rename = suggestion && closestUnique(name, propertyNames(schema!.node)) === suggestion && !isSet(valueAt(value, at), suggestion) ? suggestion : undefined;
      return {
        ruleId: 'unknown-field',
        message: `unknown field "${fieldPath(pointer)}"${hint}`,
        pointer,
        at: 'key',
        ...(rename && { suggestion: { title: `Change "${name}" to "${rename}"`, edits: [{ pointer, at: 'key', newText: rename }] } }),
      };
    }
    case 'required': {
      const pointer = `${at}/${escapeSegment(String(params.missingProperty))}`;
      return { ruleId: 'required-field', message: required(pointer), pointer, at: 'key' };
    }
    case 'type': {
      const expected = String(params.type).split(',');
      const types = expected.map((t) => TYPE_WORDS[t] ?? t);
      // The classic YAML surprise: `value: yes` or `version: 1.10` is not a string until quoted.
      const readAsNonString = expected.includes('string') && (typeof data === 'boolean' || typeof data === 'number');
      const hint = readAsNonString ? ' (quote it: YAML reads this as a non-string)' : '';
      const quote: SuggestionSpec | undefined = readAsNonString ? { title: 'Quote the value: a string', edits: [{ pointer: at, at: 'quote-value' }] } : undefined;
      if (custom) {
        // kube-openapi's type validator (pkg/validation/validate/type.go, errors.InvalidType) as
        // apiextensions reports it: the value shown is the JSON type the field has.
        const actual = jsonTypeOf(data);
        return { ruleId: 'invalid-type', message: `${fieldPath(at)}: Invalid value: "${actual}": ${inBody(at, `must be of type ${expected.join(',')}: "${actual}"`)}${hint}`, pointer: at, at: 'value', ...(quote && { suggestion: quote }) };
      }
      return { ruleId: 'invalid-type', message: invalid(resource, at, data, `must be ${types.join(' or ')}${hint}`), pointer: at, at: 'value', ...(quote && { suggestion: quote }) };
    }
    case 'enum': {
      const parent = at.slice(0, at.lastIndexOf('/'));
      const property = at.slice(at.lastIndexOf('/') + 1);
      const note = gatedValueNote(walker.at(root, value, parent)?.definition, property, data);
      return { ruleId: 'unsupported-value', message: unsupported(resource, at, data, params.allowedValues as unknown[]) + note, pointer: at, at: 'value' };
    }
    case 'const':
      return { ruleId: 'unsupported-value', message: unsupported(resource, at, data, [params.allowedValue]), pointer: at, at: 'value' };
    case 'format': {
      const format = String(params.format);
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, FORMAT_DETAIL[format] ?? `must be a valid ${format}`), pointer: at, at: 'value' };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const words = { minimum: 'greater than or equal to', maximum: 'less than or equal to', exclusiveMinimum: 'greater than', exclusiveMaximum: 'less than' }[e.keyword];
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should be ${words} ${String(params.limit)}`)), pointer: at, at: 'value' };
    }
    case 'minLength':
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should be at least ${String(params.limit)} chars long`)), pointer: at, at: 'value' };
    case 'maxLength':
      // field.TooLong (k8s.io/apimachinery/pkg/util/validation/field/errors.go), as apiextensions reports maxLength.
      return { ruleId: 'invalid-value', message: tooLong(at, Number(params.limit), Number(params.limit) === 1 ? 'byte' : 'bytes'), pointer: at, at: 'value' };
    case 'minItems':
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should have at least ${String(params.limit)} items`)), pointer: at, at: 'value' };
    case 'maxItems':
      return { ruleId: 'invalid-value', message: `${fieldPath(at)}: Too many: ${Array.isArray(data) ? data.length : '?'}: must have at most ${String(params.limit)} items`, pointer: at, at: 'value' };
    case 'minProperties':
    case 'maxProperties':
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} properties`)), pointer: at, at: 'value' };
    case 'pattern':
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should match '${String(params.pattern)}'`)), pointer: at, at: 'value' };
    case 'multipleOf':
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, inBody(at, `should be a multiple of ${String(params.multipleOf)}`)), pointer: at, at: 'value' };
    case 'uniqueItems':
      return { ruleId: 'duplicate-value', message: duplicate(resource, `${at}/${String(params.i)}`, Array.isArray(data) ? data[Number(params.i)] : null), pointer: `${at}/${String(params.i)}`, at: 'value' };
    case 'oneOf': {
      // Ajv stops counting at the second passing branch: three that pass still read "Found 2" here.
      const passing = params.passingSchemas;
      const found = Array.isArray(passing) ? `Found ${passing.length} valid alternatives` : 'Found none valid';
      return { ruleId: 'invalid-value', message: compositeFailure(at, `must validate one and only one schema (oneOf). ${found}`), pointer: at, at: 'value' };
    }
    case 'anyOf':
      return { ruleId: 'invalid-value', message: compositeFailure(at, 'must validate at least one schema (anyOf)'), pointer: at, at: 'value' };
    case 'not':
      return { ruleId: 'invalid-value', message: compositeFailure(at, 'must not validate the schema (not)'), pointer: at, at: 'value' };
    default:
      return { ruleId: 'invalid-value', message: invalid(resource, at, data, e.message ?? e.keyword), pointer: at, at: 'value' };
  }
}

/**
 * A failed oneOf/anyOf/not, in the API server's words. kube-openapi words it
 * (pkg/validation/validate/messages.go: `%q must validate one and only one schema (oneOf). %s`)
 * as an error without a field, which apiextensions-apiserver
 * (pkg/apiserver/validation/validation.go, kubeOpenAPIResultToFieldErrors) turns into
 * `field.Invalid(nil, "", ...)`: so kubectl prints `<nil>: Invalid value: "": "spec.x" must ...`.
 * The finding itself sits at the field.
 */
function compositeFailure(pointer: string, detail: string): string {
  return `<nil>: Invalid value: "": ${JSON.stringify(pointerToFieldPath(pointer))} ${detail}`;
}

function isSet(map: unknown, key: string): boolean {
  return map !== null && typeof map === 'object' && Object.prototype.hasOwnProperty.call(map, key);
}

