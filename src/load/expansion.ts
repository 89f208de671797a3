/**
 * Measures a document before anything expands it: how many values it holds once every
 * alias is replaced by its anchor. One pass in document order
 * (an alias means the latest anchor of that name before it), each anchor measured once,
 * so a billion-laughs document is refused in microseconds instead of exhausting memory.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair } from 'yaml';

export interface Expansion {
  /** Nodes as written. */
  written: number;
  /** Nodes after alias expansion. */
  expanded: number;
  /** The alias that expands to the most nodes, if any. */
  largestAlias?: { alias: Alias; size: number };
  /**
   * The first node the yaml package would compose but cannot turn into a value (its toJS
   * throws, loops or warns on the console), as kubectl refuses it: an alias inside its own
   * anchor, a merge key (`<<`) whose value is not a mapping, a list or map used as a key.
   */
  invalid?: { node: Node; message: string };
}

/** Recursive, but only over documents whose depth the CST check has already bounded. */
export function measureExpansion(root: Node | null): Expansion {
  const result: Expansion = { written: 0, expanded: 0 };
  if (!root) return result;
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  /** Anchored nodes being measured: an alias to one of them is inside its own anchor. */
  const open = new Set<Node>();
  const invalid = (node: Node, message: string) => void (result.invalid ??= { node, message });
  const resolved = (node: unknown): unknown => (isAlias(node) ? anchors.get(node.source) : node);

  const size = (node: unknown, isKey = false): number => {
    if (node == null) return 0;
    if (isPair(node)) {
      checkPair(node);
      return size(node.key, true) + size(node.value);
    }
    const n = node as Node;
    // `!!merge` (or `<<` so tagged) anywhere but a key would be a JavaScript symbol in the value.
    if (!isKey && isScalar(n) && typeof n.value === 'symbol') invalid(n, 'the merge key << (tag !!merge) can only be a map key');
    if (isAlias(n)) {
      result.written++;
      const target = anchors.get(n.source);
      // An alias to an unknown anchor is left to toJS, which throws a ReferenceError.
      if (target && open.has(target)) invalid(n, 'this alias is inside the anchor it refers to: a value cannot contain itself');
      const s = target ? sizes.get(target) ?? 1 : 1;
      if (!result.largestAlias || s > result.largestAlias.size) result.largestAlias = { alias: n, size: s };
      return s;
    }
    if (n.anchor) anchors.set(n.anchor, n);
    result.written++;
    let total = 1;
    if (n.anchor) open.add(n);
    if (isCollection(n)) for (const item of n.items) total += size(item);
    else if (!isScalar(n)) return total;
    open.delete(n);
    if (n.anchor) sizes.set(n, total);
    return total;
  };

  const checkPair = (pair: Pair): void => {
    const key = pair.key as Node | null;
    if (isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<') {
      // as the yaml package merges: a mapping, or a list whose items are each one (aliases resolved)
      const value = resolved(pair.value);
      for (const source of isSeq(value) ? value.items : [pair.value]) {
        if (isAlias(source) && resolved(source) === undefined) invalid(source, 'Unresolved alias (the anchor must be set before the alias)');
        else if (!isMap(resolved(source))) invalid((source as Node | null) ?? key, 'the value of a merge key (<<) must be a mapping, an alias to one, or a list of those');
      }
    } else if (isCollection(resolved(key))) invalid(key!, 'a map key must be a string or number, not a list or a map (kubectl refuses it)');
  };

  result.expanded = size(root);
  return result;
}

/** Generous for real manifests (which rarely alias at all), fatal for exponential expansion. */
export function isAliasBomb(e: Expansion): boolean {
  return e.expanded > 10 * e.written + 100_000;
}
