/**
 * Counts per topology domain (a topology key and one of its values), kept in arrays by domain
 * number: the affinity plugins read them for every node the search visits, and an array read
 * by node index is far cheaper than building a `key=value` string and looking it up.
 */
import type { Domains } from './domains.js';
import type { NodeInfo } from './node-info.js';

export interface KeyCounts {
  domains: Domains;
  /** By domain number. */
  counts: Float64Array;
}

export class TopologyCounts {
  readonly byKey = new Map<string, KeyCounts>();
  /** Whether anything was counted (a node with the topology key got a count). */
  touched = false;

  constructor(private readonly domainsOf: (key: string) => Domains) {}

  /**
   * Adds `weight` for each pod of a group to its node's domain; a node without the key is in
   * no domain. (Map.forEach, as it makes no entry arrays.)
   */
  addGroup(key: string, nodes: ReadonlyMap<NodeInfo, number>, weight: number): void {
    const { domains, counts } = this.entry(key);
    nodes.forEach((n, node) => {
      if (domains.present[node.index] === 0) return;
      this.touched = true;
      counts[domains.ids[node.index]!]! += weight * n;
    });
  }

  entry(key: string): KeyCounts {
    let entry = this.byKey.get(key);
    if (!entry) {
      const domains = this.domainsOf(key);
      this.byKey.set(key, (entry = { domains, counts: new Float64Array(domains.values.length) }));
    }
    return entry;
  }
}

/** The count of the node's domain, or undefined when the node does not have the key. */
export function countAt(entry: KeyCounts, node: NodeInfo): number | undefined {
  return entry.domains.present[node.index] === 0 ? undefined : entry.counts[entry.domains.ids[node.index]!]!;
}
