/**
 * cel-js accepts has() only on a field chain that starts at a variable (`has(self.a.b)`), while
 * CEL allows any operand: `has(self[0].matches)` is common in CRDs (Gateway API's HTTPRoute).
 * Each such call is rewritten to bind the operand first: `cel.bind(__has0, self[0], has(__has0.matches))`,
 * which evaluates the same way, errors included. Works on the parsed AST's ranges, one call at a
 * time, re-parsing in between, so nested calls come out right.
 */
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { walk } from './ast.js';

const MAX_REWRITES = 1000;

export function rewriteHas(source: string, env: Environment, ast: ASTNode = env.parse(source).ast): string {
  let out = source;
  for (let n = 0; n < MAX_REWRITES; n++) {
    const target = findUnboundHas(n === 0 ? ast : env.parse(out).ast);
    if (!target) return out;
    const { call, base } = target;
    const name = `__has${n}`;
    const rest = out.slice(base.range.end, call.args[1][0]!.range.end);
    out = `${out.slice(0, call.range.start)}cel.bind(${name}, ${out.slice(base.range.start, base.range.end)}, has(${name}${rest}))${out.slice(call.range.end)}`;
  }
  return out;
}

function findUnboundHas(ast: ASTNode): { call: Extract<ASTNode, { op: 'call' }>; base: ASTNode } | undefined {
  let found: { call: Extract<ASTNode, { op: 'call' }>; base: ASTNode } | undefined;
  walk(ast, (node) => {
    if (found || node.op !== 'call' || node.args[0] !== 'has' || node.args[1].length !== 1) return;
    let base = node.args[1][0]!;
    if (base.op !== '.' && base.op !== '.?') return;
    while (base.op === '.' || base.op === '.?') base = base.args[0];
    if (base.op !== 'id') found = { call: node, base };
  });
  return found;
}
