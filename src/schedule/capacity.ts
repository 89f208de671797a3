/**
 * Questions beyond one scheduling run, answered by running the scheduler again:
 * does everything still fit after losing nodes or a zone, does a Deployment's rolling update
 * have room to surge, and how many more replicas of each workload would fit.
 */
import { diagnosticFor, stringOf, type Diagnostic, type Resource } from '../core/index.js';
import { isMap } from '../rules/index.js';
import { makePod } from './pods.js';
import { runSchedule, type ScheduleOptions, type ScheduleRun } from './run.js';
import type { SchedNode, SchedPod } from './types.js';

export interface LossCheck {
  /** What was lost: node names, or `zone <name>`. */
  lost: string[];
  pending: number;
  /** The first pod that no longer fits, with its reason. */
  example?: { pod: string; message: string; workload: Resource };
}

export const ZONE = 'topology.kubernetes.io/zone';

function pendingOf(run: ScheduleRun): SchedPod[] {
  return [...run.placements.filter((p) => p.node === null).map((p) => p.pod), ...run.notCreated];
}

function lossCheck(resources: readonly Resource[], nodes: readonly SchedNode[], lost: Set<string>, label: string[], options: ScheduleOptions): LossCheck {
  const run = runSchedule(resources, nodes.filter((n) => !lost.has(n.name)), options);
  const pending = run.placements.filter((p) => p.node === null);
  const first = pending[0];
  return { lost: label, pending: pendingOf(run).length, ...(first && { example: { pod: `${first.pod.namespace}/${first.pod.name}`, message: first.message ?? '', workload: first.pod.workload } }) };
}

/**
 * The loss of any `count` nodes: every single node is tried for one; for more, the most loaded
 * nodes (by requested cpu, then memory) are removed together, as trying every combination is
 * out of reach. Returns the worst case (most pods left pending), or undefined if all fit.
 */
export function nodeLoss(resources: readonly Resource[], nodes: readonly SchedNode[], count: number, base: ScheduleRun, options: ScheduleOptions = {}): LossCheck | undefined {
  if (count <= 0 || nodes.length === 0) return undefined;
  const load = (name: string) => {
    const n = base.scheduler.byName.get(name)!;
    return [(n.requested.get('cpu') ?? 0) / Math.max(1, n.allocatable('cpu')), (n.requested.get('memory') ?? 0) / Math.max(1, n.allocatable('memory'))];
  };
  const byLoad = [...nodes].sort((a, b) => {
    const [ac, am] = load(a.name);
    const [bc, bm] = load(b.name);
    return bc! - ac! || bm! - am! || (a.name < b.name ? -1 : 1);
  });
  const trials: string[][] = count === 1 ? nodes.map((n) => [n.name]) : [byLoad.slice(0, count).map((n) => n.name)];
  return worst(trials.map((lost) => lossCheck(resources, nodes, new Set(lost), lost, options)));
}

/** The loss of each zone in turn; the worst case. */
export function zoneLoss(resources: readonly Resource[], nodes: readonly SchedNode[], options: ScheduleOptions = {}): LossCheck | undefined {
  const zones = [...new Set(nodes.map((n) => n.labels[ZONE]).filter((z): z is string => z !== undefined))].sort();
  return worst(zones.map((zone) => lossCheck(resources, nodes, new Set(nodes.filter((n) => n.labels[ZONE] === zone).map((n) => n.name)), [`zone ${zone}`], options)));
}

function worst(checks: LossCheck[]): LossCheck | undefined {
  const failing = checks.filter((c) => c.pending > 0);
  return failing.sort((a, b) => b.pending - a.pending)[0];
}

