/**
 * The schedule stage: a node inventory, the pods the workloads would create, and kube-scheduler's
 * decisions for them, as a report (the JSON contract of `kubeproof schedule`) and as diagnostics
 * (`unschedulable` at each workload with a pending pod).
 */
import { diagnosticFor, type Diagnostic, type Resource } from '../core/index.js';
import { namespaceOf, podTemplate } from '../rules/index.js';
import { showAmount } from './amounts.js';
import { headroom, lossDiagnostic, nodeLoss, rolloutHeadroom, ZONE, zoneLoss, type Headroom, type LossCheck } from './capacity.js';
import { scaleUp, scalablePools, type NodesToAdd, type NoPool, type ScaleUp } from './node-pools.js';
import { defaultFilters, defaultScores } from './plugins.js';
import { runSchedule, schedulerContext, type ScheduleOptions, type ScheduleRun } from './run.js';
import { Scheduler } from './scheduler.js';
import { MAX_PODS, makesPods } from './pods.js';
import type { Placement, SchedNode, SchedPod } from './types.js';

export { buildInventory, isInventoryKind, type Inventory } from './inventory.js';
export type { NodesToAdd, NoPool } from './node-pools.js';
export { runSchedule, type ScheduleOptions, type ScheduleRun } from './run.js';
export { surgeOf, type Headroom, type LossCheck } from './capacity.js';
export type { SchedNode, SchedPod, Placement, Preemption } from './types.js';
export { admitPriority, priorityClassesOf, type PriorityClass, type PriorityClasses } from './priority.js';
export { fitError } from './fit-error.js';
export { scheduleProblemMetas } from './problems.js';

export interface ScheduleReport {
  /**
   * Each node with what it offers and what its pods request; `zone` is its topology.kubernetes.io/zone
   * label and `pool` the NodePool that made it, when it has them (the HTML report groups by both).
   */
  nodes: { name: string; zone?: string; pool?: string; allocatable: Record<string, string>; requested: Record<string, string>; pods: string[] }[];
  pods: ReportPod[];
  /** Pods that found room by preempting lower-priority pods, and the pods they evict (preemptions.ts). */
  preemptions: ReportPreemption[];
  notCreated: { namespace: string; name: string; owner: { kind: string; name: string } }[];
  /** Workloads the API server would refuse (a schema error, an invalid quantity...): no pod of theirs was made. */
  refused: { namespace: string; name: string; kind: string; message: string }[];
  summary: { pods: number; scheduled: number; pending: number; notCreated: number; refused: number };
  /** With --tolerate-node-loss: the worst case, or null when every pod still fits. */
  nodeLoss?: Omit<LossCheck, 'example'> & { example?: { pod: string; message: string } } | null;
  /** With --tolerate-zone-loss. */
  zoneLoss?: Omit<LossCheck, 'example'> & { example?: { pod: string; message: string } } | null;
  /** With --headroom: more replicas that would fit, per workload. */
  headroom?: Headroom[];
  /** With scalable pools (--node-pools, or inventory NodePools with max): the nodes to add so the pending pods fit. */
  nodesToAdd?: NodesToAdd[];
  /** Pending pods no pool can take, with each pool's reason. */
  noPool?: NoPool[];
}

/** Where a pending pod's fix goes: the field (a pointer in its workload, and where it was written) and the numbers. */
export interface Fix {
  file: string;
  line: number;
  column: number;
  path: string;
  detail: string;
}

export interface ReportPod {
  namespace: string;
  name: string;
  owner: { kind: string; name: string };
  node: string | null;
  targetNode?: string;
  /** kube-scheduler's FitError when the pod is pending, without the preemption sentence. */
  message: string | null;
  /** The pod's priority, when not 0 (Priority admission: its PriorityClass or the globalDefault one). */
  priority?: number;
  /** A pending pod's FitError with DefaultPreemption's `preemption: ...` sentence, as kube-scheduler's event reads. */
  messageWithPreemption?: string;
  /**
   * The pod was evicted from `node` by the preemption of `by` (namespace/name). When its
   * controller makes it again (`remade`), the entry's node and message say where the replacement went.
   */
  evictedBy?: { by: string; node: string; remade: boolean };
  /** Where the first pending pod of a workload is to be fixed, with the numbers (explain/). */
  fix?: Fix;
}

