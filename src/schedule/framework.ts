/**
 * The plugin shapes, after kube-scheduler's framework. A plugin's PreFilter (or PreScore) runs
 * once per pod and returns the per-node check it prepared, or nothing when it has nothing to
 * check for this pod (kube-scheduler's Skip status): the node loop then runs only the checks
 * that matter, with everything pod-specific already worked out.
 */
import type { AffinityTerms } from './affinity-terms.js';
import type { Domains } from './domains.js';
import type { NodeInfo } from './node-info.js';
import type { NamespaceLabels } from './selectors.js';
import type { SchedPod } from './types.js';
import type { Binder } from './volumes/binder.js';

/** Placed pods with the same namespace and labels (one template's replicas), and how many sit on each node. */
export interface PodGroup {
  namespace: string;
  labels: Record<string, string>;
  nodes: Map<NodeInfo, number>;
}

/** Placed pods with affinity terms and the same namespace and spec (one template's replicas), and how many sit on each node. */
export interface AffinityGroup {
  namespace: string;
  terms: AffinityTerms;
  nodes: Map<NodeInfo, number>;
}

/** What one scheduling attempt knows: every node and what is on it. */
export interface Cycle {
  /** Placed pods grouped by namespace and labels: selectors are evaluated once per group, not per pod. */
  groups: readonly PodGroup[];
  /** Placed pods that have pod affinity or anti-affinity terms, grouped by namespace and spec. */
  affinityGroups: readonly AffinityGroup[];
  nodes: readonly NodeInfo[];
  byName: ReadonlyMap<string, NodeInfo>;
  namespaceLabels: NamespaceLabels;
  /** The selector of system default spreading: the pod's Services' and controller's (helper.DefaultSelector). */
  defaultSelector(pod: SchedPod): unknown;
  /** A topology key's domains over `nodes`, numbered (computed once per scheduler). */
  domains(key: string): Domains;
  /** The claims, volumes and classes among the inputs, and which claim is bound to what. */
  volumes: Binder;
}

/** The reasons the node cannot take the pod, or undefined when it can. */
export type NodeFilter = (node: NodeInfo) => readonly string[] | undefined;

export interface FilterPlugin {
  name: string;
  /**
   * The check reads only the node and what the pod's spec (and DaemonSet pin) says, never the
   * placed pods, so its verdict on a node holds for every replica of a template all run long:
   * the scheduler remembers the verdicts of the filters that lead the list with this flag.
   */
  nodeOnly?: boolean;
  /**
   * For a nodeOnly filter: everything of the pod its PreFilter and check read, as plain data.
   * Pods whose node-only filters all read the same share one set of verdicts (one Deployment's
   * pods and another's with the same tolerations and node selector); without it a spec shares
   * its verdicts only with its own replicas.
   */
  reads?(pod: SchedPod): unknown;
  /**
   * The check's verdict on a node depends only on the pod and on the pods placed on that node
   * (resources, host ports): placing a pod changes it on that one node alone. Scheduler.fitsAtLeast
   * relies on it to answer "do n more copies fit" without placing them.
   */
  nodeLocal?: boolean;
  /** PreFilter: the check for each node, or undefined when this pod gives the plugin nothing to check. */
  preFilter(pod: SchedPod, cycle: Cycle): NodeFilter | undefined;
  /**
   * PreFilter's UnschedulableAndUnresolvable message: the pod is refused before any node is
   * looked at, and the FitError says only this (RunPreFilterPlugins stops there).
   */
  preFilterStatus?(pod: SchedPod, cycle: Cycle): string | undefined;
}

/**
 * The feasible nodes' raw scores, before NormalizeScore, written into `scores` by position.
 * One call per plugin scores every node: the per-node work is inlined in the plugin's own
 * loop rather than reached through a call the engine cannot inline.
 */
export type NodeScorer = (feasible: readonly NodeInfo[], scores: Float64Array) => void;

export interface ScorePlugin {
  name: string;
  weight: number;
  /**
   * PreScore over the feasible nodes: the scorer, or undefined to skip the plugin for this pod
   * (kube-scheduler's Skip, or a score that would be the same on every node and so cannot
   * change which node wins).
   */
  preScore(pod: SchedPod, feasible: readonly NodeInfo[], cycle: Cycle): NodeScorer | undefined;
  /** NormalizeScore over all feasible nodes' scores, in place. */
  normalize?(scores: Float64Array): void;
}
