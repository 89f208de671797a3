/**
 * Measures a document before anything expands it: how many values it holds once every
 * alias is replaced by its anchor. One pass in document order
 * (an alias means the latest anchor of that name before it), each anchor measured once,
 * so a billion-laughs document is refused in microseconds instead of exhausting memory.
 */
import { isAlias, isCollection, isPair, isScalar, type Alias, type Node } from 'yaml';

export interface Expansion {
  /** Nodes as written. */
  written: number;
  /** Nodes after alias expansion. */
  expanded: number;
  /** The alias that expands to the most nodes, if any. */
  largestAlias?: { alias: Alias; size: number };
}

/** Recursive, but only over documents whose depth the CST check has already bounded. */
export function measureExpansion(root: Node | null): Expansion {
  const result: Expansion = { written: 0, expanded: 0 };
  if (!root) return result;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();

  const size = (node: unknown): number => {
    if (node == null) return 0;
    if (isPair(node)) return size(node.key) + size(node.value);
    const n = node as Node;
    if (isAlias(n)) {
      result.written++;
      const target = anchors.get(n.source);
      // An alias inside its own anchor (or to an unknown anchor) is the parser's error to report.
      const s = target ? sizes.get(target) ?? 1 : 1;
      if (!result.largestAlias || s > result.largestAlias.size) result.largestAlias = { alias: n, size: s };
      return s;
    }
    if (n.anchor) anchors.set(n.anchor, n);
    result.written++;
    let total = 1;
    if (isCollection(n)) for (const item of n.items) total += size(item);
    else if (!isScalar(n)) return total;
    if (n.anchor) sizes.set(n, total);
    return total;
  };

  result.expanded = size(root);
  return result;
}

/** Generous for real manifests (which rarely alias at all), fatal for exponential expansion. */
export function isAliasBomb(e: Expansion): boolean {
  return e.expanded > 10 * e.written + 100_000;
}
