/**
 * The order in which kube-scheduler's search visits the nodes: its snapshot's node list, which
 * the cache builds from the node tree (pkg/scheduler/backend/cache/node_tree.go, `list`; the
 * snapshot takes it in cache.go `updateNodeInfoSnapshotList`). The tree keeps the zones in the
 * order their first node was added and each zone's nodes in the order they were added; the
 * list takes one node from each zone in turn, round after round, skipping exhausted zones.
 *
 * Nodes are added as the scheduler's informer lists them from the API server: in name order.
 * So with several zones the list is not in name order, and in a cluster of 100 nodes or more
 * (where the search stops after numFeasibleNodesToFind) the order decides which nodes a pod's
 * search looks at.
 */
import type { SchedNode } from './types.js';

export const BETA_ZONE = 'failure-domain.beta.kubernetes.io/zone';
export const GA_ZONE = 'topology.kubernetes.io/zone';
export const BETA_REGION = 'failure-domain.beta.kubernetes.io/region';
export const GA_REGION = 'topology.kubernetes.io/region';

const own = (labels: Record<string, string>, key: string): string | undefined => (Object.hasOwn(labels, key) ? labels[key] : undefined);

/**
 * The node's failure zone as the node tree keys it (GetZoneKey,
 * k8s.io/component-helpers/node/topology/helpers.go): the beta zone label wins over the GA one
 * when present (even empty), likewise the region; no region and no zone is the zone "".
 */
export function zoneKey(node: SchedNode): string {
  const zone = own(node.labels, BETA_ZONE) ?? own(node.labels, GA_ZONE) ?? '';
  const region = own(node.labels, BETA_REGION) ?? own(node.labels, GA_REGION) ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

/** Positions in `nodes` (given in the order they were added: by name), in the node tree's list order. */
export function nodeTreeOrder(nodes: readonly SchedNode[]): Int32Array {
  const zones = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const key = zoneKey(node);
    const members = zones.get(key);
    if (members) members.push(i);
    else zones.set(key, [i]);
  });
  const trees = [...zones.values()];
  const order = new Int32Array(nodes.length);
  let at = 0;
  for (let round = 0; at < nodes.length; round++) {
    for (const members of trees) if (round < members.length) order[at++] = members[round]!;
  }
  return order;
}
