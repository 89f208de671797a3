/**
 * JSON pointer -> source spans, read off the yaml package's own nodes.
 * Aliases are followed (a value inside an anchor points at the anchor's text) and
 * merge keys (`<<`) are searched after a mapping's own keys, as YAML merges them.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { parsePointer, START_OF_FILE, type Located, type SourceSpan } from '../core/index.js';

type Range = readonly [number, number, number];

/** Offsets to 1-based line and column: the yaml package's LineCounter, or one shifted to a file's lines. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

interface Step {
  key?: Node;
  value: Node;
}

export class NodeLocator {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly root: Node | null,
    private readonly lineCounter: LinePositions,
    private readonly text: string,
  ) {}

  locate(pointer: string): Located {
    if (!this.root) return { value: START_OF_FILE, exact: pointer === '' };
    let step: Step = { value: this.root };
    let exact = true;
    for (const segment of parsePointer(pointer)) {
      const next = this.child(step.value, segment);
      if (!next) {
        exact = false;
        break;
      }
      step = next;
    }
    const value = this.span(step.value) ?? (step.key && this.span(step.key)) ?? this.emptyItem(step.value) ?? this.span(this.root) ?? START_OF_FILE;
    const located: Located = { value, exact };
    if (step.key) {
      const key = this.span(step.key);
      if (key) located.key = key;
    }
    return located;
  }

  /** The node a pointer names (aliases resolved), or undefined when it does not exist. */
  nodeAt(pointer: string): Node | undefined {
    let node: Node | undefined = this.root ?? undefined;
    for (const segment of parsePointer(pointer)) {
      const next: Step | undefined = node && this.child(node, segment);
      node = next?.value;
    }
    return node && this.resolve(node);
  }

  /** The span of a node; undefined for nodes with no source text (an empty value). */
  span(node: Node): SourceSpan | undefined {
    const range = node.range as Range | null | undefined;
    if (!range || range[1] <= range[0]) return undefined;
    return this.spanOf(range[0], range[1]);
  }

  /** An empty list entry (`-` and nothing after it) has no text of its own: its `-` stands for it. */
  private emptyItem(node: Node): SourceSpan | undefined {
    const range = node.range as Range | null | undefined;
    if (!range) return undefined;
    let i = range[0] - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return this.text[i] === '-' ? this.spanOf(i, i + 1) : undefined;
  }

  spanOf(start: number, end: number): SourceSpan {
    // Block collections end after their trailing line break; an editor range should not.
    while (end > start + 1 && /\s/.test(this.text[end - 1] ?? '')) end--;
    const s = this.lineCounter.linePos(start);
    const e = this.lineCounter.linePos(end);
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  }

  /** Keys of large maps, indexed on first use: 5,000 findings in a map of 5,000 keys scanned it 5,000 times. */
  private readonly keyIndexes = new WeakMap<Pair<Node, Node>[], Map<string, Pair<Node, Node>>>();

  private ownKey(pairs: Pair<Node, Node>[], segment: string): Pair<Node, Node> | undefined {
    const named = (pair: Pair<Node, Node>) => isScalar(pair.key) && typeof pair.key.value !== 'symbol';
    if (pairs.length < 32) return pairs.find((pair) => named(pair) && String((pair.key as Scalar).value) === segment);
    let index = this.keyIndexes.get(pairs);
    if (!index) {
      index = new Map();
      for (const pair of pairs) {
        const key = named(pair) ? String((pair.key as Scalar).value) : undefined;
        if (key !== undefined && !index.has(key)) index.set(key, pair); // the first, as the scan found it
      }
      this.keyIndexes.set(pairs, index);
    }
    return index.get(segment);
  }

  private resolve(node: Node): Node | undefined {
    let current: Node | undefined = node;
    // An alias may point at another alias; a bound guards against a malformed cycle.
    for (let i = 0; i < 64 && current && isAlias(current); i++) current = current.resolve(this.doc) as Node | undefined;
    return current && isAlias(current) ? undefined : current;
  }

  private child(node: Node, segment: string): Step | undefined {
    const target = this.resolve(node);
    if (!target) return undefined;
    if (isMap(target)) return this.entry(target.items as Pair<Node, Node>[], segment, 0);
    if (isSeq(target)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      const item = target.items[Number(segment)] as Node | undefined;
      return item ? { value: item } : undefined;
    }
    return undefined;
  }

  private entry(pairs: Pair<Node, Node>[], segment: string, depth: number): Step | undefined {
    const pair = this.ownKey(pairs, segment);
    if (pair) return pair.value ? { key: pair.key, value: pair.value } : { key: pair.key, value: pair.key };
    if (depth > 16) return undefined;
    for (const pair of pairs) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'symbol' || !pair.value) continue;
      const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value];
      for (const source of sources) {
        const map = this.resolve(source);
        if (map && isMap(map)) {
          const found = this.entry(map.items as Pair<Node, Node>[], segment, depth + 1);
          if (found) return found;
        }
      }
    }
    return undefined;
  }
}
