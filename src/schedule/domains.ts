/**
 * A topology key's domains over the scheduler's nodes, numbered once: spreading looks up a
 * node's domain for every feasible node of every pod, and an array read by node index is far
 * cheaper than a label lookup followed by a Map lookup by string.
 */
import type { NodeInfo } from './node-info.js';

export interface Domains {
  /** Per node index: its domain's number. A node without the label is in the '' domain, as kube-scheduler's topologyPair puts it. */
  ids: Int32Array;
  /** Per node index: 1 when the node has the label. */
  present: Uint8Array;
  /** Domain values by number. */
  values: string[];
}

export function domainsOf(nodes: readonly NodeInfo[], key: string): Domains {
  const ids = new Int32Array(nodes.length);
  const present = new Uint8Array(nodes.length);
  const numbers = new Map<string, number>();
  const values: string[] = [];
  for (const node of nodes) {
    const has = Object.hasOwn(node.node.labels, key);
    const value = has ? node.node.labels[key]! : '';
    let id = numbers.get(value);
    if (id === undefined) {
      numbers.set(value, (id = values.length));
      values.push(value);
    }
    ids[node.index] = id;
    present[node.index] = has ? 1 : 0;
  }
  return { ids, present, values };
}