export interface ReportPreemption {
  /** namespace/name of the preemptor. */
  pod: string;
  priority: number;
  node: string;
  /** The pods evicted from the node, most important first. */
  victims: { pod: string; owner: { kind: string; name: string }; priority: number }[];
  /** How many victims are evicted against a PodDisruptionBudget. */
  pdbViolations: number;
  /** The FitError the preemptor met before preempting. */
  message: string;
}

export interface CapacityOptions extends ScheduleOptions {
  /** Every pod must still fit after losing this many nodes. */
  tolerateNodeLoss?: number;
  /** Every pod must still fit after losing any one zone. */
  tolerateZoneLoss?: boolean;
  /** Report how many more replicas of each workload fit. */
  headroom?: boolean;
  /**
   * Inputs the API server would refuse, each with its first error: they never exist in the
   * cluster, so they make no pods and select none; the workloads among them are listed in the
   * report's `refused`.
   */
  refused?: ReadonlyMap<Resource, string>;
  /**
   * NodePools (kubeproof.dev/v1alpha1) that may grow: those with `spec.max` are scalable. A
   * pool of the same name in the inventory is the same pool (its nodes are its current size).
   */
  nodePools?: readonly Resource[];
}

function publicLoss(check: LossCheck | undefined) {
  if (!check) return null;
  const { example, ...rest } = check;
  return { ...rest, ...(example && { example: { pod: example.pod, message: example.message } }) };
}

export interface ScheduleResult {
  report: ScheduleReport;
  diagnostics: Diagnostic[];
  run: ScheduleRun;
}

export function scheduleWorkloads(all: readonly Resource[], nodes: readonly SchedNode[], options: CapacityOptions = {}): ScheduleResult {
  const refused = options.refused ?? new Map<Resource, string>();
  const resources = refused.size ? all.filter((r) => !refused.has(r)) : all;
  const run = runSchedule(resources, nodes, { ...options, explain: true });
  const report = reportOf(run, [...refused].filter(([r]) => makesPods(r)));
  const diagnostics = [...podLimit(run), ...priorityRefusals(run), ...unschedulable(run), ...preempted(run), ...rolloutHeadroom(run)];
  if (options.tolerateNodeLoss) {
    const worst = nodeLoss(resources, nodes, options.tolerateNodeLoss, run, options);
    report.nodeLoss = publicLoss(worst);
    if (worst) diagnostics.push(...lossDiagnostic('node-loss', worst));
  }
  if (options.tolerateZoneLoss) {
    const worst = zoneLoss(resources, nodes, options);
    report.zoneLoss = publicLoss(worst);
    if (worst) diagnostics.push(...lossDiagnostic('zone-loss', worst));
  }
  if (options.headroom) report.headroom = headroom(run);
  if (options.nodePools) {
    const pools = scalablePools(options.nodePools, nodes, diagnostics);
    const taintMessage = options.kubernetesVersion === '1.33' ? 'named' : 'generic';
    const context = schedulerContext(resources);
    const make = (list: readonly SchedNode[]) => new Scheduler(list, options.filters ?? defaultFilters(taintMessage), options.scores ?? defaultScores(options.strategy ?? 'least-allocated'), context);
    const answer = scaleUp(run, make, pools);
    report.nodesToAdd = answer.nodesToAdd;
    report.noPool = answer.noPool;
    diagnostics.push(...scaleUpDiagnostics(answer));
  }
  return { run, report, diagnostics };
}

const podId = (p: SchedPod) => `${p.namespace}/${p.name}`;

function amounts(m: Map<string, number>): Record<string, string> {
  return Object.fromEntries([...m].filter(([, v]) => v !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, showAmount(k, v)]));
}

