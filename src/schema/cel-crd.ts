/**
 * The CRD side of CEL rules: every x-kubernetes-validations rule and messageExpression of a
 * served version must compile, as the API server requires before it accepts the CRD
 * (k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go: "compilation
 * failed: ..."). Transition rules get an info note: they compare with the stored object, which
 * an offline check does not have.
 */
import { compileCel, type StructuralSchema } from '../cel/index.js';
import { escapeSegment } from '../core/index.js';
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
  if (version.raw && hasValidationRules(version.raw)) visit(version.raw, version.pointer, `spec.versions[${versionIndex}].schema.openAPIV3Schema`, out);
  return out;
}

function visit(schema: StructuralSchema, pointer: string, path: string, out: CrdRuleFinding[]): void {
  if (!hasValidationRules(schema)) return;
  const rules = schema['x-kubernetes-validations'];
  if (Array.isArray(rules)) rules.forEach((rule: ValidationRule, i) => checkRule(rule, `${pointer}/x-kubernetes-validations/${i}`, `${path}.x-kubernetes-validations[${i}]`, out));
  const child = (v: unknown, p: string, f: string) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) visit(v as StructuralSchema, p, f, out);
  };
  for (const [k, v] of Object.entries((schema.properties as Record<string, unknown> | undefined) ?? {})) child(v, `${pointer}/properties/${escapeSegment(k)}`, `${path}.properties[${k}]`);
  child(schema.items, `${pointer}/items`, `${path}.items`);
  child(schema.additionalProperties, `${pointer}/additionalProperties`, `${path}.additionalProperties`);
  ((schema.allOf as unknown[] | undefined) ?? []).forEach((v, i) => child(v, `${pointer}/allOf/${i}`, `${path}.allOf[${i}]`));
}

function checkRule(rule: ValidationRule, pointer: string, path: string, out: CrdRuleFinding[]): void {
  if (typeof rule?.rule !== 'string' || rule.rule.trim() === '') return;
  // The API server prints the whole ValidationRule struct as the bad value; the rule's text says the same more readably.
  const bad = JSON.stringify(rule.rule);
  const compiled = compileCel(rule.rule, CEL_VARIABLES);
  if ('error' in compiled) {
    out.push({ ruleId: 'invalid-crd', severity: 'error', message: `${path}.rule: Invalid value: ${bad}: compilation failed: ${compiled.error}`, pointer: `${pointer}/rule` });
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
    }
  }
}
