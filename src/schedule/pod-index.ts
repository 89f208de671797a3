/**
 * Indexes over the placed pods that keep the spreading and affinity plugins from scanning
 * every pod for every pod: groups of pods sharing a namespace and a labels object (the
 * replicas of one template share it), and groups of the pods that carry affinity terms,
 * sharing a namespace and a spec (and so their terms).
 */
import { affinityTermsOf } from './affinity-terms.js';
import type { AffinityGroup, PodGroup } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { SchedPod } from './types.js';

/** Groups by namespace, then by an object their pods share. */
class Grouping<G extends { nodes: Map<NodeInfo, number> }> {
  private readonly byNamespace = new Map<string, Map<object, G>>();
  /** Every group ever made, in creation order; a group whose pods all left stays, empty. */
  readonly list: G[] = [];

  constructor(private readonly make: (pod: SchedPod) => G) {}

  add(pod: SchedPod, by: object, node: NodeInfo): void {
    let ns = this.byNamespace.get(pod.namespace);
    if (!ns) this.byNamespace.set(pod.namespace, (ns = new Map()));
    let group = ns.get(by);
    if (!group) {
      ns.set(by, (group = this.make(pod)));
      this.list.push(group);
    }
    group.nodes.set(node, (group.nodes.get(node) ?? 0) + 1);
  }

  remove(pod: SchedPod, by: object, node: NodeInfo): void {
    const group = this.byNamespace.get(pod.namespace)?.get(by);
    const n = group?.nodes.get(node);
    if (!group || n === undefined) return;
    if (n <= 1) group.nodes.delete(node);
    else group.nodes.set(node, n - 1);
  }
}

export class PodIndex {
  private readonly byLabels = new Grouping<PodGroup>((pod) => ({ namespace: pod.namespace, labels: pod.labels, nodes: new Map() }));
  private readonly bySpec = new Grouping<AffinityGroup>((pod) => ({ namespace: pod.namespace, terms: affinityTermsOf(pod.spec), nodes: new Map() }));
  readonly groups: readonly PodGroup[] = this.byLabels.list;
  readonly affinityGroups: readonly AffinityGroup[] = this.bySpec.list;

  add(pod: SchedPod, node: NodeInfo): void {
    this.byLabels.add(pod, pod.labels, node);
    if (hasPodAffinity(pod)) this.bySpec.add(pod, pod.spec, node);
  }

  remove(pod: SchedPod, node: NodeInfo): void {
    this.byLabels.remove(pod, pod.labels, node);
    if (hasPodAffinity(pod)) this.bySpec.remove(pod, pod.spec, node);
  }
}

export function hasPodAffinity(pod: SchedPod): boolean {
  const a = pod.spec.affinity;
  return typeof a === 'object' && a !== null && ((a as Record<string, unknown>).podAffinity !== undefined || (a as Record<string, unknown>).podAntiAffinity !== undefined);
}
