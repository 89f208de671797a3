/**
 * One kube-scheduler, run offline: for each pod, PreFilter, then the filters over the nodes
 * (starting where the last pod's search stopped, and stopping once enough feasible nodes are
 * found, as kube-scheduler does in large clusters), then the scores over the feasible ones
 * (pkg/scheduler/schedule_one.go: schedulePod, findNodesThatFitPod, findNodesThatPassFilters).
 *
 * The search visits the nodes in kube-scheduler's snapshot order (node-tree.ts: zones in turn),
 * not by name. Where upstream is random or parallel, kubeproof is deterministic:
 * - the filters run on one node after another, so the nodes processed are exactly those up to
 *   the one that completes numFeasibleNodesToFind (upstream's 16 workers may check a few more,
 *   and which ones finish first varies);
 * - a PreFilter's node set (NodeAffinity's matchFields on metadata.name) is searched in the
 *   search order, where upstream ranges over a Go map (random order);
 * - selectHost picks at random among the nodes with the top score; kubeproof picks the one
 *   whose name sorts first (a node's index is its rank by name).
 * There are no extenders and no nominated nodes offline (evaluateNominatedNode is never taken),
 * and the default profile always has score plugins, so the search never stops at one node.
 */
import { domainsOf, type Domains } from './domains.js';
import { fitError } from './fit-error.js';
import { preFilterNodeNames, TERMS_CONFLICT } from './filters/node-affinity.js';
import type { Cycle, FilterPlugin, NodeFilter, ScorePlugin } from './framework.js';
import { NodeInfo } from './node-info.js';
import { NodeOnlyVerdicts } from './node-only.js';
import { nodeTreeOrder } from './node-tree.js';
import { PodIndex } from './pod-index.js';
import type { NamespaceLabels } from './selectors.js';
import type { SchedNode, SchedPod } from './types.js';
import type { Binder } from './volumes/binder.js';

export interface SchedulerContext {
  namespaceLabels: NamespaceLabels;
  defaultSelector(pod: SchedPod): unknown;
  volumes: Binder;
}

export interface ScheduleDecision {
  node: string | null;
  message: string | null;
  /** ScheduleResult.EvaluatedNodes: the feasible nodes found plus the nodes given a status (0 when PreFilter refused the pod). */
  evaluatedNodes: number;
  /** ScheduleResult.FeasibleNodes: how many nodes were scored. */
  feasibleNodes: number;
}

/** One filter's rejection of a node. */
export interface FilterFailure {
  plugin: string;
  reasons: readonly string[];
}

export interface FilterVerdicts {
  /** NodeAffinity's PreFilter found the pod's terms in conflict: no node was looked at. */
  conflict: boolean;
  /** Another PreFilter refused the pod (preFilterStatus): its plugin and message. */
  refused?: { plugin: string; message: string };
  /** By node index: every filter that rejects the node. */
  failures: FilterFailure[][];
}

/** The status of the nodes a PreFilter result leaves out (findNodesThatFitPod, pkg/scheduler/schedule_one.go). */
const NOT_PINNED: readonly string[] = ["node(s) didn't satisfy plugin(s) [NodeAffinity]"];

const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/** numFeasibleNodesToFind with the default adaptive percentageOfNodesToScore. */
export function feasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_PERCENTAGE, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES, Math.trunc((numAllNodes * percentage) / 100));
}

interface Search {
  feasible: NodeInfo[];
  /** The reasons of the nodes found infeasible, for the FitError: every node's when none is feasible (otherwise unused, and maybe empty). */
  statuses: (readonly string[])[];
  /** The nodes the filters ran on, feasible or not: upstream's processedNodes (the nodes a PreFilter result leaves out are not counted). */
  processed: number;
}

