/**
 * DefaultPreemption's PostFilter for a pod no node took, as a dry run
 * (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go PostFilter, and
 * Evaluator.Preempt / findCandidates / DryRunPreemption in
 * pkg/scheduler/framework/preemption/preemption.go): the nodes preemption may help on are
 * dry-run for victims, the best candidate is picked, and the `preemption: ` sentence kube-
 * scheduler appends to the FitError is worked out when no candidate exists.
 *
 * Upstream starts the dry run at a random offset and runs it in parallel; here it starts at the
 * first node (name order) and runs in order, with the same stopping rule, so runs repeat.
 */
import { fitError } from '../fit-error.js';
import type { Scheduler } from '../scheduler.js';
import type { SchedPod } from '../types.js';
import type { Budget } from './pdb.js';
import { pickOneNode, type Candidate } from './pick.js';
import { resolvable } from './resolvable.js';
import { selectVictimsOnNode } from './victims.js';

/** DefaultPreemptionArgs defaults: minCandidateNodesPercentage 10, minCandidateNodesAbsolute 100. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;
const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

export type PreemptResult = { candidate: Candidate } | { postFilterMessage: string };

/** calculateNumCandidates. */
export function numCandidates(numNodes: number): number {
  const n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  return Math.min(numNodes, Math.max(n, MIN_CANDIDATE_NODES_ABSOLUTE));
}

/**
 * `budgets` with `allowedNow` (their disruptionsAllowed now, asked for only when a node has
 * pods to evict: most pending pods have none below them). The result is a candidate, or the
 * PostFilter message (`preemption: ...`) that kube-scheduler adds to the FitError.
 */
export function preempt(scheduler: Scheduler, pod: SchedPod, budgets: readonly Budget[], allowedNow: () => readonly number[]): PreemptResult {
  // PodEligibleToPreemptOthers (no nominated node offline, so only the policy matters).
  if (pod.preemptionPolicy === 'Never') return { postFilterMessage: 'preemption: not eligible due to preemptionPolicy=Never.' };
  const all = scheduler.nodes;
  const statuses = scheduler.nodeStatuses(pod);
  const potential = all.filter((n) => {
    const reasons = statuses[n.index];
    return reasons !== undefined && resolvable(reasons, pod, n);
  });
  const limit = numCandidates(potential.length);
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  const failed: (readonly string[])[] = [];
  let allowed: readonly number[] | undefined;
  const budgetsNow = () => (allowed ??= allowedNow());
  for (const node of potential) {
    const result = selectVictimsOnNode(scheduler, pod, node, budgets, budgetsNow);
    if ('reasons' in result) {
      failed.push(result.reasons);
      continue;
    }
    const list = result.pdbViolations === 0 ? nonViolating : violating;
    if (list.length < limit) list.push({ node: node.node.name, ...result });
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= limit) break;
  }
  const candidates = [...nonViolating, ...violating];
  const best = pickOneNode(candidates, scheduler.startedAt);
  if (best) return { candidate: best };
  // The FitError of the dry run: nodes it did not look at are "not helpful" (SetAbsentNodesStatus).
  for (let i = failed.length; i < all.length; i++) failed.push([NOT_HELPFUL]);
  return { postFilterMessage: `preemption: ${fitError(all.length, failed)}` };
}
