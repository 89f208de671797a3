/**
 * x-kubernetes-validations on custom resources, evaluated as the API server evaluates them
 * (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go): each rule runs with
 * `self` bound to the value of the field that declares it, rules under allOf apply to the same
 * value, and a rule's failure is a field error at that field — or at its `fieldPath` — worded
 * from its messageExpression, its message, or "failed rule: <rule>".
 */
import { compileCel, optionalNone, toCelValue, type StructuralSchema } from '../cel/index.js';
import { escapeSegment } from '../core/index.js';
import type { SchemaFinding } from './ajv-errors.js';
import { resolveFieldPath } from './cel-field-path.js';
import { undefinedField } from './cel-fields.js';

export interface ValidationRule {
  rule?: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

export const CEL_VARIABLES = ['self', 'oldSelf'];

/** apiserver/pkg/apis/cel: MaxEvaluatedMessageExpressionSizeBytes. */
const MAX_MESSAGE_BYTES = 5 * 1024;

/** Where the walk stands: the value, the schema holding rules, the schema typing the value, and the field. */
interface Node {
  value: unknown;
  rules: StructuralSchema;
  types: StructuralSchema;
  pointer: string;
  /** field.Path.String(); undefined for the root, which the API server prints as <nil>. */
  path: string | undefined;
  resourceRoot: boolean;
}

export function celRuleFindings(value: unknown, schema: StructuralSchema): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  if (hasValidationRules(schema)) walk({ value, rules: schema, types: schema, pointer: '', path: undefined, resourceRoot: true }, out);
  return out;
}

function walk(node: Node, out: SchemaFinding[]): void {
  const { value, rules, types } = node;
  if (value === null || value === undefined || !hasValidationRules(rules)) return;
  const list = rules['x-kubernetes-validations'];
  if (Array.isArray(list) && list.length > 0) {
    const self = toCelValue(value, types, node.resourceRoot);
    for (const rule of list as ValidationRule[]) {
      const finding = evaluateRule(rule, self, node);
      if (finding) out.push(finding);
    }
  }
  for (const branch of (rules.allOf as StructuralSchema[] | undefined) ?? []) walk({ ...node, rules: branch }, out);
  if (Array.isArray(value)) {
    const [r, t] = [rules.items, types.items] as (StructuralSchema | undefined)[];
    if (!r || !t) return;
    value.forEach((v, i) => walk({ value: v, rules: r, types: t, pointer: `${node.pointer}/${i}`, path: `${node.path ?? ''}[${i}]`, resourceRoot: t['x-kubernetes-embedded-resource'] === true }, out));
    return;
  }
  if (typeof value !== 'object') return;
  const ruleProps = rules.properties as Record<string, StructuralSchema> | undefined;
  const typeProps = types.properties as Record<string, StructuralSchema> | undefined;
  const [ra, ta] = [rules.additionalProperties, types.additionalProperties];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const pointer = `${node.pointer}/${escapeSegment(k)}`;
    const r = ruleProps?.[k];
    const t = typeProps?.[k];
    if (r && t) walk({ value: v, rules: r, types: t, pointer, path: node.path === undefined ? k : `${node.path}.${k}`, resourceRoot: t['x-kubernetes-embedded-resource'] === true }, out);
    if (isSchema(ra) && isSchema(ta)) walk({ value: v, rules: ra, types: ta, pointer, path: `${node.path ?? ''}[${k}]`, resourceRoot: ta['x-kubernetes-embedded-resource'] === true }, out);
  }
}

