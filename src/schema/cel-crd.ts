/**
 * The CRD side of CEL rules: every x-kubernetes-validations rule and messageExpression of a
 * served version must compile, as the API server requires before it accepts the CRD
 * (k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go: "compilation
 * failed: ..."). Transition rules get an info note: they compare with the stored object, which
 * an offline check does not have.
 */
import { compileCel, type StructuralSchema } from '../cel/index.js';
import { escapeSegment } from '../core/index.js';
import { resolveFieldPath } from './cel-field-path.js';
import { undefinedField } from './cel-fields.js';
import { CEL_VARIABLES, hasValidationRules, type ValidationRule } from './cel-rules.js';
import type { CrdVersion } from './crd.js';

export interface CrdRuleFinding {
  ruleId: 'invalid-crd' | 'validation-rule';
  severity: 'error' | 'info';
  message: string;
  pointer: string;
}

export function crdRuleFindings(version: CrdVersion, versionIndex: number): CrdRuleFinding[] {
  const out: CrdRuleFinding[] = [];
  if (version.raw && hasValidationRules(version.raw)) visit(version.raw, { schema: version.raw, root: true }, version.pointer, `spec.versions[${versionIndex}].schema.openAPIV3Schema`, out);
  return out;
}

/** The schema that types `self` where a rule sits: the node's own, or under allOf its parent's. */
interface Types {
  schema: StructuralSchema;
  root: boolean;
}

function visit(schema: StructuralSchema, types: Types, pointer: string, path: string, out: CrdRuleFinding[]): void {
  if (!hasValidationRules(schema)) return;
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) rules.forEach((rule: ValidationRule, i) => checkRule(rule, types, `${pointer}/x-kubernetes-validations/${i}`, `${path}.x-kubernetes-validations[${i}]`, out));
  const child = (v: unknown, t: unknown, p: string, f: string) => {
    if (!isSchema(v)) return;
    const typed = isSchema(t) ? t : v;
    visit(v, { schema: typed, root: typed['x-kubernetes-embedded-resource'] === true }, p, f, out);
  };
  const typeProps = types.schema.properties as Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries((schema.properties as Record<string, unknown> | undefined) ?? {})) child(v, typeProps?.[k], `${pointer}/properties/${escapeSegment(k)}`, `${path}.properties[${k}]`);
  child(schema.items, types.schema.items, `${pointer}/items`, `${path}.items`);
  child(schema.additionalProperties, types.schema.additionalProperties, `${pointer}/additionalProperties`, `${path}.additionalProperties`);
  ((schema.allOf as unknown[] | undefined) ?? []).forEach((v, i) => {
    if (isSchema(v)) visit(v, types, `${pointer}/allOf/${i}`, `${path}.allOf[${i}]`, out);
  });
}

