/**
 * A policy's expressions compiled once (the CEL stage caches programs per process), with what
 * each one needs that an offline check does not have: `request.userInfo`, `authorizer`
 * (directly or through a variable), and `oldObject` (null: every input is taken as a CREATE).
 */
import { compileCel, fieldPaths, walkCel, type CelNode, type CelProgram } from '../../cel/index.js';
import type { Expression, Policy } from './objects.js';

/** The variables of a policy's expressions (apiserver/pkg/admission/plugin/cel/compile.go). */
export const VAP_VARIABLES = ['object', 'oldObject', 'params', 'namespaceObject', 'request', 'authorizer', 'variables'];

/**
 * What an expression may name, as validating/plugin.go compilePolicy declares it: `params` only
 * when the policy has a paramKind (HasParams), and no `authorizer` in a messageExpression
 * (its expressionOptionalVars have HasAuthorizer: false). Anything else is an undeclared reference.
 */
function declared(policy: Policy, message: boolean): string[] {
  return VAP_VARIABLES.filter((n) => (n !== 'params' || policy.paramKind !== undefined) && (n !== 'authorizer' || !message));
}

/** What offline evaluation lacks, in the words of the info note. */
export type Offline = 'request.userInfo' | 'authorizer' | 'oldObject';

export interface CompiledExpression extends Expression {
  program?: CelProgram;
  /** cel-go's compile error, when it does not compile. */
  error?: string;
  /** What it reads that offline evaluation does not have (userInfo and authorizer: it is not evaluated). */
  offline: Set<Offline>;
}

export interface CompiledPolicy {
  policy: Policy;
  matchConditions: (CompiledExpression & { name: string })[];
  variables: Map<string, CompiledExpression>;
  validations: { validation: Policy['validations'][number]; compiled: CompiledExpression; message?: CompiledExpression }[];
}

const cache = new WeakMap<Policy, CompiledPolicy>();

export function compilePolicy(policy: Policy): CompiledPolicy {
  let found = cache.get(policy);
  if (found) return found;
  const variables = new Map<string, CompiledExpression>();
  const names = declared(policy, false);
  // Variables may read the ones before them: what a variable lacks, its readers lack too.
  for (const v of policy.variables) variables.set(v.name, compileOne(v, variables, names));
  found = {
    policy,
    variables,
    matchConditions: policy.matchConditions.map((c) => ({ ...compileOne(c, variables, names), name: c.name })),
    validations: policy.validations.map((v) => ({ validation: v, compiled: compileOne(v, variables, names), ...(v.messageExpression && { message: compileOne(v.messageExpression, variables, declared(policy, true)) }) })),
  };
  cache.set(policy, found);
  return found;
}

function compileOne(e: Expression, variables: ReadonlyMap<string, CompiledExpression>, names: readonly string[]): CompiledExpression {
  const compiled = compileCel(e.expression, names);
  if ('error' in compiled) return { ...e, error: compiled.unsupported ? `${compiled.error} (${compiled.unsupported} are not supported offline)` : compiled.error, offline: new Set() };
  const { program } = compiled;
  const undeclared = undeclaredVariable(e.expression, program.ast, variables);
  if (undeclared) return { ...e, error: undeclared, offline: new Set() };
  const offline = new Set<Offline>();
  if (program.variables.has('authorizer')) offline.add('authorizer');
  if (program.variables.has('oldObject')) offline.add('oldObject');
  if (fieldPaths(program.ast, 'request').some((p) => p.length === 0 || p[0] === 'userInfo')) offline.add('request.userInfo');
  for (const [name] of fieldPaths(program.ast, 'variables')) {
    for (const o of (name !== undefined && variables.get(name)?.offline) || []) offline.add(o);
  }
  return { ...e, program, offline };
}

/** An expression that cannot be evaluated offline: it reads the user or asks the authorizer. */
export const unknowable = (e: CompiledExpression) => e.offline.has('authorizer') || e.offline.has('request.userInfo');

/**
 * `variables` is typed with a field for each variable declared before the expression
 * (plugin/cel/composition.go: the composited compiler declares them one by one, in order), so
 * reading an unknown or a later variable does not compile: cel-go's checker says
 * "undefined field 'x'" at the selection's dot. The CEL stage types `variables` as a map, so say it here.
 */
function undeclaredVariable(source: string, ast: CelNode, declared: ReadonlyMap<string, CompiledExpression>): string | undefined {
  let error: string | undefined;
  walkCel(ast, (n) => {
    if (error || (n.op !== '.' && n.op !== '.?')) return;
    const [base, field] = n.args as [CelNode, string];
    if (base.op !== 'id' || base.args !== 'variables' || declared.has(field)) return;
    const dot = source.indexOf('.', base.range?.end ?? 0);
    const before = source.slice(0, dot);
    const line = before.split('\n').length;
    const column = dot - (before.lastIndexOf('\n') + 1) + 1;
    error = `ERROR: <input>:${line}:${column}: undefined field '${field}'`;
  });
  return error;
}
