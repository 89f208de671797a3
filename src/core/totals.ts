import type { ResourceId } from './diagnostic.js';

/** Resource name to amount, in Kubernetes' canonical spelling ("cpu": "1500m"). */
export type Amounts = Record<string, string>;

export interface WorkloadTotal {
  resource: ResourceId;
  /** Pods the controller keeps; null for a DaemonSet, which runs one per node. */
  replicas: number | null;
  perPod: { requests: Amounts; limits: Amounts };
  /** perPod times replicas (for a DaemonSet: per node). */
  total: { requests: Amounts; limits: Amounts };
}

export interface NamespaceTotal {
  namespace: string;
  pods: number;
  requests: Amounts;
  limits: Amounts;
  /** What DaemonSets add on every node, not counted above. */
  perNode: { pods: number; requests: Amounts; limits: Amounts };
}

/** Requests and limits summed per workload and per namespace, replicas counted. */
export interface ResourceTotals {
  workloads: WorkloadTotal[];
  namespaces: NamespaceTotal[];
}