function reportOf(run: ScheduleRun, refusedWorkloads: [Resource, string][]): ScheduleReport {
  const nodes = run.scheduler.nodes.map(({ node, requested, pods }) => {
    const zone = node.labels[ZONE];
    return { name: node.name, ...(zone !== undefined && { zone }), ...(node.pool !== undefined && { pool: node.pool }), allocatable: amounts(node.allocatable), requested: amounts(requested), pods: pods.map(podId) };
  });
  const pods = run.placements.map(reportPod);
  const preemptions = run.placements.filter((p) => p.preemption).map(({ pod, preemption }) => ({
    pod: podId(pod),
    priority: pod.priority ?? 0,
    node: preemption!.node,
    victims: preemption!.victims.map((v) => ({ pod: podId(v), owner: v.owner, priority: v.priority ?? 0 })),
    pdbViolations: preemption!.pdbViolations,
    message: preemption!.message,
  }));
  const notCreated = run.notCreated.map((p) => ({ namespace: p.namespace, name: p.name, owner: p.owner }));
  const refused = [...refusedWorkloads, ...run.refusedPods.filter((r) => !r.assumed).map((r): [Resource, string] => [r.workload, r.message])].map(([r, message]) => ({ namespace: namespaceOf(r), name: r.id.name, kind: r.id.kind, message }));
  const scheduled = run.placements.filter((p) => p.node !== null).length;
  return { nodes, pods, preemptions, notCreated, refused, summary: { pods: run.placements.length, scheduled, pending: run.placements.length - scheduled, notCreated: notCreated.length, refused: refused.length } };
}

function reportPod({ pod, node, message, messageWithPreemption, evictedBy, explanation }: Placement): ReportPod {
  return {
    namespace: pod.namespace,
    name: pod.name,
    owner: pod.owner,
    node,
    ...(pod.targetNode !== undefined && { targetNode: pod.targetNode }),
    message,
    ...(pod.priority && { priority: pod.priority }),
    ...(node === null && messageWithPreemption !== undefined && { messageWithPreemption }),
    ...(evictedBy && { evictedBy: { by: podId(evictedBy.pod), node: evictedBy.node, remade: evictedBy.remade } }),
    ...(explanation && { fix: fixOf(pod.workload, explanation) }),
  };
}

/** The explanation located: the file is the patch's when a patch wrote the field (render's origins). */
function fixOf(workload: Resource, explanation: NonNullable<Placement['explanation']>): Fix {
  const d = unschedulableAt(workload, explanation, '');
  return { file: d.file, line: d.line, column: d.column, path: d.path, detail: explanation.detail };
}

function unschedulableAt(workload: Resource, explanation: Placement['explanation'], message: string): Diagnostic {
  return diagnosticFor(workload, { ruleId: 'unschedulable', severity: 'error', message, pointer: explanation?.pointer ?? '/metadata/name', at: 'value' });
}

/** A warning at each workload whose pods were cut at MAX_PODS. */
function podLimit(run: ScheduleRun): Diagnostic[] {
  return run.cut.map(({ workload, asked, made }) => {
    const message = `${workload.id.kind} ${workload.id.name} asks for ${asked} pod(s); a dry run makes at most ${MAX_PODS} pods in all (the Kubernetes scalability limit per cluster): ${made === 0 ? 'none of them was made' : `only the first ${made} were made`}`;
    return diagnosticFor(workload, { ruleId: 'pod-limit', severity: 'warning', message, pointer: replicasPointer(workload), at: 'value' });
  });
}

function replicasPointer(workload: Resource): string {
  const spec = workload.object.spec;
  if (workload.id.kind === 'CronJob') return '/spec/jobTemplate/spec/parallelism';
  if (workload.id.kind === 'Job') return '/spec/parallelism';
  return typeof spec === 'object' && spec !== null && 'replicas' in spec ? '/spec/replicas' : '/spec';
}

/** An error at each workload whose pods the Priority admission plugin refuses, at the field that decides it. */
function priorityRefusals(run: ScheduleRun): Diagnostic[] {
  return run.refusedPods.map(({ workload, message, assumed }) => {
    const pointer = podTemplate(workload)?.specPointer ?? '/spec';
    const field = message.startsWith('no PriorityClass') ? 'priorityClassName' : message.includes('PreemptionPolicy') ? 'preemptionPolicy' : 'priority';
    const text = assumed
      ? `the API server refuses the pods of ${workload.id.kind} ${workload.id.name} unless the cluster has the class (${message} among the inputs); scheduled here with priority 0`
      : `the API server refuses the pods of ${workload.id.kind} ${workload.id.name}, so none is scheduled: ${message}`;
    return diagnosticFor(workload, { ruleId: 'priority-admission', severity: assumed ? 'warning' : 'error', message: text, pointer: `${pointer}/${field}`, at: 'value' });
  });
}

