/**
 * pickOneNodeForPreemption (pkg/scheduler/framework/preemption/preemption.go): among the
 * candidate nodes, each criterion in turn keeps the nodes that score best, until one is left:
 * fewest PDB violations, lowest highest-priority victim, smallest sum of victim priorities,
 * fewest victims, latest start of the highest-priority victims. Upstream then takes the first
 * of a Go map's keys (an arbitrary one); here the first in the candidates' order (node names).
 */
import type { SchedPod } from '../types.js';
import { priorityOf } from './victims.js';

export interface Candidate {
  node: string;
  /** Most important first. */
  victims: SchedPod[];
  pdbViolations: number;
}

/** MaxInt32 + 1: makes every priority non-negative before summing, as upstream does. */
const SHIFT = 2 ** 31;

export function pickOneNode(candidates: readonly Candidate[], startedAt: ReadonlyMap<SchedPod, number>): Candidate | undefined {
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -priorityOf(c.victims[0]!),
    (c) => -c.victims.reduce((sum, p) => sum + priorityOf(p) + SHIFT, 0),
    (c) => -c.victims.length,
    (c) => earliestStartOfHighest(c.victims, startedAt),
  ];
  let left = [...candidates];
  for (const score of criteria) {
    if (left.length <= 1) break;
    const scores = left.map(score);
    const best = Math.max(...scores);
    left = left.filter((_, i) => scores[i] === best);
  }
  return left[0];
}

/** util.GetEarliestPodStartTime: the earliest start among the victims of the highest priority. */
function earliestStartOfHighest(victims: readonly SchedPod[], startedAt: ReadonlyMap<SchedPod, number>): number {
  const top = Math.max(...victims.map(priorityOf));
  return Math.min(...victims.filter((p) => priorityOf(p) === top).map((p) => startedAt.get(p) ?? 0));
}
