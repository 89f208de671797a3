/**
 * Indexes over the placed pods that keep the spreading and affinity plugins from scanning
 * every pod for every pod: groups of pods sharing a namespace and a labels object (the
 * replicas of one template share it), and the few pods that carry affinity terms.
 */
import type { PodGroup } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { SchedPod } from './types.js';

export class PodIndex {
  private readonly byNamespace = new Map<string, Map<Record<string, string>, PodGroup>>();
  /** Every group ever made, in creation order; a group whose pods all left stays, empty. */
  readonly groups: PodGroup[] = [];
  readonly affinityPods: { pod: SchedPod; node: NodeInfo }[] = [];

  add(pod: SchedPod, node: NodeInfo): void {
    let ns = this.byNamespace.get(pod.namespace);
    if (!ns) this.byNamespace.set(pod.namespace, (ns = new Map()));
    let group = ns.get(pod.labels);
    if (!group) {
      ns.set(pod.labels, (group = { namespace: pod.namespace, labels: pod.labels, nodes: new Map() }));
      this.groups.push(group);
    }
    group.nodes.set(node, (group.nodes.get(node) ?? 0) + 1);
    if (hasPodAffinity(pod)) this.affinityPods.push({ pod, node });
  }

  remove(pod: SchedPod, node: NodeInfo): void {
    const group = this.byNamespace.get(pod.namespace)?.get(pod.labels);
    const n = group?.nodes.get(node);
    if (group && n !== undefined) {
      if (n <= 1) group.nodes.delete(node);
      else group.nodes.set(node, n - 1);
    }
    const i = this.affinityPods.findIndex((e) => e.pod === pod && e.node === node);
    if (i >= 0) this.affinityPods.splice(i, 1);
  }
}

export function hasPodAffinity(pod: SchedPod): boolean {
  const a = pod.spec.affinity;
  return typeof a === 'object' && a !== null && ((a as Record<string, unknown>).podAffinity !== undefined || (a as Record<string, unknown>).podAntiAffinity !== undefined);
}
