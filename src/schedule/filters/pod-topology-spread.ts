/**
 * PodTopologySpread. Filter: for each DoNotSchedule constraint, placing the pod in the node's
 * domain may not make that domain exceed the least loaded eligible domain by more than
 * maxSkew (minDomains: fewer eligible domains than that counts the minimum as 0). Score: for
 * ScheduleAnyway constraints (or the system defaults), fewer matching pods scores higher.
 */
import { stringOf } from '../../core/index.js';
import { isMap } from '../../rules/index.js';
import type { Cycle, FilterPlugin, PodGroup, ScorePlugin } from '../framework.js';
import { firstUntoleratedTaint, matchesRequiredNodeAffinity } from '../match.js';
import type { Domains } from '../domains.js';
import type { NodeInfo } from '../node-info.js';
import { isEmptySelector, selects } from '../selectors.js';
import type { SchedPod } from '../types.js';

export const SPREAD_REASON = "node(s) didn't match pod topology spread constraints";
const HOSTNAME = 'kubernetes.io/hostname';
const MISSING_LABEL = [`${SPREAD_REASON} (missing required label)`];
const SKEW = [SPREAD_REASON];

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
    topologyKey: stringOf(c.topologyKey ?? ''),
    selector: withMatchLabelKeys(c.labelSelector, c.matchLabelKeys, pod.labels),
    minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  }));
}

/** matchLabelKeys: each key the pod has becomes `key = value` in the selector. */
function withMatchLabelKeys(selector: unknown, keys: unknown, labels: Record<string, string>): unknown {
  if (!isMap(selector) || !Array.isArray(keys) || keys.length === 0) return selector;
  const extra = keys.map(stringOf).filter((k) => Object.hasOwn(labels, k)).map((k) => ({ key: k, operator: 'In', values: [labels[k]!] }));
  return { ...selector, matchExpressions: [...(Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []), ...extra] };
}

/**
 * Per group list (one scheduler), per selector, per namespace: the groups of placed pods the
 * selector selects, and how much of the list was looked at. The list only grows (an emptied
 * group stays), so each group is matched against a selector once, not once per pod.
 */
const selectedGroups = new WeakMap<readonly PodGroup[], WeakMap<object, Map<string, { scanned: number; groups: PodGroup[] }>>>();

/** The groups of matching pods of the namespace; an empty selector matches none (kube-scheduler 1.27+). */
function matchingGroups(cycle: Cycle, selector: unknown, namespace: string): readonly PodGroup[] {
  if (!isMap(selector) || isEmptySelector(selector)) return [];
  let bySelector = selectedGroups.get(cycle.groups);
  if (!bySelector) selectedGroups.set(cycle.groups, (bySelector = new WeakMap()));
  let byNamespace = bySelector.get(selector);
  if (!byNamespace) bySelector.set(selector, (byNamespace = new Map()));
  let entry = byNamespace.get(namespace);
  if (!entry) byNamespace.set(namespace, (entry = { scanned: 0, groups: [] }));
  for (; entry.scanned < cycle.groups.length; entry.scanned++) {
    const g = cycle.groups[entry.scanned]!;
    if (g.namespace === namespace && selects(selector, g.labels)) entry.groups.push(g);
  }
  return entry.groups;
}

function includes(c: Constraint, pod: SchedPod, node: NodeInfo): boolean {
  if (c.honorAffinity && !matchesRequiredNodeAffinity(pod.spec, node.node)) return false;
  if (c.honorTaints && firstUntoleratedTaint(node.node.taints, pod.tolerations, ['NoSchedule', 'NoExecute'])) return false;
  return true;
}

function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!Object.hasOwn(node.node.labels, c.topologyKey)) return false;
  return true;
}

/** Per node list (one scheduler), per workload. */
const eligibleCache = new WeakMap<readonly NodeInfo[], WeakMap<object, Eligible[]>>();

interface Eligible {
  /** By node index: 1 when the node's domain counts. */
  nodes: Uint8Array;
  /** The numbers of the eligible nodes' domains (of cycle.domains(topologyKey)), each once. */
  domains: number[];
}