/** A warning at each workload with a pod that a higher-priority pod would evict. */
function preempted(run: ScheduleRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const p of run.placements) {
    if (!p.evictedBy) continue;
    const by = p.evictedBy.pod;
    const fate = !p.evictedBy.remade ? p.message!.slice(p.message!.indexOf('; ') + 2) : p.node !== null ? `its replacement runs on ${p.node}` : `its replacement is pending: ${p.message}`;
    const message = `pod ${p.pod.name} (priority ${p.pod.priority ?? 0}) would be preempted on node ${p.evictedBy.node} by ${podId(by)} (priority ${by.priority ?? 0}); ${fate}`;
    out.push(diagnosticFor(p.pod.workload, { ruleId: 'preempted', severity: 'warning', message, pointer: '/metadata/name', at: 'value' }));
  }
  return out;
}

/** An info per workload and pool the scale-up adds nodes for, a warning per workload with a pod no pool takes. */
function scaleUpDiagnostics(answer: ScaleUp): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const option of answer.placed) {
    const byWorkload = new Map<Resource, SchedPod[]>();
    for (const p of option.pods) byWorkload.set(p.workload, [...(byWorkload.get(p.workload) ?? []), p]);
    for (const [workload, pods] of byWorkload) {
      const message = `adding ${option.count} node(s) to pool ${option.pool} makes ${pods.length} pending pod(s) of ${workload.id.kind} ${workload.id.name} fit (${pods.map((p) => p.name).slice(0, SHOWN_NAMES).join(', ')}${pods.length > SHOWN_NAMES ? ` and ${pods.length - SHOWN_NAMES} more` : ''})`;
      out.push(diagnosticFor(workload, { ruleId: 'scale-up', severity: 'info', message, pointer: '/metadata/name', at: 'value' }));
    }
  }
  const firstPerWorkload = new Map<Resource, { pod: SchedPod; reason: string; count: number }>();
  for (const r of answer.refused) {
    const e = firstPerWorkload.get(r.pod.workload);
    if (e) e.count++;
    else firstPerWorkload.set(r.pod.workload, { ...r, count: 1 });
  }
  for (const [workload, e] of firstPerWorkload) {
    const message = `no node pool can take ${e.count} pending pod(s) of ${workload.id.kind} ${workload.id.name}; ${e.pod.name}: ${e.reason}`;
    out.push(diagnosticFor(workload, { ruleId: 'no-pool', severity: 'warning', message, pointer: '/metadata/name', at: 'value' }));
  }
  return out;
}

/** Pod names in a message: the first few, then how many more. */
const SHOWN_NAMES = 10;
function someNames(placements: readonly Placement[]): string {
  const names = placements.slice(0, SHOWN_NAMES).map((p) => p.pod.name).join(', ');
  return placements.length > SHOWN_NAMES ? `${names} and ${placements.length - SHOWN_NAMES} more` : names;
}

/**
 * One error per workload with a pending pod, with the first pending pod's FitError as
 * kube-scheduler words it, at the field that decided it (explain/) with the numbers behind it.
 */
function unschedulable(run: ScheduleRun): Diagnostic[] {
  const byWorkload = new Map<Resource, { pending: Placement[]; total: number; notCreated: SchedPod[] }>();
  const entry = (r: Resource) => {
    let e = byWorkload.get(r);
    if (!e) byWorkload.set(r, (e = { pending: [], total: 0, notCreated: [] }));
    return e;
  };
  for (const p of run.placements) {
    const e = entry(p.pod.workload);
    e.total++;
    // An evicted pod no controller makes again is not waiting for a node: `preempted` says it.
    if (p.node === null && !(p.evictedBy && !p.evictedBy.remade)) e.pending.push(p);
  }
  for (const p of run.notCreated) entry(p.workload).notCreated.push(p);
  const out: Diagnostic[] = [];
  for (const [workload, e] of byWorkload) {
    if (e.pending.length === 0) continue;
    const first = e.pending[0]!;
    const names = someNames(e.pending);
    const notCreated = e.notCreated.length ? `; ${e.notCreated.map((p) => p.name).join(', ')} not created (OrderedReady waits for ${first.pod.name})` : '';
    const detail = first.explanation ? ` — ${first.explanation.detail}` : '';
    const message = `${e.pending.length} of ${e.total} pods of ${workload.id.kind} ${workload.id.name} cannot be scheduled (${names}): ${first.message}${detail}${notCreated}`;
    out.push(unschedulableAt(workload, first.explanation, message));
  }
  return out;
}
export type { Strategy } from './plugins.js';
