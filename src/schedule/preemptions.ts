/**
 * Placing pods with preemption, offline. A pod no node takes goes to DefaultPreemption
 * (preemption/evaluate.ts). What a cluster would then do, the dry run does at once: the victims
 * are evicted, the preemptor takes the node it was nominated to (kube-scheduler's next attempt
 * tries the nominated node first), and each victim's controller makes it again: the
 * replacement goes back to the queue, after the pods already queued at its priority. A bare
 * Pod, or one bound by spec.nodeName, is not scheduled again.
 *
 * The report keeps one entry per pod: a victim's entry says who evicted it (`evictedBy`) and
 * where its replacement went.
 */
import type { Resource } from '../core/index.js';
import { budgetsOf, disruptionsAllowed, type Budget } from './preemption/pdb.js';
import { preempt } from './preemption/evaluate.js';
import { Requeue } from './queue.js';
import type { Scheduler } from './scheduler.js';
import type { Placement, SchedPod } from './types.js';

const podId = (p: SchedPod) => `${p.namespace}/${p.name}`;

export class Preemptions {
  private readonly budgets: Budget[];
  private readonly byPod = new Map<SchedPod, Placement>();
  private readonly requeue = new Requeue();

  /** `made`: every pod of the run, for the PodDisruptionBudgets' expected counts. */
  constructor(
    private readonly scheduler: Scheduler,
    resources: readonly Resource[],
    private readonly made: readonly SchedPod[],
  ) {
    this.budgets = budgetsOf(resources);
  }

  /** Each budget's disruptionsAllowed over what is placed now (a placed pod counts as healthy). */
  private readonly allowedNow = () => disruptionsAllowed(this.budgets, this.made, (p) => this.scheduler.startedAt.has(p));

  /** Remembers the placement, so that an eviction can update it. */
  track(placement: Placement): Placement {
    this.byPod.set(placement.pod, placement);
    return placement;
  }

  /** One scheduling attempt for a pod not placed yet, with preemption when nothing fits. */
  place(pod: SchedPod): Placement {
    return this.track(this.attempt(pod));
  }

  /**
   * Schedules the queued replacements whose priority is above `priority` (all of them when
   * it is undefined). Returns whether any was scheduled: the cluster changed.
   */
  drain(priority?: number): boolean {
    let any = false;
    for (let pod = this.requeue.popAbove(priority); pod; pod = this.requeue.popAbove(priority)) {
      any = true;
      const entry = this.byPod.get(pod)!;
      const { node, message, messageWithPreemption, preemption } = this.attempt(pod);
      Object.assign(entry, { node, message });
      if (messageWithPreemption !== undefined) entry.messageWithPreemption = messageWithPreemption;
      if (preemption) entry.preemption = preemption;
    }
    return any;
  }

  private attempt(pod: SchedPod): Placement {
    const { scheduler } = this;
    const { node, message } = scheduler.decide(pod);
    if (node) {
      scheduler.bind(pod, node);
      return { pod, node, message };
    }
    // No node at all is no FitError: kube-scheduler runs no PostFilter then.
    if (scheduler.nodes.length === 0 || message === null) return { pod, node, message };
    const result = preempt(scheduler, pod, this.budgets, this.allowedNow);
    // FitError.Error (pkg/scheduler/framework/types.go): the PostFilter message follows after a space.
    if ('postFilterMessage' in result) return { pod, node: null, message, messageWithPreemption: `${message} ${result.postFilterMessage}` };
    const { candidate } = result;
    for (const victim of candidate.victims) this.evict(victim, pod, candidate.node);
    scheduler.bind(pod, candidate.node);
    return { pod, node: candidate.node, message: null, preemption: { node: candidate.node, victims: candidate.victims, pdbViolations: candidate.pdbViolations, message } };
  }

  /**
   * Where one more pod would go, preempting if it must, undone afterwards: the victims are only
   * set aside (not requeued), and `undo` puts every node back as it was. For questions about
   * extra pods (a rollout's surge) that must not change the run.
   */
  tentative(pod: SchedPod): { node: string | null; message: string | null; victims: SchedPod[]; undo: () => void } {
    const { scheduler } = this;
    const { node, message } = scheduler.decide(pod);
    if (node) {
      scheduler.bind(pod, node);
      return { node, message, victims: [], undo: () => scheduler.unbind(pod, node) };
    }
    const none = { node: null, message, victims: [], undo: () => {} };
    if (scheduler.nodes.length === 0 || message === null) return none;
    const result = preempt(scheduler, pod, this.budgets, this.allowedNow);
    if (!('candidate' in result)) return none;
    const { node: target, victims } = result.candidate;
    const info = scheduler.byName.get(target)!;
    const before = [...info.pods];
    const startedAt = new Map(before.map((p) => [p, scheduler.startedAt.get(p)!]));
    for (const victim of victims) scheduler.unbind(victim, target);
    scheduler.bind(pod, target);
    const undo = () => {
      scheduler.unbind(pod, target);
      for (const victim of victims) scheduler.bind(victim, target);
      info.restoreOrder(before);
      for (const [p, t] of startedAt) scheduler.startedAt.set(p, t);
    };
    return { node: target, message: null, victims, undo };
  }

  private evict(victim: SchedPod, by: SchedPod, node: string): void {
    this.scheduler.unbind(victim, node);
    const entry = this.byPod.get(victim);
    if (!entry) return;
    const again = victim.owner.kind === 'Pod' ? 'a Pod without a controller is not made again' : victim.nodeName !== undefined ? 'its replacement names spec.nodeName and is not scheduled' : undefined;
    entry.evictedBy = { pod: by, node, remade: !again };
    entry.node = null;
    delete entry.messageWithPreemption;
    entry.message = `preempted on node ${node} by ${podId(by)} (priority ${by.priority ?? 0})${again ? `; ${again}` : ''}`;
    if (!again) this.requeue.push(victim);
  }
}