/** Per constraint: the nodes whose domain counts (all topology keys present, inclusion policies passed) and their domain. */
function eligibleNodes(pod: SchedPod, constraints: readonly Constraint[], cycle: Cycle): Eligible[] {
  const key = pod.targetNode === undefined ? pod.workload : undefined;
  let perScheduler = eligibleCache.get(cycle.nodes);
  if (!perScheduler) eligibleCache.set(cycle.nodes, (perScheduler = new WeakMap()));
  const cached = key && perScheduler.get(key);
  if (cached && cached.length === constraints.length) return cached;
  const out = constraints.map((): Eligible => ({ nodes: new Uint8Array(cycle.nodes.length), domains: [] }));
  const domains = constraints.map((c) => cycle.domains(c.topologyKey));
  const seen = domains.map((d) => new Uint8Array(d.values.length));
  for (const node of cycle.nodes) {
    if (!hasAllKeys(node, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      if (!includes(constraints[i]!, pod, node)) continue;
      const e = out[i]!;
      e.nodes[node.index] = 1;
      const id = domains[i]!.ids[node.index]!;
      if (seen[i]![id] === 0) {
        seen[i]![id] = 1;
        e.domains.push(id);
      }
    }
  }
  if (key) perScheduler.set(key, out);
  return out;
}

export const podTopologySpreadFilter: FilterPlugin = {
  name: 'PodTopologySpread',
  preFilter(pod, cycle) {
    const constraints = constraintsOf(pod, 'DoNotSchedule');
    if (constraints.length === 0) return undefined;
    // Which nodes count, and in which domain, depends only on the pod's template: found once per workload.
    const eligible = eligibleNodes(pod, constraints, cycle);
    const domains = constraints.map((c) => cycle.domains(c.topologyKey));
    // Matching pods per domain, counted on eligible nodes only (a domain no eligible node is in counts 0).
    const counts = constraints.map((c, i) => {
      const { ids } = domains[i]!;
      const perDomain = new Float64Array(domains[i]!.values.length);
      for (const group of matchingGroups(cycle, c.selector, pod.namespace)) {
        group.nodes.forEach((n, node) => {
          if (eligible[i]!.nodes[node.index] === 1) perDomain[ids[node.index]!]! += n;
        });
      }
      return perDomain;
    });
    const minMatch = constraints.map((c, i) => {
      const { domains: eligibleDomains } = eligible[i]!;
      if (eligibleDomains.length < c.minDomains) return 0;
      let min = Infinity;
      for (const id of eligibleDomains) min = Math.min(min, counts[i]![id]!);
      return min;
    });
    const selfMatch = constraints.map((c) => (selects(c.selector, pod.labels) ? 1 : 0));
    return (node) => {
      for (let i = 0; i < constraints.length; i++) {
        const { present, ids } = domains[i]!;
        if (present[node.index] === 0) return MISSING_LABEL;
        const matchNum = counts[i]![ids[node.index]!]!;
        if (matchNum + selfMatch[i]! - minMatch[i]! > constraints[i]!.maxSkew) return SKEW;
      }
      return undefined;
    };
  },
};

/** The system default constraints (hostname maxSkew 3, zone maxSkew 5), with the selector of the pod's Services and controller. */
function defaultConstraints(pod: SchedPod, cycle: Cycle): Constraint[] {
  const selector = cycle.defaultSelector(pod);
  if (!isMap(selector) || isEmptySelector(selector)) return [];
  const make = (topologyKey: string, maxSkew: number): Constraint => ({ maxSkew, topologyKey, selector, minDomains: 1, honorAffinity: true, honorTaints: false });
  return [make(HOSTNAME, 3), make('topology.kubernetes.io/zone', 5)];
}

/** What the scorer reads for one constraint, by node index: whether the node has the key, and the matching pods it counts. */
interface Scoring {
  weight: number;
  /** maxSkew - 1, added for every node with the key. */
  skew: number;
  present: Uint8Array;
  /** Node index to domain number; absent for hostname constraints, counted per node. */
  ids: Int32Array | undefined;
  counts: Float64Array;
}

/**
 * Per-node counts for hostname constraints, one buffer per constraint slot per scheduler,
 * zeroed and refilled by each PreScore: a fresh array per pod would cost more than the
 * scoring. Safe because a pod's scorer is done before the next pod's PreScore runs.
 */
const hostCounts = new WeakMap<readonly NodeInfo[], Float64Array[]>();

function hostCountBuffer(cycle: Cycle, slot: number): Float64Array {
  let buffers = hostCounts.get(cycle.nodes);
  if (!buffers) hostCounts.set(cycle.nodes, (buffers = []));
  const buffer = (buffers[slot] ??= new Float64Array(cycle.nodes.length));
  buffer.fill(0);
  return buffer;
}

export const podTopologySpreadScore: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  preScore(pod, feasible, cycle) {
    const own = Array.isArray(pod.spec.topologySpreadConstraints) && pod.spec.topologySpreadConstraints.length > 0;
    const constraints = own ? constraintsOf(pod, 'ScheduleAnyway') : defaultConstraints(pod, cycle);
    if (constraints.length === 0) return undefined;
    // A pod's own constraints need every topology key on a node; the system defaults do not.
    const requireAll = own;
    const ignored = new Set<NodeInfo>();
    if (requireAll) for (const node of feasible) if (!hasAllKeys(node, constraints)) ignored.add(node);
    const matching = constraints.map((c) => matchingGroups(cycle, c.selector, pod.namespace));
    const scoring = constraints.map((c, i): Scoring => {
      const domains = cycle.domains(c.topologyKey);
      if (c.topologyKey === HOSTNAME) {
        // Counted on the node itself, whatever its inclusion policies.
        const counts = hostCountBuffer(cycle, i);
        for (const group of matching[i]!) group.nodes.forEach((n, node) => (counts[node.index]! += n));
        return { weight: Math.log(feasible.length - ignored.size + 2), skew: c.maxSkew - 1, present: domains.present, ids: undefined, counts };
      }
      // The domains of the feasible nodes (a node without the label counts in the '' domain).
      const seen = new Uint8Array(domains.values.length);
      let size = 0;
      // Indexed, not for-of: an iterator's step objects were the run's largest young garbage.
      for (let k = 0; k < feasible.length; k++) {
        const node = feasible[k]!;
        if (ignored.size > 0 && ignored.has(node)) continue;
        const id = domains.ids[node.index]!;
        if (seen[id] === 0) {
          seen[id] = 1;
          size++;
        }
      }
      // Only nodes holding matching pods add anything; the others' count is 0.
      const counts = new Float64Array(domains.values.length);
      for (const group of matching[i]!) {
        group.nodes.forEach((n, node) => {
          if ((requireAll && !hasAllKeys(node, constraints)) || !includes(c, pod, node)) return;
          const id = domains.ids[node.index]!;
          if (seen[id] === 1) counts[id]! += n;
        });
      }
      return { weight: Math.log(size + 2), skew: c.maxSkew - 1, present: domains.present, ids: domains.ids, counts };
    });
    return (feasible, scores) => {
      for (let i = 0; i < feasible.length; i++) {
        const node = feasible[i]!;
        if (ignored.size > 0 && ignored.has(node)) {
          scores[i] = -1; // marked; normalize gives it 0
          continue;
        }
        const at = node.index;
        let sum = 0;
        for (const s of scoring) {
          if (s.present[at] === 0) continue;
          sum += s.counts[s.ids === undefined ? at : s.ids[at]!]! * s.weight + s.skew;
        }
        scores[i] = Math.round(sum);
      }
    };
  },
  normalize(scores) {
    let max = 0;
    let min = Infinity;
    for (const s of scores) {
      if (s < 0) continue;
      if (s > max) max = s;
      if (s < min) min = s;
    }
    if (min === Infinity) return;
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      if (s < 0) scores[i] = 0;
      else scores[i] = max === 0 ? 100 : Math.trunc((100 * (max + min - s)) / max);
    }
  },
};
