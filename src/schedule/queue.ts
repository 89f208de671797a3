/**
 * Pods that come back to the scheduling queue during a run: the replacements of preempted pods.
 * The activeQ pops the highest priority first, then the oldest (PrioritySort's Less in
 * pkg/scheduler/framework/plugins/queuesort); a replacement is newer than every pod already
 * queued, so it goes after those of its own priority.
 */
import type { SchedPod } from './types.js';

export class Requeue {
  private readonly pods: SchedPod[] = [];

  push(pod: SchedPod): void {
    const priority = pod.priority ?? 0;
    let at = this.pods.length;
    while (at > 0 && (this.pods[at - 1]!.priority ?? 0) < priority) at--;
    this.pods.splice(at, 0, pod);
  }

  /** The next pod whose priority is above `than` (every pod when `than` is undefined). */
  popAbove(than?: number): SchedPod | undefined {
    const head = this.pods[0];
    if (!head || (than !== undefined && (head.priority ?? 0) <= than)) return undefined;
    return this.pods.shift();
  }
}
