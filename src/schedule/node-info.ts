/** A node and what has been placed on it so far: the state every filter and score reads. */
import type { Amounts, HostPort, SchedNode, SchedPod } from './types.js';

export class NodeInfo {
  readonly requested: Amounts = new Map();
  /** Requests with the scoring defaults (100m cpu, 200Mi memory for containers that ask nothing). */
  readonly scoringRequested: Amounts = new Map();
  readonly pods: SchedPod[] = [];
  readonly ports: HostPort[] = [];

  constructor(readonly node: SchedNode) {}

  add(pod: SchedPod): void {
    this.pods.push(pod);
    for (const [k, v] of pod.requests) this.requested.set(k, (this.requested.get(k) ?? 0) + v);
    for (const [k, v] of pod.scoringRequests) this.scoringRequested.set(k, (this.scoringRequested.get(k) ?? 0) + v);
    this.ports.push(...pod.hostPorts);
  }

  remove(pod: SchedPod): void {
    const i = this.pods.indexOf(pod);
    if (i < 0) return;
    this.pods.splice(i, 1);
    for (const [k, v] of pod.requests) this.requested.set(k, (this.requested.get(k) ?? 0) - v);
    for (const [k, v] of pod.scoringRequests) this.scoringRequested.set(k, (this.scoringRequested.get(k) ?? 0) - v);
    for (const p of pod.hostPorts) this.ports.splice(this.ports.indexOf(p), 1);
  }

  allocatable(name: string): number {
    return this.node.allocatable.get(name) ?? 0;
  }
}
