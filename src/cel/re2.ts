/**
 * Regular expressions as Go's regexp (RE2) reads them, through re2js: CEL's `matches` and the
 * Kubernetes regex library are specified with RE2 semantics, which JavaScript's RegExp does not
 * have (`(?i)`, `\z`, `[[:alpha:]]`, no backreferences). Each pattern compiles once per process.
 */
import type { RE2JS } from 're2js';
import { re2js } from './engine.js';

const cache = new Map<string, RE2JS | Error>();

/** The compiled pattern, or the error Go's regexp.Compile would give. */
export function compileRe2(pattern: string): RE2JS | Error {
  let found = cache.get(pattern);
  if (!found) {
    try {
      found = re2js().RE2JS.compile(pattern);
    } catch (err) {
      // re2js words its syntax errors as Go does: "error parsing regexp: missing closing ): `(`".
      found = new Error((err as Error).message);
    }
    cache.set(pattern, found);
  }
  return found;
}

/** Like compileRe2, but throws: a bad pattern at run time is an evaluation error, as in cel-go. */
export function re2(pattern: string): RE2JS {
  const found = compileRe2(pattern);
  if (found instanceof Error) throw found;
  return found;
}