const isSchema = (v: unknown): v is StructuralSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkRule(rule: ValidationRule, types: Types, pointer: string, path: string, out: CrdRuleFinding[]): void {
  if (typeof rule !== 'object' || rule === null) return;
  const shape = shapeErrors(rule, types.schema, pointer, path);
  for (const f of shape) out.push(f);
  // As there, a rule whose fields are wrong is not compiled.
  if (shape.length > 0 || typeof rule.rule !== 'string' || rule.rule.trim() === '') return;
  // The API server prints the whole ValidationRule struct as the bad value; the rule's text says the same more readably.
  const bad = JSON.stringify(rule.rule);
  const compiled = compileCel(rule.rule, CEL_VARIABLES);
  if ('unsupported' in compiled && compiled.unsupported) {
    const message = `${path}.rule: rule not checked: kubeproof's CEL engine cannot read ${compiled.unsupported} yet`;
    out.push({ ruleId: 'validation-rule', severity: 'info', message, pointer: `${pointer}/rule` });
    return;
  }
  const error = 'error' in compiled ? compiled.error : undefinedField(compiled.program.ast, rule.rule, types.schema, types.root);
  if (error !== undefined || 'error' in compiled) {
    out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.rule: Invalid value: ${bad}: compilation failed: ${error}`, pointer: `${pointer}/rule` });
  } else if (!['bool', 'dyn'].includes(compiled.program.type)) {
    // compilation.go: the checked type must be bool (a dyn result is judged when it runs).
    out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.rule: Invalid value: ${bad}: cel expression must evaluate to a bool`, pointer: `${pointer}/rule` });
  } else if (compiled.program.variables.has('oldSelf') && rule.optionalOldSelf !== true) {
    out.push({
      ruleId: 'validation-rule',
      severity: 'info',
      message: `${path}.rule: transition rule not checked: it compares with oldSelf, the stored object, which an offline check does not have (the API server skips it on create too)`,
      pointer: `${pointer}/rule`,
    });
  }
  if (typeof rule.messageExpression === 'string' && rule.messageExpression !== '') {
    const message = compileCel(rule.messageExpression, CEL_VARIABLES);
    if ('error' in message) {
      out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.messageExpression: Invalid value: ${bad}: messageExpression compilation failed: ${message.error}`, pointer: `${pointer}/messageExpression` });
    } else if (!['string', 'dyn'].includes(message.program.type)) {
      out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.messageExpression: Invalid value: ${bad}: messageExpression must evaluate to a string`, pointer: `${pointer}/messageExpression` });
    }
  }
}

const REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];
const NEWLINES = /[\n\r]+/;

/**
 * The API server's checks of a rule's other fields (apiextensions validation.go, before it
 * compiles anything): message, messageExpression, reason and fieldPath.
 */
function shapeErrors(rule: ValidationRule, schema: StructuralSchema, pointer: string, path: string): CrdRuleFinding[] {
  const out: CrdRuleFinding[] = [];
  const err = (field: string, message: string) => out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.${field}: ${message}`, pointer: `${pointer}/${field}` });
  const ruleText = typeof rule.rule === 'string' ? rule.rule.trim() : '';
  const message = typeof rule.message === 'string' ? rule.message : '';
  if (ruleText === '') err('rule', 'Required value: rule is not specified');
  else if (message.length > 0 && message.trim() === '') err('message', `Invalid value: ${JSON.stringify(message)}: message must be non-empty if specified`);
  else if (message.length > 2048) err('message', `Invalid value: ${JSON.stringify(message.slice(0, 10) + '...')}: message must have a maximum length of 2048 characters`);
  else if (NEWLINES.test(message.trim())) err('message', `Invalid value: ${JSON.stringify(message)}: message must not contain line breaks`);
  else if (NEWLINES.test(ruleText) && message.trim() === '') err('message', 'Required value: message must be specified if rule contains line breaks');
  if (typeof rule.messageExpression === 'string' && rule.messageExpression.length > 0 && rule.messageExpression.trim() === '') {
    err('messageExpression', 'Required value: messageExpression must be non-empty if specified');
  }
  if (rule.reason !== undefined && !REASONS.includes(rule.reason)) {
    err('reason', `Unsupported value: ${JSON.stringify(rule.reason)}: supported values: ${REASONS.map((r) => JSON.stringify(r)).join(', ')}`);
  }
  if (typeof rule.fieldPath === 'string' && rule.fieldPath.length > 0) {
    const fp = JSON.stringify(rule.fieldPath);
    if (rule.fieldPath.trim() === '') err('fieldPath', `Invalid value: ${fp}: fieldPath must be non-empty if specified`);
    if (NEWLINES.test(rule.fieldPath)) err('fieldPath', `Invalid value: ${fp}: fieldPath must not contain line breaks`);
    const resolved = resolveFieldPath(rule.fieldPath, schema);
    if ('error' in resolved) err('fieldPath', `Invalid value: ${fp}: fieldPath must be a valid path: ${resolved.error}`);
  }
  return out;
}
