/**
 * Pods as their controllers create them: replicas in index order, a Job's parallelism, one
 * run of a CronJob, a bare Pod as it is. RuntimeClass admission is applied first (overhead,
 * node selector, tolerations), then the pod's requests are summed as kube-scheduler sums them.
 * DaemonSet pods depend on the nodes and are made in daemonset.ts.
 */
import type { Resource } from '../core/index.js';
import { isMap, namespaceOf, podRequests, podTemplate, replicasOf } from '../rules/index.js';
import { fromResourceMap } from './amounts.js';
import type { HostPort, Owner, SchedPod, Toleration } from './types.js';
import type { PodClaim } from './volumes/binder.js';

/** kube-scheduler's defaults for containers that request no cpu or memory, used in scoring only (pkg/scheduler/util). */
const DEFAULT_MILLI_CPU = '100m';
const DEFAULT_MEMORY = String(200 * 1024 * 1024);

/**
 * Pods a dry run makes, at most: Kubernetes' documented scalability limit for a cluster
 * (150,000 pods). A manifest may ask for 2^31 - 1 replicas; a run that tried to make them would
 * run out of memory. Pods past the limit are not made, and the workload says so (`pod-limit`).
 */
export const MAX_PODS = 150_000;

export interface WorkloadPods {
  workload: Resource;
  pods: SchedPod[];
  /** How many pods the workload asks for: more than `pods` holds when the run reached MAX_PODS. */
  asked: number;
  /** StatefulSet with podManagementPolicy OrderedReady: no pod after the first pending ordinal. */
  ordered: boolean;
}

const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'Job', 'CronJob', 'Pod']);

/** Whether `r` is of a kind a dry run makes pods for: the controllers above, and DaemonSets (daemonset.ts). */
export function makesPods(r: Resource): boolean {
  return CONTROLLERS.has(r.id.kind) || r.id.kind === 'DaemonSet';
}

export function workloadPods(resources: readonly Resource[], limit = MAX_PODS): WorkloadPods[] {
  const runtimeClasses = runtimeClassesOf(resources);
  const out: WorkloadPods[] = [];
  let budget = limit;
  for (const r of resources) {
    if (!CONTROLLERS.has(r.id.kind)) continue;
    const t = podTemplate(r);
    if (!t) continue;
    const spec = admit(t.spec, runtimeClasses);
    const asked = replicasOf(r) ?? 0;
    const count = Math.min(asked, budget);
    budget -= count;
    const pods: SchedPod[] = [];
    for (let i = 0; i < count; i++) {
      const name = r.id.kind === 'Pod' ? r.id.name : `${r.id.name}-${i}`;
      pods.push(makePod(r, { kind: r.id.kind, name: r.id.name }, name, namespaceOf(r), t.labels, spec, r.id.kind === 'StatefulSet' ? i : undefined));
    }
    const policy = isMap(r.object.spec) ? r.object.spec.podManagementPolicy : undefined;
    out.push({ workload: r, pods, asked, ordered: r.id.kind === 'StatefulSet' && policy !== 'Parallel' });
  }
  return out;
}

export function runtimeClassesOf(resources: readonly Resource[]): Map<string, Record<string, unknown>> {
  return new Map(resources.filter((r) => r.id.apiVersion === 'node.k8s.io/v1' && r.id.kind === 'RuntimeClass').map((r) => [r.id.name, r.object]));
}

/** RuntimeClass admission: the class's overhead, node selector and tolerations join the pod's. */
export function admit(spec: Record<string, unknown>, runtimeClasses: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const rc = typeof spec.runtimeClassName === 'string' ? runtimeClasses.get(spec.runtimeClassName) : undefined;
  if (!rc) return spec;
  const out = { ...spec };
  const overhead = isMap(rc.overhead) ? rc.overhead.podFixed : undefined;
  if (out.overhead === undefined && isMap(overhead)) out.overhead = overhead;
  const scheduling = isMap(rc.scheduling) ? rc.scheduling : {};
  if (isMap(scheduling.nodeSelector)) out.nodeSelector = { ...scheduling.nodeSelector, ...(isMap(out.nodeSelector) ? out.nodeSelector : {}) };
  if (Array.isArray(scheduling.tolerations)) out.tolerations = [...(Array.isArray(out.tolerations) ? out.tolerations : []), ...scheduling.tolerations];
  return out;
}

/** What a pod derives from its spec, worked out once per spec: a workload's replicas share one. */
type FromSpec = Pick<SchedPod, 'requests' | 'scoringRequests' | 'hostPorts' | 'tolerations' | 'nodeName' | 'volumeClaims'>;
const fromSpec = new WeakMap<Record<string, unknown>, FromSpec>();