export class Scheduler {
  /** In name order: a node's index is its rank by name. */
  readonly nodes: NodeInfo[];
  readonly byName: Map<string, NodeInfo>;
  /** The nodes in the order the search visits them (kube-scheduler's snapshot list, node-tree.ts). */
  private readonly searchOrder: NodeInfo[];
  private readonly searchIndices: Int32Array;
  /** Where the next search starts, as a position in searchOrder. */
  private nextStartNodeIndex = 0;
  /** When each placed pod was bound, as a sequence number: the start time preemption compares (util.GetPodStartTime). */
  readonly startedAt = new Map<SchedPod, number>();
  private bindings = 0;
  private readonly index = new PodIndex();
  private readonly domains = new Map<string, Domains>();
  /** How many filters at the head of the list are node-only (FilterPlugin.nodeOnly). */
  private readonly nodeOnlyFilters: number;
  /** Per pod spec: the node-only filters' verdicts on every node, worked out by the spec's first pod. */
  private readonly nodeOnlyVerdicts = new WeakMap<object, NodeOnlyVerdicts>();
  /** The same, shared by every spec whose node-only filters read the same (FilterPlugin.reads): by that, as JSON. */
  private readonly verdictsByInput = new Map<string, NodeOnlyVerdicts>();
  /** Buffers for the search and the scores, kept for the scheduler's life: arrays made for every pod were most of the garbage. */
  /**
   * The nodes a search finds, numFeasibleNodesToFind of all at most. A search that finds that
   * many (the usual case) hands this array itself to the scores rather than a copy of 500 nodes
   * for every pod, which was most of the run's young garbage: nothing keeps `feasible` past one
   * decide().
   */
  private readonly foundBuffer: NodeInfo[];
  /** The reasons of the nodes a search found infeasible: read only when it found no node, so kept in one buffer too. */
  private readonly statusBuffer: (readonly string[])[];
  private readonly totalsBuffer: Float64Array;
  private readonly scoresBuffer: Float64Array;

  constructor(
    nodes: readonly SchedNode[],
    private readonly filters: readonly FilterPlugin[],
    private readonly scores: readonly ScorePlugin[],
    private readonly context: SchedulerContext,
  ) {
    // In name order, so that a node's index also breaks ties by name.
    this.nodes = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((n, i) => new NodeInfo(n, i));
    this.byName = new Map(this.nodes.map((n) => [n.node.name, n]));
    this.searchIndices = nodeTreeOrder(this.nodes.map((n) => n.node));
    this.searchOrder = Array.from(this.searchIndices, (i) => this.nodes[i]!);
    const dynamic = filters.findIndex((f) => !f.nodeOnly);
    this.nodeOnlyFilters = dynamic < 0 ? filters.length : dynamic;
    this.foundBuffer = this.nodes.slice(0, feasibleNodesToFind(this.nodes.length));
    this.statusBuffer = this.nodes.map(() => NOT_PINNED); // any reasons: only the size matters
    this.totalsBuffer = new Float64Array(this.nodes.length);
    this.scoresBuffer = new Float64Array(this.nodes.length);
  }

  /** The node-only verdicts for the pod's spec (not asked for a pod pinned to nodes, whose search visits only those). */
  private verdictsOf(pod: SchedPod, checks: readonly NodeFilter[]): NodeOnlyVerdicts | undefined {
    if (this.nodeOnlyFilters === 0) return undefined;
    let verdicts = this.nodeOnlyVerdicts.get(pod.spec);
    if (verdicts) return verdicts;
    const key = this.nodeOnlyInput(pod);
    verdicts = key === undefined ? undefined : this.verdictsByInput.get(key);
    if (!verdicts) {
      verdicts = new NodeOnlyVerdicts(this.nodes, checks, this.searchIndices);
      if (key !== undefined) this.verdictsByInput.set(key, verdicts);
    }
    this.nodeOnlyVerdicts.set(pod.spec, verdicts);
    return verdicts;
  }

  /** What the node-only filters read of the pod, as JSON; undefined when one does not say (or it is not plain data). */
  private nodeOnlyInput(pod: SchedPod): string | undefined {
    const inputs: unknown[] = [];
    for (let i = 0; i < this.nodeOnlyFilters; i++) {
      const reads = this.filters[i]!.reads;
      if (!reads) return undefined;
      inputs.push(reads(pod));
    }
    try {
      return JSON.stringify(inputs);
    } catch {
      return undefined; // a BigInt (an integer past 2^53 in the YAML) has no JSON
    }
  }

  /** Binds without scheduling, as the API server does for a pod with spec.nodeName. */
  bind(pod: SchedPod, nodeName: string): void {
    const node = this.byName.get(nodeName);
    if (!node) return;
    node.add(pod);
    this.index.add(pod, node);
    this.startedAt.set(pod, this.bindings++);
    // Reserve: the pod's WaitForFirstConsumer claims are bound for it on this node (VolumeBinding).
    if (pod.volumeClaims.length) this.context.volumes.assume(pod.namespace, pod.volumeClaims, node);
  }

