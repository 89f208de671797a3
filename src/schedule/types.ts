/** The scheduler's model: nodes with what they offer, pods with what they ask, and where pods went. */
import type { Resource } from '../core/index.js';
import type { PreemptionPolicy } from './priority.js';
import type { PodClaim } from './volumes/binder.js';

/**
 * Amounts as kube-scheduler counts them: cpu in millicores, everything else in whole units
 * (bytes, pods, devices). Numbers, not bigints: the hot loop compares millions of them, and
 * every real amount is far below 2^53.
 */
export type Amounts = Map<string, number>;

export interface Taint {
  key: string;
  value: string;
  effect: string;
}

export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface SchedNode {
  name: string;
  labels: Record<string, string>;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Amounts;
  /** Where the node was declared (a Node, or the NodePool it came from). */
  source: Resource;
  /** The pool it belongs to, for NodePool nodes. */
  pool?: string;
  /** Attach limits by CSI driver, from the node's CSINode in the inventory. */
  csiLimits?: Map<string, number>;
}

export interface HostPort {
  hostIP: string;
  protocol: string;
  port: number;
}

export interface Owner {
  kind: string;
  name: string;
}

export interface SchedPod {
  namespace: string;
  name: string;
  owner: Owner;
  /** The workload (or Pod) the pod comes from: diagnostics point at it. */
  workload: Resource;
  labels: Record<string, string>;
  spec: Record<string, unknown>;
  /** What the pod reserves (PodRequests). */
  requests: Amounts;
  /** Requests with kube-scheduler's non-zero defaults (100m cpu, 200MB memory), for scoring only. */
  scoringRequests: Amounts;
  hostPorts: HostPort[];
  /** The PersistentVolumeClaims the pod's volumes name (a StatefulSet replica's own among them); [] for most pods. */
  volumeClaims: readonly PodClaim[];
  tolerations: Toleration[];
  /** A DaemonSet pod is pinned to this node (required node affinity on metadata.name). */
  targetNode?: string;
  /** spec.nodeName: bound without scheduling. */
  nodeName?: string;
  /** StatefulSet ordinal, for OrderedReady. */
  ordinal?: number;
  /** spec.priority as the Priority admission plugin sets it (priority.ts); 0 when unset. */
  priority?: number;
  /** From the pod's PriorityClass; PreemptLowerPriority when unset. */
  preemptionPolicy?: PreemptionPolicy;
}

export interface Placement {
  pod: SchedPod;
  node: string | null;
  /** kube-scheduler's FitError text when the pod fits nowhere. */
  message: string | null;
  /** For a workload's first pending pod (and the replicas that share its answer): where the fix goes. */
  explanation?: { pointer: string; detail: string };
  /**
   * The same FitError with DefaultPreemption's sentence (`preemption: ...`) appended, as
   * kube-scheduler's event and pod condition say it: set on pending pods only.
   */
  messageWithPreemption?: string;
  /** The pod found no node, then room by preempting lower-priority pods: it runs on `node` once they are gone. */
  preemption?: Preemption;
  /** The pod was evicted by a preemptor; `node` and `message` say where its replacement went. */
  evictedBy?: { pod: SchedPod; node: string; remade: boolean };
}

export interface Preemption {
  node: string;
  /** The pods evicted, most important first (priority, then start). */
  victims: SchedPod[];
  /** How many victims' evictions exceed a PodDisruptionBudget's allowance. */
  pdbViolations: number;
  /** The FitError that sent the pod to preemption. */
  message: string;
}
