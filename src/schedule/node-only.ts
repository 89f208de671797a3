/**
 * The verdicts of the node-only filters at the head of the filter list (FilterPlugin.nodeOnly)
 * for one pod spec, over every node. They hold for every replica of the template all run
 * long, so the search steps from one node that passes them to the next instead of visiting
 * every node (in large clusters most of the nodes a pod's search passes over are tainted or
 * outside its node selector).
 */
import type { NodeFilter } from './framework.js';
import type { NodeInfo } from './node-info.js';

export class NodeOnlyVerdicts {
  /** By node index: the reasons of the first filter that rejects the node, or null when all pass. */
  readonly reasons: (readonly string[] | null)[];
  /** The positions in the search order of the nodes that pass, ascending. */
  readonly passing: Int32Array;

  /** `order`: the node index at each position of the search order. */
  constructor(nodes: readonly NodeInfo[], checks: readonly NodeFilter[], order: Int32Array) {
    this.reasons = nodes.map((node) => {
      for (const check of checks) {
        const reasons = check(node);
        if (reasons) return reasons;
      }
      return null;
    });
    const passing: number[] = [];
    order.forEach((index, position) => this.reasons[index] === null && passing.push(position));
    this.passing = Int32Array.from(passing);
  }

  /** The place in `passing` of the first node at or after search position `position`; passing.length when there is none. */
  firstFrom(position: number): number {
    let lo = 0;
    let hi = this.passing.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.passing[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