  unbind(pod: SchedPod, nodeName: string): void {
    const node = this.byName.get(nodeName);
    if (!node) return;
    node.remove(pod);
    this.index.remove(pod, node);
    this.startedAt.delete(pod);
  }

  private cycle(): Cycle {
    return {
      nodes: this.nodes,
      byName: this.byName,
      groups: this.index.groups,
      affinityGroups: this.index.affinityGroups,
      namespaceLabels: this.context.namespaceLabels,
      defaultSelector: (p) => this.context.defaultSelector(p),
      domains: (key) => this.domainsOf(key),
      volumes: this.context.volumes,
    };
  }

  /** PreFilter of every plugin over the current state: the checks that matter for this pod, in filter order. */
  private checksFor(pod: SchedPod, cycle: Cycle): NodeFilter[] {
    const checks: NodeFilter[] = [];
    for (const f of this.filters) {
      const check = f.preFilter(pod, cycle);
      if (check) checks.push(check);
    }
    return checks;
  }

  /**
   * Each node's reasons for rejecting the pod (undefined where it fits), by node index: what
   * one scheduling cycle's filters say of every node, the statuses DefaultPreemption starts
   * from. Unlike decide(), the search's start index is left where it is.
   */
  nodeStatuses(pod: SchedPod): (readonly string[] | undefined)[] {
    const cycle = this.cycle();
    const refused = this.refusal(pod, cycle);
    if (refused) return this.nodes.map(() => [refused.message]);
    const checks = this.checksFor(pod, cycle);
    const pinned = preFilterNodeNames(pod);
    return this.nodes.map((node) => (pinned && !pinned.has(node.node.name) ? NOT_PINNED : runFilters(checks, node)));
  }

  /** The filters on one node after PreFilter over the current state (RunFilterPluginsWithNominatedPods, with no nominated pods). */
  filterOn(pod: SchedPod, node: NodeInfo): readonly string[] | undefined {
    const pinned = preFilterNodeNames(pod);
    if (pinned && !pinned.has(node.node.name)) return NOT_PINNED;
    const cycle = this.cycle();
    const refused = this.refusal(pod, cycle);
    if (refused) return [refused.message];
    return runFilters(this.checksFor(pod, cycle), node);
  }

  /** The first PreFilter that refuses the pod outright, after NodeAffinity's (RunPreFilterPlugins, in plugin order). */
  private refusal(pod: SchedPod, cycle: Cycle): { plugin: string; message: string } | undefined {
    for (const f of this.filters) {
      const message = f.preFilterStatus?.(pod, cycle);
      if (message !== undefined) return { plugin: f.name, message };
    }
    return undefined;
  }

  private domainsOf(key: string): Domains {
    let d = this.domains.get(key);
    if (!d) this.domains.set(key, (d = domainsOf(this.nodes, key)));
    return d;
  }

  /** Where the next search starts: a position in the search order (tests). */
  get startNodeIndex(): number {
    return this.nextStartNodeIndex;
  }

  /**
   * Whether `count` copies of the pod, scheduled one after another, would each find a node,
   * known without scheduling them: true when every filter that has something to check for the
   * pod is node-only or node-local (FilterPlugin.nodeLocal) and at least `count` nodes pass
   * them now. Each copy changes the verdicts on the node it lands on alone, so the k-th copy
   * still finds count - k + 1 nodes untouched and feasible; and a search that has a feasible
   * node finds one (it stops early only after finding numFeasibleNodesToFind of them). False
   * means only that the search must answer. Nothing is bound; the start index does not move.
   */
  fitsAtLeast(pod: SchedPod, count: number): boolean {
    if (this.nodes.length === 0 || preFilterNodeNames(pod)) return false;
    const cycle = this.cycle();
    if (this.refusal(pod, cycle)) return false;
    const nodeOnlyChecks: NodeFilter[] = [];
    const checks: NodeFilter[] = [];
    for (let i = 0; i < this.filters.length; i++) {
      const f = this.filters[i]!;
      const check = f.preFilter(pod, cycle);
      if (!check) continue;
      if (i < this.nodeOnlyFilters) nodeOnlyChecks.push(check);
      else if (f.nodeLocal) checks.push(check);
      else return false;
    }
    const verdicts = this.verdictsOf(pod, nodeOnlyChecks);
    let found = 0;
    for (const node of this.nodes) {
      if (verdicts ? verdicts.reasons[node.index] !== null : runFilters(nodeOnlyChecks, node)) continue;
      if (!runFilters(checks, node) && ++found >= count) return true;
    }
    return false;
  }

