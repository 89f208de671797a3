/**
 * A whole dry run: bound pods first (spec.nodeName), then DaemonSet pods (they would already
 * be running), then every other pod by priority (highest first), then input order, replicas in
 * index order. A StatefulSet with OrderedReady creates no pod after its first pending ordinal.
 * A pod that fits nowhere may preempt lower-priority pods (preemptions.ts).
 */
import { stringOf, type Resource } from '../core/index.js';
import { isMap, namespaceOf } from '../rules/index.js';
import type { KubernetesVersion } from '../schema/index.js';
import { daemonSetPods } from './daemonset.js';
import { explain } from './explain/index.js';
import type { FilterPlugin, ScorePlugin } from './framework.js';
import { defaultFilters, defaultScores, type Strategy } from './plugins.js';
import { workloadPods } from './pods.js';
import { Preemptions } from './preemptions.js';
import { admitWorkloads, priorityClassesOf, type WorkloadPodList } from './priority.js';
import { Scheduler, type SchedulerContext } from './scheduler.js';
import type { Placement, SchedNode, SchedPod } from './types.js';
import { Binder } from './volumes/binder.js';
import { volumeInputs } from './volumes/catalog.js';

export interface ScheduleOptions {
  strategy?: Strategy;
  /** Decides the wording of the TaintToleration reason (1.33 names the taint). */
  kubernetesVersion?: KubernetesVersion;
  /**
   * Work out where each workload's first pending pod needs its fix (explain/), in the cluster
   * as it was when the pod was tried. Only the run that is reported asks; the node-loss and
   * zone-loss reruns do not pay for it.
   */
  explain?: boolean;
  /** Plugins to use instead of the default profile (tests). */
  filters?: readonly FilterPlugin[];
  scores?: readonly ScorePlugin[];
}

export interface ScheduleRun {
  scheduler: Scheduler;
  placements: Placement[];
  notCreated: SchedPod[];
  /** Workloads whose pods were cut at MAX_PODS: how many they asked for, how many were made. */
  cut: { workload: Resource; asked: number; made: number }[];
  /** Workloads whose pods the Priority admission plugin refuses (priority.ts): none was made. */
  /** Workloads Priority admission refuses (no pods made), or `assumed` admitted with priority 0 (a class only the cluster may have). */
  refusedPods: { workload: Resource; message: string; assumed?: boolean }[];
  /** The run's preemption state, for questions about extra pods (capacity.ts). */
  preemptions: Preemptions;
}

export function runSchedule(resources: readonly Resource[], nodes: readonly SchedNode[], options: ScheduleOptions = {}): ScheduleRun {
  const taintMessage = options.kubernetesVersion === '1.33' ? 'named' : 'generic';
  const scheduler = new Scheduler(nodes, options.filters ?? defaultFilters(taintMessage), options.scores ?? defaultScores(options.strategy ?? 'least-allocated'), schedulerContext(resources));
  const placements: Placement[] = [];
  const notCreated: SchedPod[] = [];
  const refusedPods: ScheduleRun['refusedPods'] = [];
  const classes = priorityClassesOf(resources);
  const admitted = <W extends WorkloadPodList>(list: W[]) => admitWorkloads(list, classes, refusedPods);
  const made = workloadPods(resources);
  const cut = made.filter((w) => w.pods.length < w.asked).map((w) => ({ workload: w.workload, asked: w.asked, made: w.pods.length }));
  const workloads = admitted(made);
  const daemons = admitted(daemonSetPods(resources, nodes));
  const preemption = new Preemptions(scheduler, resources, [...workloads, ...daemons].flatMap((w) => w.pods));

  // The workloads whose first pending pod has been explained: one explanation each is enough.
  const explained = options.explain ? new Set<Resource>() : undefined;
  // Explained as the pod was tried, before anything else is placed (preemption leaves a pending pod's cluster as it was).
  const place = (pod: SchedPod): Placement => {
    const placement = preemption.place(pod);
    if (placement.node !== null || !explained || explained.has(pod.workload)) return placement;
    explained.add(pod.workload);
    placement.explanation = explain(scheduler, pod);
    return placement;
  };

  const later: typeof workloads = [];
  for (const w of workloads) {
    const bound = w.pods.filter((p) => p.nodeName !== undefined);
    for (const pod of bound) {
      const known = scheduler.byName.has(pod.nodeName!);
      if (known) scheduler.bind(pod, pod.nodeName!);
      placements.push(preemption.track({ pod, node: known ? pod.nodeName! : null, message: known ? null : `spec.nodeName: node "${pod.nodeName}" is not in the node inventory` }));
    }
    if (bound.length < w.pods.length) later.push({ ...w, pods: w.pods.filter((p) => p.nodeName === undefined) });
  }

  for (const ds of daemons) for (const pod of ds.pods) placements.push(place(pod));

  // The scheduling queue pops the highest priority first, then the oldest: input order, as a
  // workload's pods share one priority (a stable sort keeps their order).
  later.sort((a, b) => (b.pods[0]?.priority ?? 0) - (a.pods[0]?.priority ?? 0));
  for (const w of later) {
    let blocked = false;
    let pending: Placement | undefined;
    for (const pod of w.pods) {
      if (blocked) {
        notCreated.push(pod);
        continue;
      }
      // Replacements of preempted pods with a higher priority than this pod's come first.
      if (preemption.drain(pod.priority ?? 0)) pending = undefined;
      // A replica that found no node leaves the cluster as it was, so the next replica of the
      // same spec finds none for the same reasons (the search's start index does not move
      // either): kube-scheduler's answer, without running it again for each of them. A
      // StatefulSet replica's own claims (which may exist already, bound elsewhere) are part of
      // the question: replicas share the claims array only when they have no templates.
      const placement = pending && pod.spec === pending.pod.spec && pod.volumeClaims === pending.pod.volumeClaims ? preemption.track({ pod, node: null, message: pending.message, messageWithPreemption: pending.messageWithPreemption }) : place(pod);
      placements.push(placement);
      if (placement.node === null) pending = placement;
      if (w.ordered && placement.node === null) blocked = true;
    }
  }
  preemption.drain();
  return { scheduler, placements, notCreated, cut, refusedPods, preemptions: preemption };
}

