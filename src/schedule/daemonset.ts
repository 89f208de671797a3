/**
 * DaemonSet pods, as the DaemonSet controller makes them: one for every node that passes the
 * pod's node selection and whose NoSchedule/NoExecute taints the pod tolerates, with the
 * tolerations the controller adds to every daemon pod, each pinned to its node.
 */
import type { Resource } from '../core/index.js';
import { namespaceOf, podTemplate } from '../rules/index.js';
import { firstUntoleratedTaint, matchesRequiredNodeAffinity } from './match.js';
import { admit, makePod, runtimeClassesOf } from './pods.js';
import type { SchedNode, SchedPod, Toleration } from './types.js';

/** pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations. */
function daemonTolerations(hostNetwork: boolean): Toleration[] {
  const out: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) out.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return out;
}

export interface DaemonSetPods {
  workload: Resource;
  pods: SchedPod[];
}

export function daemonSetPods(resources: readonly Resource[], nodes: readonly SchedNode[]): DaemonSetPods[] {
  const runtimeClasses = runtimeClassesOf(resources);
  const out: DaemonSetPods[] = [];
  for (const r of resources) {
    if (r.id.kind !== 'DaemonSet') continue;
    const t = podTemplate(r);
    if (!t) continue;
    const admitted = admit(t.spec, runtimeClasses);
    const tolerations = [...(Array.isArray(admitted.tolerations) ? admitted.tolerations : []), ...daemonTolerations(admitted.hostNetwork === true)];
    const spec = { ...admitted, tolerations };
    const pods: SchedPod[] = [];
    for (const node of nodes) {
      // nodeShouldRunDaemonPod: the pod's node selection, and the taints it cannot tolerate.
      if (!matchesRequiredNodeAffinity(spec, node)) continue;
      if (firstUntoleratedTaint(node.taints, tolerations as Toleration[], ['NoSchedule', 'NoExecute'])) continue;
      const pod = makePod(r, { kind: 'DaemonSet', name: r.id.name }, `${r.id.name}-${pods.length}`, namespaceOf(r), t.labels, spec);
      pod.targetNode = node.name;
      pods.push(pod);
    }
    out.push({ workload: r, pods });
  }
  return out;
}