  /**
   * Runs a what-if (extra pods placed, then removed again) and puts the search's start index
   * back as it was: a what-if's decisions advance it like real ones, and left moved, every
   * later what-if would start from wherever the previous one stopped, so its answer would
   * depend on which questions were asked before it. Each starts from the state the real
   * placement ended in. The volume bindings its pods assumed are undone too (Binder.tentatively).
   */
  whatIf<T>(question: () => T): T {
    const start = this.nextStartNodeIndex;
    try {
      return this.context.volumes.tentatively(question);
    } finally {
      this.nextStartNodeIndex = start;
    }
  }

  /** The names of the nodes in the order the search visits them. */
  searchOrderNames(): string[] {
    return this.searchOrder.map((n) => n.node.name);
  }

  /** Where the pod would go, without binding it. */
  decide(pod: SchedPod): ScheduleDecision {
    const all = this.nodes;
    const unplaced = (message: string, evaluatedNodes = 0): ScheduleDecision => ({ node: null, message, evaluatedNodes, feasibleNodes: 0 });
    if (all.length === 0) return unplaced('no nodes available to schedule pods');
    const cycle = this.cycle();
    // NodeAffinity's PreFilter comes first, and an UnschedulableAndUnresolvable status stops the
    // rest (RunPreFilterPlugins, pkg/scheduler/framework/runtime/framework.go):
    // the pod is unschedulable before any node is looked at, and nextStartNodeIndex stays.
    const pinned = preFilterNodeNames(pod);
    if (pinned?.size === 0) return unplaced(fitError(all.length, [], TERMS_CONFLICT));
    const refused = this.refusal(pod, cycle);
    if (refused) return unplaced(fitError(all.length, [], refused.message));
    const nodeOnlyChecks: NodeFilter[] = [];
    const checks: NodeFilter[] = [];
    this.filters.forEach((f, i) => {
      const check = f.preFilter(pod, cycle);
      if (check) (i < this.nodeOnlyFilters ? nodeOnlyChecks : checks).push(check);
    });
    const verdicts = pinned ? undefined : this.verdictsOf(pod, nodeOnlyChecks);
    const { feasible, statuses, processed } = verdicts ? this.searchPassing(verdicts, checks) : this.searchEach(pinned, [...nodeOnlyChecks, ...checks]);

    if (feasible.length === 0) return unplaced(fitError(all.length, statuses), processed);
    const node = feasible.length === 1 ? feasible[0]! : this.best(pod, feasible, cycle);
    return { node: node.node.name, message: null, evaluatedNodes: processed, feasibleNodes: feasible.length };
  }

  /**
   * Every filter's verdict on every node, not only the first rejection the FitError counts:
   * which filters a node fails tells where a pending pod's fix goes (explain/). Nodes outside
   * NodeAffinity's PreFilter result fail NodeAffinity alone, as kube-scheduler never filters
   * them. Nothing is bound and the search's start index does not move.
   */
  filterVerdicts(pod: SchedPod): FilterVerdicts {
    const pinned = preFilterNodeNames(pod);
    if (pinned?.size === 0) return { conflict: true, failures: [] };
    const cycle = this.cycle();
    const refused = this.refusal(pod, cycle);
    if (refused) return { conflict: false, refused, failures: [] };
    const checks = this.filters.map((f) => ({ plugin: f.name, check: f.preFilter(pod, cycle) }));
    const failures = this.nodes.map((node) => {
      if (pinned && !pinned.has(node.node.name)) return [{ plugin: 'NodeAffinity', reasons: NOT_PINNED }];
      const out: FilterFailure[] = [];
      for (const { plugin, check } of checks) {
        const reasons = check?.(node);
        if (reasons) out.push({ plugin, reasons });
      }
      return out;
    });
    return { conflict: false, failures };
  }

