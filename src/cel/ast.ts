/** Walking cel-js's parsed AST. */
import type { ASTNode } from '@marcbachmann/cel-js';

/** Every node of the AST, depth first. */
export function walk(node: ASTNode, visit: (n: ASTNode) => void): void {
  visit(node);
  const visitAll = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visitAll);
    else if (isNode(v)) walk(v, visit);
  };
  if (Array.isArray(node.args)) visitAll(node.args);
  else if (isNode(node.args)) walk(node.args, visit);
}

const isNode = (v: unknown): v is ASTNode => typeof v === 'object' && v !== null && typeof (v as ASTNode).op === 'string' && 'args' in v;
