/**
 * cel-js runs `s.matches(re)` on JavaScript's RegExp and will not let an environment replace a
 * built-in overload, while CEL (and the API server) mean RE2. So before compiling, each
 * `.matches(` call that the parser found is renamed to RE2_MATCHES, a method of the same length
 * (error columns stay right) registered by libraries/regex.ts. The rename works on the parsed
 * AST's source ranges, never on the raw text, so strings and comments that contain "matches"
 * are left alone.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { walk } from './ast.js';

export const RE2_MATCHES = 'Matches';

export function rewriteMatches(source: string, ast: ASTNode): string {
  const at: number[] = [];
  walk(ast, (node) => {
    if (node.op !== 'rcall' || node.args[0] !== 'matches') return;
    const name = nameAfter(source, node.args[1].range.end);
    if (name !== undefined) at.push(name);
  });
  if (at.length === 0) return source;
  let out = source;
  for (const i of at) out = out.slice(0, i) + RE2_MATCHES + out.slice(i + RE2_MATCHES.length);
  return out;
}

/** Offset of `matches` in `<receiver> . matches (`, skipping blanks and // comments. */
function nameAfter(source: string, from: number): number | undefined {
  let i = skip(source, from);
  if (source[i] !== '.') return undefined;
  i = skip(source, i + 1);
  return source.startsWith('matches', i) ? i : undefined;
}

function skip(s: string, i: number): number {
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (!s.startsWith('//', i)) return i;
    while (i < s.length && s[i] !== '\n') i++;
  }
}
