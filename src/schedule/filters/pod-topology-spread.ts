/**
 * PodTopologySpread. Filter: for each DoNotSchedule constraint, placing the pod in the node's
 * domain may not make that domain exceed the least loaded eligible domain by more than
 * maxSkew (minDomains: fewer eligible domains than that counts the minimum as 0). Score: for
 * ScheduleAnyway constraints (or the system defaults), fewer matching pods scores higher.
 */
import { isMap } from '../../rules/index.js';
import type { Cycle, FilterPlugin, ScorePlugin } from '../framework.js';
import { firstUntoleratedTaint, matchesRequiredNodeAffinity } from '../match.js';
import type { NodeInfo } from '../node-info.js';
import { isEmptySelector, selects } from '../selectors.js';
import type { SchedPod } from '../types.js';

export const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
const HOSTNAME = 'kubernetes.io/hostname';

interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: unknown;
  minDomains: number;
  honorAffinity: boolean;
  honorTaints: boolean;
}

function constraintsOf(pod: SchedPod, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const list = Array.isArray(pod.spec.topologySpreadConstraints) ? pod.spec.topologySpreadConstraints.filter(isMap) : [];
  return list.filter((c) => c.whenUnsatisfiable === when).map((c) => ({
    maxSkew: typeof c.maxSkew === 'number' ? c.maxSkew : 1,
    topologyKey: String(c.topologyKey ?? ''),
    selector: withMatchLabelKeys(c.labelSelector, c.matchLabelKeys, pod.labels),
    minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  }));
}

/** matchLabelKeys: each key the pod has becomes `key = value` in the selector. */
function withMatchLabelKeys(selector: unknown, keys: unknown, labels: Record<string, string>): unknown {
  if (!isMap(selector) || !Array.isArray(keys) || keys.length === 0) return selector;
  const extra = keys.map(String).filter((k) => Object.hasOwn(labels, k)).map((k) => ({ key: k, operator: 'In', values: [labels[k]!] }));
  return { ...selector, matchExpressions: [...(Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []), ...extra] };
}

/** Matching pods of the namespace per node; an empty selector counts none (kube-scheduler 1.27+). */
function matchingPerNode(cycle: Cycle, selector: unknown, namespace: string): Map<NodeInfo, number> {
  const out = new Map<NodeInfo, number>();
  if (!isMap(selector) || isEmptySelector(selector)) return out;
  for (const g of cycle.groups) {
    if (g.namespace !== namespace || !selects(selector, g.labels)) continue;
    for (const [node, n] of g.nodes) out.set(node, (out.get(node) ?? 0) + n);
  }
  return out;
}

