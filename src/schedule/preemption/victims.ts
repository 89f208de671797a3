/**
 * The fewest pods to evict from one node for the preemptor to fit: SelectVictimsOnNode of
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go. Every pod of lower
 * priority is removed; if the preemptor still does not fit, the node is no candidate (with
 * the filters' reasons). Otherwise the removed pods are put back one at a time, most important
 * first and those whose eviction would violate a PodDisruptionBudget before the others, and
 * each one the preemptor no longer fits beside is a victim. The node is left exactly as found.
 */
import type { NodeInfo } from '../node-info.js';
import type { Scheduler } from '../scheduler.js';
import type { SchedPod } from '../types.js';
import { splitByViolation, type Budget } from './pdb.js';

export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export type NodeVictims = { victims: SchedPod[]; pdbViolations: number } | { reasons: readonly string[] };

export const priorityOf = (pod: SchedPod): number => pod.priority ?? 0;

/**
 * util.MoreImportantPod: higher priority first, then the pod that started earlier (here: was
 * bound earlier). `startedAt` is read before the dry run re-binds anything.
 */
function moreImportantFirst(startedAt: ReadonlyMap<SchedPod, number>) {
  return (a: SchedPod, b: SchedPod) => priorityOf(b) - priorityOf(a) || (startedAt.get(a) ?? 0) - (startedAt.get(b) ?? 0);
}

export function selectVictimsOnNode(scheduler: Scheduler, pod: SchedPod, node: NodeInfo, budgets: readonly Budget[], allowed: () => readonly number[]): NodeVictims {
  const potential = node.pods.filter((p) => priorityOf(p) < priorityOf(pod));
  if (potential.length === 0) return { reasons: [NO_VICTIMS] };
  const name = node.node.name;
  const before = [...node.pods];
  const startedAt = new Map(before.map((p) => [p, scheduler.startedAt.get(p) ?? 0]));
  const removed = new Set<SchedPod>();
  const remove = (p: SchedPod) => {
    scheduler.unbind(p, name);
    removed.add(p);
  };
  const putBack = (p: SchedPod) => {
    scheduler.bind(p, name);
    removed.delete(p);
  };
  try {
    for (const p of potential) remove(p);
    // Affinity of the preemptor to a victim is not looked for (upstream decided against it too).
    const reasons = scheduler.filterOn(pod, node);
    if (reasons) return { reasons };
    const order = moreImportantFirst(startedAt);
    potential.sort(order);
    const [violating, nonViolating] = splitByViolation(potential, budgets, allowed());
    const victims: SchedPod[] = [];
    const reprieve = (p: SchedPod): boolean => {
      putBack(p);
      if (!scheduler.filterOn(pod, node)) return true;
      remove(p);
      victims.push(p);
      return false;
    };
    let pdbViolations = 0;
    for (const p of violating) if (!reprieve(p)) pdbViolations++;
    for (const p of nonViolating) reprieve(p);
    if (violating.length > 0 && nonViolating.length > 0) victims.sort(order);
    return { victims, pdbViolations };
  } finally {
    for (const p of [...removed]) putBack(p);
    node.restoreOrder(before);
    for (const [p, t] of startedAt) scheduler.startedAt.set(p, t);
  }
}