/** Namespace labels and the default spreading selector, from the inputs. */
export function schedulerContext(resources: readonly Resource[]): SchedulerContext {
  const namespaces = new Map<string, Record<string, string>>();
  const services: Resource[] = [];
  for (const r of resources) {
    if (r.id.apiVersion === 'v1' && r.id.kind === 'Namespace') {
      const labels = isMap(r.object.metadata) && isMap(r.object.metadata.labels) ? r.object.metadata.labels : {};
      namespaces.set(r.id.name, Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, stringOf(v)])));
    }
    if (r.id.apiVersion === 'v1' && r.id.kind === 'Service') services.push(r);
  }
  const cache = new WeakMap<Resource, unknown>();
  return {
    volumes: new Binder(volumeInputs(resources)),
    namespaceLabels: (ns) => ({ ...(namespaces.get(ns) ?? {}), 'kubernetes.io/metadata.name': ns }),
    defaultSelector(pod) {
      if (cache.has(pod.workload)) return cache.get(pod.workload);
      const selector = defaultSelector(pod.workload, pod.labels, pod.namespace, services);
      cache.set(pod.workload, selector);
      return selector;
    },
  };
}

/**
 * helper.DefaultSelector: the selectors of the Services in the pod's namespace that select it,
 * merged, plus its controller's (a Deployment's pods belong to a ReplicaSet with its selector).
 */
function defaultSelector(workload: Resource, labels: Record<string, string>, namespace: string, services: readonly Resource[]): unknown {
  const matchLabels: Record<string, string> = {};
  for (const svc of services) {
    if (namespaceOf(svc) !== namespace || !isMap(svc.object.spec) || !isMap(svc.object.spec.selector)) continue;
    const sel = svc.object.spec.selector;
    if (Object.entries(sel).every(([k, v]) => labels[k] === stringOf(v))) for (const [k, v] of Object.entries(sel)) matchLabels[k] = stringOf(v);
  }
  const matchExpressions: unknown[] = [];
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(workload.id.kind) && isMap(workload.object.spec)) {
    const sel = workload.object.spec.selector;
    if (workload.id.kind === 'ReplicationController' && isMap(sel)) for (const [k, v] of Object.entries(sel)) matchLabels[k] = stringOf(v);
    else if (isMap(sel)) {
      if (isMap(sel.matchLabels)) for (const [k, v] of Object.entries(sel.matchLabels)) matchLabels[k] = stringOf(v);
      if (Array.isArray(sel.matchExpressions)) matchExpressions.push(...sel.matchExpressions);
    }
  }
  return { matchLabels, matchExpressions };
}
