import { compileCel } from '../../src/cel/compile.js';

/** Evaluates `expr` with `self` bound; a compile or evaluation error comes back as { error }. */
export function run(expr: string, self: unknown = {}): unknown {
  const compiled = compileCel(expr, ['self']);
  if ('error' in compiled) return { compileError: compiled.error };
  try {
    return compiled.program.evaluate({ self });
  } catch (err) {
    return { error: (err as Error).message };
  }
}