function derive(spec: Record<string, unknown>): FromSpec {
  let d = fromSpec.get(spec);
  if (!d) {
    d = {
      requests: fromResourceMap(podRequests(spec)),
      scoringRequests: fromResourceMap(podRequests(withDefaultRequests(spec))),
      hostPorts: hostPorts(spec),
      volumeClaims: specClaims(spec),
      tolerations: (Array.isArray(spec.tolerations) ? spec.tolerations : []).filter(isMap) as Toleration[],
      nodeName: typeof spec.nodeName === 'string' && spec.nodeName !== '' ? spec.nodeName : undefined,
    };
    fromSpec.set(spec, d);
  }
  return d;
}

export function makePod(workload: Resource, owner: Owner, name: string, namespace: string, labels: Record<string, string>, spec: Record<string, unknown>, ordinal?: number): SchedPod {
  // priority and preemptionPolicy are admission's to set (run.ts); present from the start, every pod has one shape.
  const derived = derive(spec);
  const templates = workload.id.kind === 'StatefulSet' && ordinal !== undefined ? claimTemplates(workload) : [];
  const volumeClaims = templates.length ? replicaClaims(derived.volumeClaims, spec, templates, workload.id.name, ordinal!) : derived.volumeClaims;
  return { namespace, name, owner, workload, labels, spec, ...derived, volumeClaims, ordinal, priority: 0, preemptionPolicy: 'PreemptLowerPriority' };
}

const NO_CLAIMS: readonly PodClaim[] = [];

/** The claimNames of the spec's persistentVolumeClaim volumes. */
function specClaims(spec: Record<string, unknown>): readonly PodClaim[] {
  const out: PodClaim[] = [];
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (isMap(v) && isMap(v.persistentVolumeClaim) && typeof v.persistentVolumeClaim.claimName === 'string') out.push({ name: v.persistentVolumeClaim.claimName });
  }
  return out.length ? out : NO_CLAIMS;
}

function claimTemplates(sts: Resource): Record<string, unknown>[] {
  const list = isMap(sts.object.spec) ? sts.object.spec.volumeClaimTemplates : undefined;
  return (Array.isArray(list) ? list : []).filter((t): t is Record<string, unknown> => isMap(t) && isMap(t.metadata) && typeof t.metadata.name === 'string');
}

/**
 * updateStorage (pkg/controller/statefulset/stateful_set_utils.go): each template gives the
 * replica a claim `<template>-<set>-<ordinal>`, in place of a spec volume of the template's name.
 */
function replicaClaims(fromSpec: readonly PodClaim[], spec: Record<string, unknown>, templates: Record<string, unknown>[], set: string, ordinal: number): PodClaim[] {
  const names = new Set(templates.map((t) => (t.metadata as Record<string, unknown>).name as string));
  const replaced = new Set<string>();
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) if (isMap(v) && names.has(v.name as string) && isMap(v.persistentVolumeClaim)) replaced.add(v.persistentVolumeClaim.claimName as string);
  const out: PodClaim[] = templates.map((t) => ({ name: `${(t.metadata as Record<string, unknown>).name as string}-${set}-${ordinal}`, template: isMap(t.spec) ? t.spec : {} }));
  for (const c of fromSpec) if (!replaced.has(c.name)) out.push(c);
  return out;
}

/** The same spec with each container's missing cpu and memory requests set to the scheduler's scoring defaults. */
function withDefaultRequests(spec: Record<string, unknown>): Record<string, unknown> {
  const fill = (list: unknown) =>
    (Array.isArray(list) ? list : []).map((c) => {
      if (!isMap(c)) return c;
      const resources = isMap(c.resources) ? c.resources : {};
      const requests = { ...(isMap(resources.limits) ? resources.limits : {}), ...(isMap(resources.requests) ? resources.requests : {}) };
      if (requests.cpu === undefined) requests.cpu = DEFAULT_MILLI_CPU;
      if (requests.memory === undefined) requests.memory = DEFAULT_MEMORY;
      return { ...c, resources: { ...resources, requests } };
    });
  return { ...spec, containers: fill(spec.containers), initContainers: fill(spec.initContainers) };
}

/** Host ports the pod binds; with hostNetwork every container port is one. */
function hostPorts(spec: Record<string, unknown>): HostPort[] {
  const out: HostPort[] = [];
  const hostNetwork = spec.hostNetwork === true;
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) {
    if (!isMap(c) || !Array.isArray(c.ports)) continue;
    for (const p of c.ports) {
      if (!isMap(p)) continue;
      const port = typeof p.hostPort === 'number' && p.hostPort > 0 ? p.hostPort : hostNetwork && typeof p.containerPort === 'number' ? p.containerPort : 0;
      if (port > 0) out.push({ port, protocol: typeof p.protocol === 'string' ? p.protocol : 'TCP', hostIP: typeof p.hostIP === 'string' && p.hostIP !== '' ? p.hostIP : '0.0.0.0' });
    }
  }
  return out;
}
