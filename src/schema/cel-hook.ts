/**
 * Where CEL rules join the schema stage (index.ts): the CRD side (rules that do not compile,
 * notes) and the custom resource side (rules evaluated after the schema's own checks).
 */
import { diagnosticFor, type Diagnostic, type Resource, type Severity } from '../core/index.js';
import type { SchemaNode } from '../openapi/index.js';
import type { SchemaFinding } from './ajv-errors.js';
import { crdRuleFindings } from './cel-crd.js';
import { celRuleFindings, hasValidationRules } from './cel-rules.js';
import type { CrdVersion } from './crd.js';

/** The CEL findings of one served version of a CRD; notes only when the CRD is among the checked resources (not a --crds source). */
export function crdCelDiagnostics(crd: Resource, version: CrdVersion, checked: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    for (const f of crdRuleFindings(version, Number(/\/spec\/versions\/(\d+)\//.exec(version.pointer)?.[1] ?? 0))) {
      if (f.severity === 'info' && !checked) continue;
      out.push(diagnosticFor(crd, { ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: f.pointer }));
    }
  } catch (err) {
    const message = `internal error while compiling the CEL rules of ${version.key}: ${(err as Error).message}`;
    out.push(diagnosticFor(crd, { ruleId: 'internal-error', severity: 'error', message, pointer: version.pointer }));
  }
  return out;
}

/**
 * The API server runs CEL rules only on an object that passed the schema's type, required, enum
 * and size checks (hasBlockingErr in k8s.io/apiextensions-apiserver/pkg/registry/customresource/
 * strategy.go); otherwise it says the rules were not checked. `value` has the CRD's defaults already.
 */
export function runCelRules(value: unknown, rules: SchemaNode, schemaFindings: readonly SchemaFinding[], emit: (f: SchemaFinding & { severity?: Severity }) => void): void {
  if (!hasValidationRules(rules)) return; // most CRDs: no rules, no defaulting pass
  const blocking = schemaFindings.some((f) => BLOCKING.has(f.ruleId) || / Too (long|many): /.test(f.message));
  if (!blocking) {
    for (const f of celRuleFindings(value, rules)) emit(f); // defaults applied before validation (crd-defaults.ts)
  } else {
    const message = '<nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
    emit({ ruleId: 'validation-rule', severity: 'info', message, pointer: '', at: 'key' });
  }
}

const BLOCKING = new Set<string>(['required-field', 'unsupported-value', 'invalid-type']);
