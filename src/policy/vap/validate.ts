/**
 * One policy, one binding, one param, one object: the decisions of
 * apiserver/pkg/admission/plugin/policy/validating/validator.go. matchConditions first (all
 * must be true; an error denies under failurePolicy Fail, skips the policy under Ignore:
 * webhook/matchconditions/matcher.go), then every validation: true admits, anything else
 * denies with the messageExpression's string, else the message, else "failed expression: ...";
 * an evaluation error denies under Fail and admits under Ignore.
 */
import type { CelProgram } from '../../cel/index.js';
import type { Activation } from './activation.js';
import { unknowable, type CompiledExpression, type CompiledPolicy } from './compile.js';
import type { Validation } from './objects.js';

export interface Decision {
  message: string;
  /** The validation that denied (absent for errors of matchConditions or of the binding). */
  validation?: Validation;
  reason?: string;
}


/** apiserver/pkg/apis/cel: MaxEvaluatedMessageExpressionSizeBytes. */
const MAX_MESSAGE_BYTES = 5 * 1024;

/** The decisions that refuse; expressions reading what is unknown offline are not evaluated (index.ts notes them). */
export function validatePolicy(c: CompiledPolicy, act: Activation): Decision[] {
  const fail = c.policy.failurePolicy !== 'Ignore';
  const errors: string[] = [];
  for (const m of c.matchConditions) {
    if (!m.program || unknowable(m)) return []; // reported as invalid-admission-policy, or noted as unknown offline
    const r = run(m.program, act);
    if ('error' in r) errors.push(r.error);
    else if (r.value === false) return [];
  }
  if (errors.length > 0) {
    // utilerrors.NewAggregate: one error as it is, several as "[a, b]".
    return fail ? [{ message: errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]` }] : [];
  }
  const decisions: Decision[] = [];
  for (const { validation, compiled, message } of c.validations) {
    if (!compiled.program) continue;
    if (unknowable(compiled)) continue;
    const r = run(compiled.program, act);
    if ('error' in r) {
      if (fail) decisions.push({ message: r.error, validation });
      continue;
    }
    if (r.value === true) continue;
    decisions.push({ message: denyMessage(validation, message, act), validation, reason: validation.reason ?? 'Invalid' });
  }
  return decisions;
}

function denyMessage(validation: Validation, message: CompiledExpression | undefined, act: Activation): string {
  let text = '';
  if (message?.program && !unknowable(message)) {
    const r = run(message.program, act);
    // A non-string, blank, over-long or multi-line result falls back to the message.
    if ('value' in r && typeof r.value === 'string') {
      text = r.value.trim();
      if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES || text.includes('\n')) text = '';
    }
  }
  if (text === '' && validation.message) text = validation.message.trim();
  return text === '' ? `failed expression: ${validation.expression.trim()}` : text;
}

/** plugin/cel/condition.go: "expression '%v' resulted in error: %v". */
function run(program: CelProgram, act: Activation): { value: unknown } | { error: string } {
  try {
    return { value: program.evaluate(act) };
  } catch (err) {
    return { error: `expression '${program.source}' resulted in error: ${(err as Error).message}` };
  }
}
