/**
 * Patterns as the API server reads them. kube-openapi checks `pattern` with Go's regexp package
 * (pkg/validation/validate/values.go: Pattern compiles with regexp.Compile and accepts when
 * MatchString finds a match anywhere, unanchored), and apiextensions-apiserver refuses a CRD whose
 * pattern Go cannot compile (pkg/apiserver/schema/validation.go). So `(?i)`, `(?P<n>…)`, `\z`,
 * `\pL`, `[[:alpha:]]`, `\:` and a literal `a{,3}` mean here what they mean to Go, and lookbehind
 * or backreferences are errors, as in Go.
 *
 * The engine is re2js, a JavaScript port of RE2/J, which is a port of Go's regexp: its parser has
 * Go's syntax and Go's error texts (`error parsing regexp: invalid escape sequence: `\Z``), which
 * a hand-written translation to JavaScript regexes could only approximate, and it matches in
 * linear time, so a hostile pattern cannot stall a run. It is loaded on first use: the built-in
 * kinds' schemas hold no pattern, so a run without CRD patterns never pays for it.
 */
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

const require = createRequire(import.meta.url);
let engine: typeof RE2JSClass | undefined;
const compiled = new Map<string, GoPattern | string>();

export interface GoPattern {
  test(text: string): boolean;
  toString(): string;
}

/** Go's compile error for `pattern` (`error parsing regexp: ...`), or undefined when Go accepts it. */
export function goRegexpError(pattern: string): string | undefined {
  const found = compile(pattern);
  return typeof found === 'string' ? found : undefined;
}

/** A compiled Go pattern; throws Go's error text for a pattern Go refuses. */
export function goPattern(pattern: string): GoPattern {
  const found = compile(pattern);
  if (typeof found === 'string') throw new Error(found);
  return found;
}

function compile(pattern: string): GoPattern | string {
  let found = compiled.get(pattern);
  if (found === undefined) {
    engine ??= (require('re2js') as typeof import('re2js')).RE2JS;
    try {
      // Flags 0: Go's defaults (Perl classes and flags, `^`/`$` at text ends, `.` not newline).
      const re = engine.compile(pattern, 0);
      found = { test: (text: string) => re.test(text), toString: () => pattern };
    } catch (err) {
      found = (err as Error).message;
    }
    compiled.set(pattern, found);
  }
  return found;
}

/**
 * The engine in the shape of ajv's `code.regExp` option. `code` is how ajv's standalone validators
 * (compiled/<version>/<kind>.cjs, scripts/compile-validators.mjs) reach it: a require relative to
 * such a module, which sits two folders below the package root, beside dist/.
 */
export const goRegExpEngine = Object.assign((pattern: string) => goPattern(pattern), {
  code: 'require("../../dist/schema/go-regexp.js").goRegExpEngine',
});
