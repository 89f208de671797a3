/**
 * Which fields of a variable an expression reads: every maximal chain of plain field selections
 * (`object.spec.replicas`, `request.userInfo`) that starts at the variable. Policies use it to
 * point a finding at the field a rule is about, and to tell which variables' fields a rule needs.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { joinPointer } from '../core/index.js';

/**
 * The field paths under `root` the expression reads, each as a list of field names; a bare use
 * of `root` (`object == x`, `object['a']`, `object.all(...)` on the root) is the empty path.
 */
export function fieldPaths(ast: ASTNode, root: string): string[][] {
  const out: string[][] = [];
  visit(ast, root, out);
  return out;
}

/**
 * The one field the expression is about, as a JSON pointer: when every read of `root` is the
 * same non-empty path (`object.spec.replicas <= 5`, `has(object.spec.x) && object.spec.x > 1`).
 */
export function singleFieldPointer(ast: ASTNode, root: string): string | undefined {
  const paths = new Set(fieldPaths(ast, root).map((p) => JSON.stringify(p)));
  if (paths.size !== 1) return undefined;
  const only = JSON.parse([...paths][0]!) as string[];
  return only.length === 0 ? undefined : joinPointer(only);
}

function visit(node: ASTNode, root: string, out: string[][]): void {
  if (node.op === '.' || node.op === '.?') {
    const names: string[] = [];
    let base: ASTNode = node;
    while (base.op === '.' || base.op === '.?') {
      names.unshift(base.args[1]);
      base = base.args[0];
    }
    if (base.op === 'id' && base.args === root) out.push(names);
    else visit(base, root, out);
    return;
  }
  if (node.op === 'id') {
    if (node.args === root) out.push([]);
    return;
  }
  if (node.op === 'value') return;
  const children = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(children);
    else if (isNode(v)) visit(v, root, out);
  };
  children(node.args);
}

const isNode = (v: unknown): v is ASTNode => typeof v === 'object' && v !== null && typeof (v as ASTNode).op === 'string' && 'args' in v;
