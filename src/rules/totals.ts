/**
 * Requests and limits per workload and per namespace, with replicas counted, for the report
 * (`--totals`) and for capacity questions. Amounts are exact quantities, printed canonically.
 */
import { formatQuantity, multiplyQuantity, type Amounts, type NamespaceTotal, type Resource, type ResourceTotals, type WorkloadTotal } from '../core/index.js';
import { addInto, podLimits, podRequests, type ResourceMap } from './pod-resources.js';
import { isMap, podTemplate } from './workloads.js';

/** How many pods a workload's controller keeps running (null: one per node). */
export function replicasOf(r: Resource): number | null {
  const spec = isMap(r.object.spec) ? r.object.spec : {};
  const count = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : fallback);
  switch (r.id.kind) {
    case 'Pod':
      return 1;
    case 'DaemonSet':
      return null;
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'StatefulSet':
      return count(spec.replicas, 1);
    case 'Job':
      return jobPods(spec);
    case 'CronJob': {
      // A suspended CronJob starts no Job (pkg/controller/cronjob/cronjob_controllerv2.go).
      if (spec.suspend === true) return 0;
      const job = isMap(spec.jobTemplate) && isMap(spec.jobTemplate.spec) ? spec.jobTemplate.spec : {};
      return jobPods(job);
    }
    default:
      return 0; // a PodTemplate runs nothing by itself
  }
}

/**
 * Pods a Job runs at once: parallelism (default 1), never more than the completions left; none
 * while it is suspended (jobSuspended in pkg/controller/job/job_controller.go: manageJob then
 * creates no pod and deletes the active ones).
 */
function jobPods(spec: Record<string, unknown>): number {
  if (spec.suspend === true) return 0;
  const parallelism = typeof spec.parallelism === 'number' && spec.parallelism >= 0 ? spec.parallelism : 1;
  return typeof spec.completions === 'number' && spec.completions >= 0 ? Math.min(parallelism, spec.completions) : parallelism;
}

export function resourceTotals(resources: readonly Resource[]): ResourceTotals {
  const workloads: WorkloadTotal[] = [];
  const byNamespace = new Map<string, { pods: number; requests: ResourceMap; limits: ResourceMap; nodePods: number; nodeRequests: ResourceMap; nodeLimits: ResourceMap }>();
  for (const r of resources) {
    const t = podTemplate(r);
    if (!t || r.id.kind === 'PodTemplate') continue;
    const replicas = replicasOf(r);
    const requests = podRequests(t.spec);
    const limits = podLimits(t.spec);
    const times = (m: ResourceMap) => new Map([...m].map(([k, q]) => [k, multiplyQuantity(q, replicas ?? 1)]));
    workloads.push({ resource: r.id, replicas, perPod: { requests: amounts(requests), limits: amounts(limits) }, total: { requests: amounts(times(requests)), limits: amounts(times(limits)) } });
    let ns = byNamespace.get(t.namespace);
    if (!ns) byNamespace.set(t.namespace, (ns = { pods: 0, requests: new Map(), limits: new Map(), nodePods: 0, nodeRequests: new Map(), nodeLimits: new Map() }));
    if (replicas === null) {
      ns.nodePods += 1;
      addInto(ns.nodeRequests, requests);
      addInto(ns.nodeLimits, limits);
    } else {
      ns.pods += replicas;
      addInto(ns.requests, times(requests));
      addInto(ns.limits, times(limits));
    }
  }
  const namespaces: NamespaceTotal[] = [...byNamespace]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([namespace, n]) => ({ namespace, pods: n.pods, requests: amounts(n.requests), limits: amounts(n.limits), perNode: { pods: n.nodePods, requests: amounts(n.nodeRequests), limits: amounts(n.nodeLimits) } }));
  return { workloads, namespaces };
}

function amounts(m: ResourceMap): Amounts {
  return Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, q]) => [k, formatQuantity(q)]));
}