function includes(c: Constraint, pod: SchedPod, node: NodeInfo): boolean {
  if (c.honorAffinity && !matchesRequiredNodeAffinity(pod.spec, node.node)) return false;
  if (c.honorTaints && firstUntoleratedTaint(node.node.taints, pod.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  return constraints.every((c) => Object.hasOwn(node.node.labels, c.topologyKey));
}

/** Per node list (one scheduler), per workload. */
const eligibleCache = new WeakMap<readonly NodeInfo[], WeakMap<object, Eligible[]>>();

interface Eligible {
  nodes: Map<NodeInfo, string>;
  domains: string[];
}

/** Per constraint: the nodes whose domain counts (all topology keys present, inclusion policies passed) and their domain. */
function eligibleNodes(pod: SchedPod, constraints: readonly Constraint[], cycle: Cycle): Eligible[] {
  const key = pod.targetNode === undefined ? pod.workload : undefined;
  let perScheduler = eligibleCache.get(cycle.nodes);
  if (!perScheduler) eligibleCache.set(cycle.nodes, (perScheduler = new WeakMap()));
  const cached = key && perScheduler.get(key);
  if (cached && cached.length === constraints.length) return cached;
  const nodes = constraints.map(() => new Map<NodeInfo, string>());
  for (const node of cycle.nodes) {
    if (!hasAllKeys(node, constraints)) continue;
    constraints.forEach((c, i) => includes(c, pod, node) && nodes[i]!.set(node, node.node.labels[c.topologyKey]!));
  }
  const out = nodes.map((m) => ({ nodes: m, domains: [...new Set(m.values())] }));
  if (key) perScheduler.set(key, out);
  return out;
}

interface FilterState {
  constraints: Constraint[];
  counts: Map<string, number>[];
  minMatch: number[];
}

const KEY = 'PodTopologySpread';

export const podTopologySpreadFilter: FilterPlugin = {
  name: KEY,
  preFilter(pod, cycle) {
    const constraints = constraintsOf(pod, 'DoNotSchedule');
    if (constraints.length === 0) {
      cycle.state.delete(KEY);
      return;
    }
    // Which nodes count, and in which domain, depends only on the pod's template: found once per workload.
    const eligible = eligibleNodes(pod, constraints, cycle);
    const counts = constraints.map((_, i) => new Map(eligible[i]!.domains.map((v) => [v, 0])));
    constraints.forEach((c, i) => {
      for (const [node, n] of matchingPerNode(cycle, c.selector, pod.namespace)) {
        const value = eligible[i]!.nodes.get(node);
        if (value !== undefined) counts[i]!.set(value, counts[i]!.get(value)! + n);
      }
    });
    const minMatch = constraints.map((c, i) => (counts[i]!.size < c.minDomains ? 0 : Math.min(...counts[i]!.values())));
    cycle.state.set(KEY, { constraints, counts, minMatch } satisfies FilterState);
  },
  filter(pod, node, cycle) {
    const state = cycle.state.get(KEY) as FilterState | undefined;
    if (!state) return undefined;
    for (let i = 0; i < state.constraints.length; i++) {
      const c = state.constraints[i]!;
      const value = node.node.labels[c.topologyKey];
      if (value === undefined) return [`${SPREAD_REASON} (missing required label)`];
      const selfMatch = selects(c.selector, pod.labels) ? 1 : 0;
      const matchNum = state.counts[i]!.get(value) ?? 0;
      if (matchNum + selfMatch - state.minMatch[i]! > c.maxSkew) return [SPREAD_REASON];
    }
    return undefined;
  },
};

interface ScoreState {
  constraints: Constraint[];
  requireAll: boolean;
  weights: number[];
  /** Per constraint (not hostname): domain value -> matching pods. */
  counts: Map<string, number>[];
  /** Per constraint: matching pods per node (for hostname constraints). */
  matching: Map<NodeInfo, number>[];
  ignored: Set<NodeInfo>;
}

const SCORE_KEY = 'PodTopologySpread/score';

/** The system default constraints (hostname maxSkew 3, zone maxSkew 5), with the selector of the pod's Services and controller. */
function defaultConstraints(pod: SchedPod, cycle: Cycle): Constraint[] {
  const selector = cycle.defaultSelector(pod);
  if (!isMap(selector) || isEmptySelector(selector)) return [];
  const make = (topologyKey: string, maxSkew: number): Constraint => ({ maxSkew, topologyKey, selector, minDomains: 1, honorAffinity: true, honorTaints: false });
  return [make(HOSTNAME, 3), make('topology.kubernetes.io/zone', 5)];
}

export const podTopologySpreadScore: ScorePlugin = {
  name: KEY,
  weight: 2,
  preScore(pod, feasible, cycle) {
    const own = Array.isArray(pod.spec.topologySpreadConstraints) && pod.spec.topologySpreadConstraints.length > 0;
    const constraints = own ? constraintsOf(pod, 'ScheduleAnyway') : defaultConstraints(pod, cycle);
    if (constraints.length === 0) return false;
    const requireAll = own;
    const ignored = new Set<NodeInfo>();
    const domains = constraints.map(() => new Set<string>());
    for (const node of feasible) {
      if (requireAll && !hasAllKeys(node, constraints)) {
        ignored.add(node);
        continue;
      }
      constraints.forEach((c, i) => c.topologyKey !== HOSTNAME && domains[i]!.add(node.node.labels[c.topologyKey] ?? ''));
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? feasible.length - ignored.size : domains[i]!.size) + 2));
    const counts = constraints.map(() => new Map<string, number>());
    const matching = constraints.map((c) => matchingPerNode(cycle, c.selector, pod.namespace));
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME) return;
      // Only nodes holding matching pods add anything; the others' count is 0.
      for (const [node, n] of matching[i]!) {
        if ((requireAll && !hasAllKeys(node, constraints)) || !includes(c, pod, node)) continue;
        const value = node.node.labels[c.topologyKey] ?? '';
        if (domains[i]!.has(value)) counts[i]!.set(value, (counts[i]!.get(value) ?? 0) + n);
      }
    });
    cycle.state.set(SCORE_KEY, { constraints, requireAll, weights, counts, matching, ignored } satisfies ScoreState);
    return true;
  },
  score(_pod, node, cycle) {
    const state = cycle.state.get(SCORE_KEY) as ScoreState;
    if (state.ignored.has(node)) return -1; // marked; normalize gives it 0
    let sum = 0;
    state.constraints.forEach((c, i) => {
      const value = node.node.labels[c.topologyKey];
      if (value === undefined) return;
      const count = c.topologyKey === HOSTNAME ? (state.matching[i]!.get(node) ?? 0) : (state.counts[i]!.get(value) ?? 0);
      sum += count * state.weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(sum);
  },
  normalize(scores) {
    const live = scores.filter((s) => s >= 0);
    if (live.length === 0) return;
    const max = Math.max(0, ...live);
    const min = Math.min(...live);
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      if (s < 0) scores[i] = 0;
      else scores[i] = max === 0 ? 100 : Math.trunc((100 * (max + min - s)) / max);
    }
  },
};
