/**
 * How many nodes a change needs (--node-pools): for the pods left pending by the dry run, which
 * scalable pool(s) and how many more nodes make them fit, as cluster-autoscaler's scale-up
 * answers it, offline. Fit is decided by this scheduler's own filters (Scheduler.filterOn)
 * against nodes made from the pool's template (inventory.ts poolTemplate), never re-implemented.
 */
import type { Diagnostic, Resource } from '../core/index.js';
import { fitError } from './fit-error.js';
import { poolTemplate } from './inventory.js';
import type { ScheduleRun } from './run.js';
import type { Scheduler } from './scheduler.js';
import type { Placement, SchedNode, SchedPod } from './types.js';

export interface ScalablePool {
  name: string;
  /** Nodes the pool has in the inventory now. */
  current: number;
  max: number;
  /** The pool's i-th node. */
  node: (i: number) => SchedNode;
}

export interface NodesToAdd {
  pool: string;
  count: number;
  /** namespace/name of the pods the new nodes take. */
  pods: string[];
}

export interface NoPool {
  pod: string;
  reason: string;
}

export interface ScaleUp {
  nodesToAdd: NodesToAdd[];
  noPool: NoPool[];
  /** The same answers with the pods themselves, for the findings. */
  placed: { pool: string; count: number; pods: SchedPod[] }[];
  refused: { pod: SchedPod; reason: string }[];
}

/** A scheduler over these nodes, with the run's plugins and context. */
export type MakeScheduler = (nodes: readonly SchedNode[]) => Scheduler;

const podId = (p: SchedPod) => `${p.namespace}/${p.name}`;

/**
 * The scalable pools: the --node-pools NodePools, then the inventory's NodePools that carry
 * `max` (a --node-pools pool of the same name is that pool: its template wins). A pool's current
 * size is the number of inventory nodes it made. A pool without `max`, or whose template the
 * scheduler could not use, is left out with a finding.
 */
export function scalablePools(declared: readonly Resource[], nodes: readonly SchedNode[], diagnostics: Diagnostic[]): ScalablePool[] {
  const pools = new Map<string, ScalablePool>();
  for (const r of declared) {
    if (!r.id.name || pools.has(r.id.name)) continue;
    const spec = r.object.spec as Record<string, unknown> | undefined;
    const max = spec?.max;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 0) continue;
    const node = poolTemplate(r, diagnostics);
    if (typeof node === 'string') continue;
    pools.set(r.id.name, { name: r.id.name, current: nodes.filter((n) => n.pool === r.id.name).length, max, node });
  }
  return [...pools.values()];
}

/** The pods a scale-up is for: pending ones, except evicted pods no controller makes again. */
export function podsToHelp(placements: readonly Placement[]): SchedPod[] {
  return placements.filter((p) => p.node === null && !(p.evictedBy && !p.evictedBy.remade)).map((p) => p.pod);
}

/** Pods of one workload with one spec: cluster-autoscaler's PodEquivalenceGroup. */
function equivalenceGroups(pods: readonly SchedPod[]): SchedPod[][] {
  const groups = new Map<object, SchedPod[]>();
  for (const p of pods) {
    const g = groups.get(p.spec);
    if (g) g.push(p);
    else groups.set(p.spec, [p]);
  }
  return [...groups.values()];
}

/**
 * estimator/decreasing_pod_orderer.go (DecreasingPodOrderer, the default): groups by the cpu and
 * memory of their first pod relative to the template node, largest first; a stable sort keeps
 * input order among equals.
 */
function decreasing(groups: SchedPod[][], template: SchedNode): SchedPod[][] {
  const score = (p: SchedPod) => ['cpu', 'memory'].reduce((s, r) => s + (p.requests.get(r) ?? 0) / Math.max(1, template.allocatable.get(r) ?? 0), 0);
  return [...groups].sort((a, b) => score(b[0]!) - score(a[0]!));
}

/** The reasons an empty node of the pool rejects the pod, alone (no other node, no pod): undefined when it fits. */
function emptyNodeReasons(make: MakeScheduler, pool: ScalablePool, pod: SchedPod): readonly string[] | undefined {
  const node = pool.node(pool.current);
  const s = make([node]);
  return s.filterOn(pod, s.byName.get(node.name)!);
}

/**
 * k8s.io/autoscaler cluster-autoscaler/estimator/binpacking_estimator.go (Estimate): First-Fit
 * Decreasing over the pool's new nodes. Per equivalence group: each pod tries the nodes added so
 * far (FitsAnyNodeMatching, stopping at the group's first pod that fits none), then the last
 * added node, else a new node from the template when the last one got a pod and `room` allows
 * (the limiter; upstream caps at the group's max only afterwards, in the orchestrator, and the
 * next loop takes the rest: applying max here gives the pods the capped count really hosts).
 * The snapshot holds the cluster as the run left it (its nodes and pods), so spread and
 * affinity see the running pods. The scheduler is rebuilt when a node is added: it has no
 * AddNodeInfo, and a node made before it is needed would count as a spread domain.
 */
