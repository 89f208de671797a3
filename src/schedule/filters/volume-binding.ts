/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and binder.go):
 * PreFilter refuses a pod whose claim does not exist or is an unbound Immediate claim; Filter
 * checks the bound claims' volumes' node affinity on the node, and that each waiting
 * (WaitForFirstConsumer) claim finds a volume there or can be provisioned there.
 */
import { matchesNodeSelectorTerm } from '../match.js';
import type { FilterPlugin } from '../framework.js';
import { sortBySize, volumeFitsNode, type Binder } from '../volumes/binder.js';
import { NO_PROVISIONER, type Claim } from '../volumes/catalog.js';
import type { SchedNode, SchedPod } from '../types.js';

// binder.go's ConflictReasons, byte for byte.
export const BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** PreFilter's reason when a claim of the pod is unbound and not WaitForFirstConsumer. */
export const UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** podHasPVCs: the lister's NotFound error text. */
export const claimNotFound = (name: string) => `persistentvolumeclaim "${name}" not found`;

/** GetPodVolumeClaims: the pod's claims split into bound ones and waiting ones. */
function podVolumeClaims(pod: SchedPod, binder: Binder): { bound: Claim[]; waiting: Claim[] } {
  const bound: Claim[] = [];
  const waiting: Claim[] = [];
  for (const c of pod.volumeClaims) {
    const claim = binder.claim(pod.namespace, c);
    if (!claim) continue;
    (binder.binding(claim) ? bound : waiting).push(claim);
  }
  return { bound, waiting };
}

export const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  preFilterStatus(pod, cycle) {
    if (pod.volumeClaims.length === 0) return undefined;
    for (const c of pod.volumeClaims) if (!cycle.volumes.claim(pod.namespace, c)) return claimNotFound(c.name);
    const { waiting } = podVolumeClaims(pod, cycle.volumes);
    return waiting.some((c) => !cycle.volumes.delayed(c)) ? UNBOUND_IMMEDIATE : undefined;
  },
  preFilter(pod, cycle) {
    if (pod.volumeClaims.length === 0) return undefined;
    const binder = cycle.volumes;
    const { bound, waiting } = podVolumeClaims(pod, binder);
    const sorted = sortBySize(waiting);
    return (node) => {
      const reasons = findPodVolumes(binder, bound, sorted, node.node);
      return reasons.length ? reasons : undefined;
    };
  },
};

/** FindPodVolumes: each check that fails adds its reason, in binder.go's order. */
function findPodVolumes(binder: Binder, bound: readonly Claim[], waiting: readonly Claim[], node: SchedNode): string[] {
  let boundSatisfied = true;
  let pvsFound = true;
  // checkBoundClaims: stops at the first claim whose volume is missing or does not fit the node.
  for (const claim of bound) {
    const b = binder.binding(claim)!;
    if ('missing' in b) {
      pvsFound = false;
      break;
    }
    const terms = 'volume' in b ? b.volume.nodeTerms : b.provisioned;
    if (!volumeFitsNode(terms, node)) {
      boundSatisfied = false;
      break;
    }
  }
  let unboundSatisfied = true;
  const chosen = new Set<string>();
  const toProvision: Claim[] = [];
  for (const claim of waiting) {
    const volume = binder.findMatching(claim, node, chosen);
    if (volume) chosen.add(volume.name);
    else toProvision.push(claim);
  }
  // checkVolumeProvisions: each claim without a volume must be provisionable on the node.
  for (const claim of toProvision) {
    const cls = binder.classOf(claim);
    if (!cls || cls.provisioner === NO_PROVISIONER || !matchesTopology(cls.allowedTopologies, node)) {
      unboundSatisfied = false;
      break;
    }
  }
  const reasons: string[] = [];
  if (!boundSatisfied) reasons.push(NODE_CONFLICT);
  if (!unboundSatisfied) reasons.push(BIND_CONFLICT);
  if (!pvsFound) reasons.push(PV_NOT_EXIST);
  return reasons;
}

/** MatchTopologySelectorTerms (pkg/apis/core/v1/helper): no terms allow every node; else one term's expressions must all hold. */
function matchesTopology(terms: readonly unknown[], node: SchedNode): boolean {
  if (terms.length === 0) return true;
  return terms.some((t) => {
    const exprs = typeof t === 'object' && t !== null && Array.isArray((t as Record<string, unknown>).matchLabelExpressions) ? ((t as Record<string, unknown>).matchLabelExpressions as unknown[]) : [];
    // A label expression is a node selector requirement with the In operator.
    return matchesNodeSelectorTerm({ matchExpressions: exprs.map((e) => ({ ...(e as object), operator: 'In' })) }, node);
  });
}
