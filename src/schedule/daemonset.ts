/**
 * DaemonSet pods, as the DaemonSet controller makes them: one for every node that passes the
 * pod's node selection and whose NoSchedule/NoExecute taints the pod tolerates, with the
 * tolerations the controller adds to every daemon pod, each pinned to its node by a required
 * node affinity that replaces the template's (so the scheduler, PodTopologySpread's
 * nodeAffinityPolicy included, sees only that node).
 */
import type { Resource } from '../core/index.js';
import { isMap, namespaceOf, podTemplate } from '../rules/index.js';
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

/**
 * The spec with its required node affinity replaced by `matchFields metadata.name In [node]`,
 * the rest of the affinity and the nodeSelector kept
 * (pkg/controller/daemon/util/daemonset_util.go ReplaceDaemonSetPodNodeNameNodeAffinity).
 */
export function pinnedTo(spec: Record<string, unknown>, nodeName: string): Record<string, unknown> {
  const affinity = isMap(spec.affinity) ? spec.affinity : {};
  const nodeAffinity = isMap(affinity.nodeAffinity) ? affinity.nodeAffinity : {};
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  return { ...spec, affinity: { ...affinity, nodeAffinity: { ...nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required } } };
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
    // Only mappings are tolerations (a null in the list is the schema's to report, as makePod reads them).
    const usable = tolerations.filter(isMap) as Toleration[];
    const pods: SchedPod[] = [];
    for (const node of nodes) {
      // nodeShouldRunDaemonPod: the pod's node selection, and the taints it cannot tolerate.
      if (!matchesRequiredNodeAffinity(spec, node)) continue;
      if (firstUntoleratedTaint(node.taints, usable, ['NoSchedule', 'NoExecute'])) continue;
      // Requests, ports and tolerations come from the shared spec, worked out once for all the pods.
      const pod = makePod(r, { kind: 'DaemonSet', name: r.id.name }, `${r.id.name}-${pods.length}`, namespaceOf(r), t.labels, spec);
      pods.push({ ...pod, spec: pinnedTo(spec, node.name), targetNode: node.name });
    }
    out.push({ workload: r, pods });
  }
  return out;
}