function estimate(run: ScheduleRun, make: MakeScheduler, pool: ScalablePool, groups: SchedPod[][], room: number): { count: number; pods: SchedPod[] } {
  const existing = run.scheduler.nodes.map((n) => ({ node: n.node, pods: [...n.pods] }));
  const added: SchedNode[] = [];
  const placed: { pod: SchedPod; node: string }[] = [];
  let s: Scheduler;
  const rebuild = () => {
    s = make([...existing.map((e) => e.node), ...added]);
    for (const e of existing) for (const p of e.pods) s.bind(p, e.node.name);
    for (const p of placed) s.bind(p.pod, p.node);
  };
  rebuild();
  const withPods = new Set<string>();
  const fits = (pod: SchedPod, name: string) => s!.filterOn(pod, s.byName.get(name)!) === undefined;
  const put = (pod: SchedPod, name: string) => {
    s.bind(pod, name);
    placed.push({ pod, node: name });
    withPods.add(name);
  };
  for (const group of decreasing(groups, pool.node(pool.current))) {
    let i = 0;
    for (; i < group.length; i++) {
      const on = added.find((n) => fits(group[i]!, n.name));
      if (!on) break;
      put(group[i]!, on.name);
    }
    for (const pod of group.slice(i)) {
      const last = added[added.length - 1];
      if (last && fits(pod, last.name)) {
        put(pod, last.name);
        continue;
      }
      if (last && !withPods.has(last.name)) break;
      if (added.length >= room) break;
      added.push(pool.node(pool.current + added.length));
      rebuild();
      const made = added[added.length - 1]!.name;
      if (!fits(pod, made)) break;
      put(pod, made);
    }
  }
  return { count: withPods.size, pods: placed.map((p) => p.pod) };
}

/**
 * expander/waste/waste.go (least-waste): the option whose new nodes leave the smallest share of
 * their cpu plus memory unrequested. cluster-autoscaler's default --expander is `random`, which
 * a deterministic dry run cannot copy; least-waste is the documented choice that depends only on
 * the inputs. Ties (upstream: passed on to random) go to the pool first by name.
 */
function wasteOf(pool: ScalablePool, option: { count: number; pods: SchedPod[] }): number {
  const template = pool.node(pool.current);
  let waste = 0;
  for (const r of ['cpu', 'memory']) {
    const available = (template.allocatable.get(r) ?? 0) * option.count;
    const requested = option.pods.reduce((s, p) => s + (p.requests.get(r) ?? 0), 0);
    waste += available > 0 ? (available - requested) / available : 0;
  }
  return waste;
}

/**
 * cluster-autoscaler's scale-up loop, run until nothing changes: every pool with room estimates
 * the pending pods that fit its empty template; the expander picks one option; its pods are
 * taken; the rest try again. Pods no pool takes get the reason of each pool.
 */
export function scaleUp(run: ScheduleRun, make: MakeScheduler, pools: readonly ScalablePool[]): ScaleUp {
  const sorted = [...pools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const used = new Map<string, number>(sorted.map((p) => [p.name, 0]));
  const templateReasons = new Map<string, Map<SchedPod, readonly string[] | undefined>>();
  const reasonsOf = (pool: ScalablePool, pod: SchedPod) => {
    let m = templateReasons.get(pool.name);
    if (!m) templateReasons.set(pool.name, (m = new Map()));
    if (!m.has(pod)) m.set(pod, emptyNodeReasons(make, pool, pod));
    return m.get(pod);
  };
  let remaining = podsToHelp(run.placements);
  const placed: ScaleUp['placed'] = [];
  for (;;) {
    let best: { pool: ScalablePool; count: number; pods: SchedPod[]; waste: number } | undefined;
    for (const pool of sorted) {
      const room = pool.max - pool.current - used.get(pool.name)!;
      if (room <= 0) continue;
      const fitting = remaining.filter((p) => reasonsOf(pool, p) === undefined);
      if (fitting.length === 0) continue;
      const shifted = { ...pool, current: pool.current + used.get(pool.name)! };
      const option = estimate(run, make, shifted, equivalenceGroups(fitting), room);
      if (option.count === 0) continue;
      const waste = wasteOf(shifted, option);
      if (!best || waste < best.waste) best = { pool: shifted, ...option, waste };
    }
    if (!best) break;
    used.set(best.pool.name, used.get(best.pool.name)! + best.count);
    const taken = new Set(best.pods);
    remaining = remaining.filter((p) => !taken.has(p));
    const inOrder = podsToHelp(run.placements).filter((p) => taken.has(p));
    const earlier = placed.find((o) => o.pool === best.pool.name);
    if (earlier) {
      earlier.count += best.count;
      earlier.pods.push(...inOrder);
    } else placed.push({ pool: best.pool.name, count: best.count, pods: inOrder });
  }
  const refused = remaining.map((pod) => ({ pod, reason: noPoolReason(sorted, pod, reasonsOf, used) }));
  return {
    placed,
    refused,
    nodesToAdd: placed.map((o) => ({ pool: o.pool, count: o.count, pods: o.pods.map(podId) })),
    noPool: refused.map((r) => ({ pod: podId(r.pod), reason: r.reason })),
  };
}

/** Why no pool takes the pod, pool by pool: the FitError of an empty template node, or the max. */
function noPoolReason(pools: readonly ScalablePool[], pod: SchedPod, reasonsOf: (pool: ScalablePool, pod: SchedPod) => readonly string[] | undefined, used: Map<string, number>): string {
  if (pools.length === 0) return 'no scalable pool is declared (a NodePool with spec.max, in --node-pools or the inventory)';
  return pools
    .map((pool) => {
      const reasons = reasonsOf(pool, pod);
      if (reasons) return `pool ${pool.name}: ${fitError(1, [reasons])}`;
      const size = pool.current + used.get(pool.name)!;
      if (size >= pool.max) return `pool ${pool.name}: at its max of ${pool.max} node(s)${used.get(pool.name) ? ` once the nodes above are added` : ''}`;
      return `pool ${pool.name}: a new node of the pool does not take it beside the pods already there (spread or affinity)`;
    })
    .join('; ');
}