function evaluateRule(rule: ValidationRule, self: unknown, node: Node): SchemaFinding | undefined {
  if (typeof rule?.rule !== 'string' || rule.rule.trim() === '') return undefined;
  const compiled = compileCel(rule.rule, CEL_VARIABLES);
  // A rule that does not compile makes the CRD invalid-crd (cel-crd.ts); nothing to evaluate.
  if ('error' in compiled) return undefined;
  const { program } = compiled;
  if (!['bool', 'dyn'].includes(program.type) || undefinedField(program.ast, rule.rule, node.types, node.resourceRoot)) return undefined;
  // Transition rules run only against a stored object, which an offline check never has
  // (a create, for the API server); optionalOldSelf rules run with oldSelf = optional.none().
  if (program.variables.has('oldSelf') && rule.optionalOldSelf !== true) return undefined;
  const activation = { self, oldSelf: optionalNone() };
  const type = typeof node.types.type === 'string' ? node.types.type : '';
  const at = node.path ?? '<nil>';
  let result: unknown;
  try {
    result = program.evaluate(activation);
  } catch (err) {
    const message = (err as Error).message;
    const detail = message.startsWith('no such overload')
      ? `'${message}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}`
      : `${message} evaluating rule: ${ruleErrorString(rule)}`;
    return { ruleId: 'validation-rule', message: `${at}: Invalid value: ${JSON.stringify(type)}: ${detail}`, pointer: node.pointer, at: 'key' };
  }
  if (result === true) return undefined;
  let fieldAt = at;
  let pointer = node.pointer;
  const resolved = rule.fieldPath ? resolveFieldPath(rule.fieldPath, node.types) : undefined;
  if (resolved && 'text' in resolved && resolved.text !== '') {
    fieldAt = node.path === undefined ? resolved.text : `${node.path}.${resolved.text}`;
    pointer = [node.pointer, ...resolved.segments].join('/');
  }
  const detail = messageFromExpression(rule, activation) ?? ruleMessageOrDefault(rule);
  return { ruleId: 'validation-rule', message: fieldError(fieldAt, type, detail, rule.reason), pointer, at: 'key' };
}

/** fieldErrorForReason: the reason picks the field error's type. */
function fieldError(at: string, type: string, detail: string, reason: string | undefined): string {
  switch (reason) {
    case 'FieldValueForbidden':
      return `${at}: Forbidden: ${detail}`;
    case 'FieldValueRequired':
      return `${at}: Required value: ${detail}`;
    case 'FieldValueDuplicate':
      return `${at}: Duplicate value: ${JSON.stringify(type)}`;
    default:
      return `${at}: Invalid value: ${JSON.stringify(type)}: ${detail}`;
  }
}

/** evalMessageExpression: a non-empty, one-line string of at most 5 KiB, or the rule's message instead. */
function messageFromExpression(rule: ValidationRule, activation: Record<string, unknown>): string | undefined {
  if (!rule.messageExpression) return undefined;
  const compiled = compileCel(rule.messageExpression, CEL_VARIABLES);
  if ('error' in compiled) return undefined;
  try {
    const value = compiled.program.evaluate(activation);
    if (typeof value !== 'string') return undefined;
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.includes('\n') || Buffer.byteLength(trimmed) > MAX_MESSAGE_BYTES) return undefined;
    return trimmed;
  } catch {
    return undefined;
  }
}

const ruleMessageOrDefault = (rule: ValidationRule) => (rule.message ? rule.message.trim() : `failed rule: ${ruleErrorString(rule)}`);

const ruleErrorString = (rule: ValidationRule) => (rule.message ? rule.message.trim() : (rule.rule ?? '').trim());

const isSchema = (v: unknown): v is StructuralSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

const withRules = new WeakMap<object, boolean>();

/** Whether a schema or anything under it declares x-kubernetes-validations (cached: schemas are shared). */
export function hasValidationRules(schema: StructuralSchema): boolean {
  let found = withRules.get(schema);
  if (found === undefined) {
    withRules.set(schema, false); // a schema that contains itself (YAML aliases) ends here
    found = Array.isArray(schema['x-kubernetes-validations']) && (schema['x-kubernetes-validations'] as unknown[]).length > 0;
    const children = [schema.items, schema.additionalProperties, ...Object.values((schema.properties as object | undefined) ?? {}), ...((schema.allOf as unknown[] | undefined) ?? [])];
    for (const child of children) if (!found && isSchema(child)) found = hasValidationRules(child);
    withRules.set(schema, found);
  }
  return found;
}
