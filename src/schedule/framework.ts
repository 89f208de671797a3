/** The plugin shapes, after kube-scheduler's framework: a filter rejects a node with reasons; a score ranks the nodes left. */
import type { NodeInfo } from './node-info.js';
import type { NamespaceLabels } from './selectors.js';
import type { SchedPod } from './types.js';

/** Placed pods with the same namespace and labels (one template's replicas), and how many sit on each node. */
export interface PodGroup {
  namespace: string;
  labels: Record<string, string>;
  nodes: Map<NodeInfo, number>;
}

/** What one scheduling attempt knows: every node and what is on it. */
export interface Cycle {
  /** Placed pods grouped by namespace and labels: selectors are evaluated once per group, not per pod. */
  groups: Iterable<PodGroup>;
  /** Placed pods that have pod affinity or anti-affinity terms, with their nodes. */
  affinityPods: Iterable<{ pod: SchedPod; node: NodeInfo }>;
  nodes: readonly NodeInfo[];
  byName: ReadonlyMap<string, NodeInfo>;
  /** Per-plugin state computed once per pod (PreFilter/PreScore). */
  state: Map<string, unknown>;
  namespaceLabels: NamespaceLabels;
  /** The selector of system default spreading: the pod's Services' and controller's (helper.DefaultSelector). */
  defaultSelector(pod: SchedPod): unknown;
}

export interface FilterPlugin {
  name: string;
  /** Once per pod before the node loop (PreFilter). */
  preFilter?(pod: SchedPod, cycle: Cycle): void;
  /** The reasons the node cannot take the pod, or undefined when it can. */
  filter(pod: SchedPod, node: NodeInfo, cycle: Cycle): string[] | undefined;
}

export interface ScorePlugin {
  name: string;
  weight: number;
  /** Once per pod before scoring the feasible nodes (PreScore); false skips the plugin for this pod. */
  preScore?(pod: SchedPod, nodes: readonly NodeInfo[], cycle: Cycle): boolean;
  score(pod: SchedPod, node: NodeInfo, cycle: Cycle): number;
  /** NormalizeScore over all feasible nodes' scores, in place. */
  normalize?(scores: number[]): void;
}
