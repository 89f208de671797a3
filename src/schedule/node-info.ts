/** A node and what has been placed on it so far: the state every filter and score reads. */
import type { Amounts, HostPort, SchedNode, SchedPod, Taint } from './types.js';

export class NodeInfo {
  readonly requested: Amounts = new Map();
  /** Requests with the scoring defaults (100m cpu, 200Mi memory for containers that ask nothing). */
  readonly scoringRequested: Amounts = new Map();
  readonly pods: SchedPod[] = [];
  readonly ports: HostPort[] = [];
  // cpu, memory and pods as plain fields: the filters and scores read them millions of times,
  // and a field read is far cheaper than a Map lookup (kube-scheduler's Resource does the same).
  readonly allocatableCpu: number;
  readonly allocatableMemory: number;
  readonly allocatablePods: number;
  requestedCpu = 0;
  requestedMemory = 0;
  scoringCpu = 0;
  scoringMemory = 0;
  /** The taints that only the scores look at. */
  readonly preferNoSchedule: readonly Taint[];

  /** `index` is the node's position in the scheduler's node list. */
  constructor(
    readonly node: SchedNode,
    readonly index: number,
  ) {
    this.allocatableCpu = this.allocatable('cpu');
    this.allocatableMemory = this.allocatable('memory');
    this.allocatablePods = this.allocatable('pods');
    this.preferNoSchedule = node.taints.filter((t) => t.effect === 'PreferNoSchedule');
  }

  add(pod: SchedPod): void {
    this.pods.push(pod);
    this.count(pod, 1);
    this.ports.push(...pod.hostPorts);
  }

  remove(pod: SchedPod): void {
    const i = this.pods.lastIndexOf(pod);
    if (i < 0) return;
    this.pods.splice(i, 1);
    this.count(pod, -1);
    for (const p of pod.hostPorts) this.ports.splice(this.ports.lastIndexOf(p), 1);
  }

  /**
   * Puts the same pods back in the given order: a preemption dry run removes and re-adds pods,
   * and the node's pod list (the report's, the search's) must read as it did before.
   */
  restoreOrder(pods: readonly SchedPod[]): void {
    this.pods.splice(0, this.pods.length, ...pods);
    this.ports.splice(0, this.ports.length, ...pods.flatMap((p) => p.hostPorts));
  }

  private count(pod: SchedPod, sign: 1 | -1): void {
    for (const [k, v] of pod.requests) this.requested.set(k, (this.requested.get(k) ?? 0) + sign * v);
    for (const [k, v] of pod.scoringRequests) this.scoringRequested.set(k, (this.scoringRequested.get(k) ?? 0) + sign * v);
    this.requestedCpu += sign * (pod.requests.get('cpu') ?? 0);
    this.requestedMemory += sign * (pod.requests.get('memory') ?? 0);
    this.scoringCpu += sign * (pod.scoringRequests.get('cpu') ?? 0);
    this.scoringMemory += sign * (pod.scoringRequests.get('memory') ?? 0);
  }

  allocatable(name: string): number {
    return this.node.allocatable.get(name) ?? 0;
  }
}