/** `maxSurge` of a RollingUpdate Deployment, resolved against its replicas (percentages round up), default 25%. */
export function surgeOf(workload: Resource, replicas: number): number {
  const spec = isMap(workload.object.spec) ? workload.object.spec : {};
  const strategy = isMap(spec.strategy) ? spec.strategy : {};
  if (strategy.type === 'Recreate') return 0;
  const rolling = isMap(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const surge = rolling.maxSurge ?? '25%';
  if (typeof surge === 'number') return surge;
  const m = /^([0-9]+)%$/.exec(stringOf(surge));
  return m ? Math.ceil((replicas * Number(m[1])) / 100) : 0;
}

/**
 * Extra copies of a workload's pod, placed one after another until one does not fit (at most
 * `limit`); then removed again, and the scheduler's search starts where it did before
 * (Scheduler.whatIf). With `preempting`, a copy that fits nowhere may preempt as
 * kube-scheduler would (the victims are set aside, then put back): `victims` says whom.
 */
function extraThatFit(run: ScheduleRun, template: SchedPod, start: number, limit: number, preempting = false): { fit: number; message: string | null; victims: SchedPod[] } {
  return run.scheduler.whatIf(() => placeExtra(run, template, start, limit, preempting));
}

function placeExtra(run: ScheduleRun, template: SchedPod, start: number, limit: number, preempting: boolean): { fit: number; message: string | null; victims: SchedPod[] } {
  // Room for all of them, plainly (no copy would need to preempt): the answer without placing each.
  const copy = (i: number): SchedPod => {
    const name = `${template.owner.name}-${start + i}`;
    if (template.ordinal === undefined) return { ...template, name, ordinal: undefined };
    // A StatefulSet's next replica gets claims of its own from the claim templates (<template>-<set>-<ordinal>), not replica 0's.
    const ordinal = start + i;
    const made = makePod(template.workload, template.owner, name, template.namespace, template.labels, template.spec, ordinal);
    return { ...template, name, ordinal, volumeClaims: made.volumeClaims };
  };
  if (run.scheduler.fitsAtLeast(copy(0), limit)) return { fit: limit, message: null, victims: [] };
  const undo: (() => void)[] = [];
  const victims: SchedPod[] = [];
  let message: string | null = null;
  for (let i = 0; i < limit; i++) {
    const pod = copy(i);
    if (preempting) {
      const placed = run.preemptions.tentative(pod);
      if (!placed.node) {
        message = placed.message;
        break;
      }
      undo.push(placed.undo);
      victims.push(...placed.victims);
      continue;
    }
    const decision = run.scheduler.decide(pod);
    if (!decision.node) {
      message = decision.message;
      break;
    }
    run.scheduler.bind(pod, decision.node);
    undo.push(() => run.scheduler.unbind(pod, decision.node!));
  }
  for (const step of undo.reverse()) step();
  return { fit: undo.length, message, victims };
}

interface Workload {
  resource: Resource;
  pods: SchedPod[];
}

function workloadsOf(run: ScheduleRun, kinds: readonly string[]): Workload[] {
  const map = new Map<Resource, SchedPod[]>();
  for (const { pod } of run.placements) {
    if (!kinds.includes(pod.owner.kind)) continue;
    const pods = map.get(pod.workload);
    if (pods) pods.push(pod);
    else map.set(pod.workload, [pod]);
  }
  return [...map].map(([resource, pods]) => ({ resource, pods }));
}

/** rollout-headroom: a RollingUpdate Deployment's surge pods must fit beside its running pods, or the rollout stalls. */
export function rolloutHeadroom(run: ScheduleRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pending = new Set(run.placements.filter((p) => p.node === null).map((p) => p.pod));
  for (const w of workloadsOf(run, ['Deployment'])) {
    if (w.pods.some((p) => pending.has(p))) continue; // already unschedulable
    const surge = surgeOf(w.resource, w.pods.length);
    if (surge === 0) continue;
    // Surge pods are pods like any other: a high-priority Deployment's preempt lower ones.
    const { fit, message, victims } = extraThatFit(run, w.pods[0]!, w.pods.length, surge, true);
    const pods = `${surge} surge pod${surge === 1 ? '' : 's'} (maxSurge)`;
    if (fit < surge) {
      out.push(diagnosticFor(w.resource, { ruleId: 'rollout-headroom', severity: 'warning', message: `a rolling update needs room for ${pods} beside the running ones, but only ${fit} fit: ${message}`, pointer: '/metadata/name', at: 'value' }));
    } else if (victims.length > 0) {
      const names = victims.map((v) => `${v.namespace}/${v.name} (priority ${v.priority ?? 0})`).join(', ');
      out.push(diagnosticFor(w.resource, { ruleId: 'rollout-headroom', severity: 'warning', message: `a rolling update's ${pods} fit beside the running ones only by preempting ${names}`, pointer: '/metadata/name', at: 'value' }));
    }
  }
  return out;
}

export interface Headroom {
  kind: string;
  namespace: string;
  name: string;
  replicas: number;
  /** How many more replicas fit (capped at `limit`). */
  more: number;
  /** Why one more would not fit. */
  limitedBy: string | null;
}

/** How many more replicas of each scaled workload would fit, each considered alone. */
export function headroom(run: ScheduleRun, limit = 1000): Headroom[] {
  return workloadsOf(run, ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']).map((w) => {
    const { fit, message } = extraThatFit(run, w.pods[0]!, w.pods.length, limit);
    return { kind: w.resource.id.kind, namespace: w.pods[0]!.namespace, name: w.resource.id.name, replicas: w.pods.length, more: fit, limitedBy: message };
  });
}

/** A failed loss check as an error at the workload of the first pod that would no longer fit. */
export function lossDiagnostic(ruleId: 'node-loss' | 'zone-loss', check: LossCheck): Diagnostic[] {
  if (!check.example) return [];
  const what = ruleId === 'zone-loss' ? check.lost[0]! : `node${check.lost.length === 1 ? '' : 's'} ${check.lost.join(', ')}`;
  const message = `after losing ${what}, ${check.pending} pod${check.pending === 1 ? '' : 's'} would not fit; ${check.example.pod}: ${check.example.message}`;
  return [diagnosticFor(check.example.workload, { ruleId, severity: 'error', message, pointer: '/metadata/name', at: 'value' })];
}
