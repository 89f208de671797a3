/**
 * Compile once, evaluate many: every expression is parsed and checked once per process (per set
 * of variables), and its program is kept for every resource it applies to.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { celEnvironment } from './environment.js';
import { runtimeMessage } from './errors.js';
import { issue } from './compile-errors.js';
import { rewriteHas } from './has-rewrite.js';
import { walk } from './ast.js';
import { RE2_MATCHES, rewriteMatches } from './matches-rewrite.js';
import { compileRe2 } from './re2.js';

export interface CelProgram {
  readonly source: string;
  /** Names of the variables the expression reads (e.g. to tell transition rules by `oldSelf`). */
  readonly variables: ReadonlySet<string>;
  /** The expression as parsed, before any rewrite: its ranges are offsets into `source`. */
  readonly ast: ASTNode;
  /** The result type the checker found: 'bool', 'string', 'dyn' (unknown until it runs)... */
  readonly type: string;
  /** The value, or a thrown CelEvaluationError. */
  evaluate(activation: Record<string, unknown>): unknown;
}

/**
 * A compile error; `unsupported` when the expression is valid CEL that this engine cannot read
 * (optional list and map entries, `[?x]` and `{?k: v}`): then it is not the CRD's fault.
 */
export type Compiled = { program: CelProgram } | { error: string; unsupported?: string };

export class CelEvaluationError extends Error {
  override readonly name = 'CelEvaluationError';
}

const cache = new Map<string, Compiled>();

export function compileCel(source: string, variables: readonly string[]): Compiled {
  const key = `${variables.join(',')}\u0000${source}`;
  let found = cache.get(key);
  if (!found) {
    found = compileUncached(source, variables);
    cache.set(key, found);
  }
  return found;
}

function compileUncached(source: string, variables: readonly string[]): Compiled {
  const env = celEnvironment(variables);
  let parsed: ReturnType<typeof env.parse>;
  let sourceAst: ASTNode;
  try {
    parsed = env.parse(source);
    sourceAst = parsed.ast;
    const literalError = badLiteral(source, parsed.ast, env);
    if (literalError) return { error: literalError };
    // Each rewrite re-parses only when it changed something (most rules need neither).
    const withHas = rewriteHas(source, env, parsed.ast);
    if (withHas !== source) parsed = env.parse(withHas);
    const withRe2 = rewriteMatches(withHas, parsed.ast);
    if (withRe2 !== withHas) parsed = env.parse(withRe2);
  } catch (err) {
    const error = issue(source, err);
    // cel-js's parser has no optional entries; cel-go (cel.OptionalTypes, on in the API server) has.
    if (/Unexpected token: QUESTION$/.test(error) && /[[{,]\s*\?/.test(source)) return { error, unsupported: 'optional list or map entries ([?x], {?k: v})' };
    return { error };
  }
  const checked = parsed.check();
  if (!checked.valid) {
    const error = issue(source, checked.error, env);
    // The image library (k8s.io/apiserver/pkg/cel/library/image.go, base environment since 1.33)
    // follows go-containerregistry's reference grammar, which is not ported here.
    if (/undeclared reference to '(image|isImage)'/.test(error)) return { error, unsupported: 'the image library (image(), isImage())' };
    return { error };
  }
  const used = new Set<string>();
  walk(parsed.ast, (n) => {
    if (n.op === 'id' && variables.includes(n.args)) used.add(n.args);
  });
  return {
    program: {
      source,
      variables: used,
      ast: sourceAst,
      type: checked.type ?? 'dyn',
      evaluate(activation) {
        try {
          return parsed(activation);
        } catch (err) {
          throw new CelEvaluationError(runtimeMessage(err).replaceAll(`${RE2_MATCHES}(`, 'matches('));
        }
      },
    },
  };
}

/**
 * The API server's AST validators (cel-go ExtendedValidations, on since 1.29: base.go): a constant
 * argument of `.matches(...)`, `duration(...)` or `timestamp(...)` must be valid, or the rule does
 * not compile: "invalid matches argument" (cel-go checker/validator.go, formatValidator).
 */
function badLiteral(source: string, ast: ASTNode, env: ReturnType<typeof celEnvironment>): string | undefined {
  let error: string | undefined;
  walk(ast, (n) => {
    if (error) return;
    let name: string | undefined;
    let arg: ASTNode | undefined;
    if (n.op === 'rcall' && n.args[0] === 'matches') [name, arg] = ['matches', n.args[2][0]];
    else if (n.op === 'call' && (n.args[0] === 'duration' || n.args[0] === 'timestamp')) [name, arg] = [n.args[0], n.args[1][0]];
    if (!name || arg?.op !== 'value' || typeof arg.args !== 'string') return;
    if (name === 'matches' ? compileRe2(arg.args) instanceof Error : !evaluates(env, `${name}(${JSON.stringify(arg.args)})`)) {
      error = issue(source, { message: `invalid ${name} argument`, range: arg.range });
    }
  });
  return error;
}

function evaluates(env: ReturnType<typeof celEnvironment>, expr: string): boolean {
  try {
    env.evaluate(expr, {});
    return true;
  } catch {
    return false;
  }
}
