/**
 * Which nodes preemption may help on. A filter rejects a node with the code Unschedulable (the
 * node may take the pod once pods leave it) or UnschedulableAndUnresolvable (no eviction
 * changes the answer); DefaultPreemption only dry-runs the first kind (findCandidates in
 * pkg/scheduler/framework/preemption/preemption.go, NodesForStatusCode(Unschedulable)). Our
 * filters report reasons, not codes: each plugin's reasons carry its code, as in
 * pkg/scheduler/framework/plugins/<plugin>.
 */
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';

/** Reasons whose plugin returns UnschedulableAndUnresolvable. */
const UNRESOLVABLE_PREFIXES = [
  'node(s) were unschedulable', // NodeUnschedulable
  "node(s) didn't match the requested node name", // NodeName
  'node(s) had untolerated taint', // TaintToleration, both wordings
  "node(s) didn't match Pod's node affinity/selector", // NodeAffinity
  "node(s) didn't satisfy plugin(s) [NodeAffinity]", // NodeAffinity's PreFilter left the node out
  "node(s) didn't match pod topology spread constraints (missing required label)", // PodTopologySpread
  "node(s) didn't match pod affinity rules", // InterPodAffinity: no pod to be near (anti-affinity is resolvable)
  // VolumeBinding: every reason, and PreFilter's refusals (unbound immediate claims, a claim not found)
  "node(s) didn't find available persistent volumes to bind",
  'node(s) had volume node affinity conflict',
  'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)',
  'pod has unbound immediate PersistentVolumeClaims',
  'persistentvolumeclaim "',
  'node(s) had no available volume zone', // VolumeZone
];

/** Whether evicting pods could make the node take the pod. */
export function resolvable(reasons: readonly string[], pod: SchedPod, node: NodeInfo): boolean {
  for (const reason of reasons) {
    if (UNRESOLVABLE_PREFIXES.some((p) => reason.startsWith(p))) return false;
    // NodeResourcesFit (noderesources/fit.go): a request above the node's whole allocatable
    // is unresolvable; one above what is left is not.
    const insufficient = /^Insufficient (.+)$/.exec(reason);
    if (insufficient && (pod.requests.get(insufficient[1]!) ?? 0) > node.allocatable(insufficient[1]!)) return false;
  }
  return true;
}
