/**
 * Optional values compared with null. cel-go's checker accepts `opt == null` (the API server
 * admitted Gateway API's XBackend rule `format.dns1123Label().validate(self) == null`), and its
 * Optional.Equal (common/types/optional.go) answers false for anything that is not an optional,
 * so the comparison is always false, and `!= null` always true, whatever the optional holds.
 */
import type { Environment, Optional } from '@marcbachmann/cel-js';
import { optionalNone, optionalOf } from '../engine.js';
import { celError } from '../errors.js';
import type { Checker, Ctx, Evaluator, MacroNode } from './comprehensions.js';

export function registerOptionalNull(env: Environment): void {
  env.registerOperator('optional == null', () => false);
}

/**
 * The rest of cel-go's optional library that cel-js lacks: optional.ofNonZeroValue(v), and the
 * macros opt.optMap(x, expr) (optional.of(expr) with x bound to the value, or none) and
 * opt.optFlatMap(x, expr) (expr itself, which must be an optional).
 */
export function registerOptionalExtras(env: Environment): void {
  env.registerFunction('OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>', (_: unknown, v: unknown) => (isZero(v) ? optionalNone() : optionalOf(v)));
  for (const [name, flat] of [['optMap', false], ['optFlatMap', true]] as const) {
    env.registerFunction(`dyn.${name}(ast, ast): optional<dyn>`, (({ args, receiver }: { args: MacroNode[]; receiver: MacroNode }) => {
      if (args[0]!.op !== 'id') throw celError(`${name}() variable name must be a simple identifier`);
      const macro = { receiver, name: args[0]!.args as string, body: args[1]!, scope: undefined as Ctx | undefined };
      return {
        ...macro,
        typeCheck(checker: Checker, m: typeof macro, ctx: Ctx) {
          checker.check(m.receiver, ctx);
          m.scope = ctx.forkWithVariable(m.name, checker.getType('dyn'));
          checker.check(m.body, m.scope);
          return checker.getType('dyn');
        },
        evaluate(ev: Evaluator, m: typeof macro, ctx: Ctx) {
          const opt = ev.run(m.receiver, ctx) as Optional<unknown>;
          if (!opt.hasValue()) return optionalNone();
          const result = ev.run(m.body, m.scope!.reuse(ctx).setIterValue(opt.value(), ev));
          return flat ? result : optionalOf(result);
        },
      };
    }) as never);
  }
}

/** cel-go's zero values: 0, 0.0, '', false, null, empty bytes, list and map. */
function isZero(v: unknown): boolean {
  if (v === null || v === false || v === 0n || v === 0 || v === '') return true;
  if (Array.isArray(v) || v instanceof Uint8Array) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  return typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype && Object.keys(v).length === 0;
}