  /**
   * The search over every node, from where the last one stopped, until enough feasible nodes
   * are found; the nodes the node-only filters reject are stepped over. The order, the nodes
   * found and where the next search starts are those of visiting each node in turn.
   */
  private searchPassing(verdicts: NodeOnlyVerdicts, checks: readonly NodeFilter[]): Search {
    const all = this.searchOrder;
    const toFind = feasibleNodesToFind(all.length);
    const start = this.nextStartNodeIndex % all.length;
    const passing = verdicts.passing;
    const found = this.foundBuffer;
    let count = 0;
    const failed = this.statusBuffer;
    let failures = 0;
    let processed = all.length;
    let k = verdicts.firstFrom(start);
    for (let j = 0; j < passing.length; j++, k++) {
      if (k === passing.length) k = 0;
      const position = passing[k]!;
      const node = all[position]!;
      const reasons = runFilters(checks, node);
      if (reasons) {
        failed[failures++] = reasons;
        continue;
      }
      found[count++] = node;
      if (count === toFind) {
        processed = ((position - start + all.length) % all.length) + 1;
        break;
      }
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % all.length;
    const feasible = count === toFind ? found : found.slice(0, count);
    // Only a search that found nothing reports its statuses (the FitError); every node was
    // visited then, and the ones stepped over give their reasons too.
    const statuses = feasible.length > 0 ? [] : failed.slice(0, failures);
    if (feasible.length === 0) for (const reasons of verdicts.reasons) if (reasons) statuses.push(reasons);
    return { feasible, statuses, processed };
  }

  /**
   * The search visiting each candidate in turn: all nodes, or the ones the pod is pinned to.
   * Pinned, the search runs over the pinned nodes alone, from the start index modulo their
   * number, and stops after numFeasibleNodesToFind of their number, as findNodesThatPassFilters
   * does over the PreFilter result's nodes; the start index still advances modulo all nodes.
   */
  private searchEach(pinned: Set<string> | undefined, checks: readonly NodeFilter[]): Search {
    const all = this.searchOrder;
    const statuses: (readonly string[])[] = [];
    let candidates: readonly NodeInfo[] = all;
    if (pinned) {
      candidates = all.filter((n) => pinned.has(n.node.name));
      for (let i = candidates.length; i < all.length; i++) statuses.push(NOT_PINNED);
    }

    const toFind = feasibleNodesToFind(candidates.length);
    const feasible: NodeInfo[] = [];
    let processed = 0;
    let at = this.nextStartNodeIndex % Math.max(1, candidates.length);
    for (let i = 0; i < candidates.length && feasible.length < toFind; i++) {
      const node = candidates[at]!;
      if (++at === candidates.length) at = 0;
      processed++;
      const reasons = runFilters(checks, node);
      if (reasons) statuses.push(reasons);
      else feasible.push(node);
    }
    this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % all.length;
    return { feasible, statuses, processed };
  }

  private best(pod: SchedPod, feasible: NodeInfo[], cycle: Cycle): NodeInfo {
    // Views of the scheduler's buffers, of the right length (the normalizers read every element).
    const totals = this.totalsBuffer.subarray(0, feasible.length).fill(0);
    const scores = this.scoresBuffer.subarray(0, feasible.length);
    for (const plugin of this.scores) {
      const scorer = plugin.preScore(pod, feasible, cycle);
      if (!scorer) continue;
      const weight = plugin.weight;
      scorer(feasible, scores);
      plugin.normalize?.(scores);
      for (let i = 0; i < feasible.length; i++) totals[i]! += scores[i]! * weight;
    }
    let best = 0;
    for (let i = 1; i < feasible.length; i++) {
      if (totals[i]! > totals[best]! || (totals[i] === totals[best] && feasible[i]!.index < feasible[best]!.index)) best = i;
    }
    return feasible[best]!;
  }
}

/** The first filter that rejects the node gives its reasons; the others are not run (RunFilterPlugins). */
function runFilters(checks: readonly NodeFilter[], node: NodeInfo): readonly string[] | undefined {
  for (const check of checks) {
    const reasons = check(node);
    if (reasons) return reasons;
  }
  return undefined;
}
