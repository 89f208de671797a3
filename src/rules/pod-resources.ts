/**
 * What a pod asks for, as the API server defaults it and kube-scheduler adds it up
 * (k8s.io/component-helpers/resource PodRequests and PodLimits): requests default to
 * limits per resource; app containers and restartable init containers (sidecars) run
 * together; each ordinary init container runs alone beside the sidecars started before
 * it; the pod needs the larger of the two, plus its overhead. Pod-level resources, where
 * set, replace the containers' sum for that resource.
 */
import { addQuantities, compareQuantities, type Quantity } from '../core/index.js';
import { amountsOf } from './quantities.js';
import { isMap } from './workloads.js';

export type ResourceMap = Map<string, Quantity>;

interface ContainerAmounts {
  requests: ResourceMap;
  limits: ResourceMap;
  init: boolean;
  sidecar: boolean;
}

function containers(spec: Record<string, unknown>): ContainerAmounts[] {
  const out: ContainerAmounts[] = [];
  for (const field of ['initContainers', 'containers']) {
    const list = Array.isArray(spec[field]) ? (spec[field] as unknown[]) : [];
    for (const c of list) {
      if (!isMap(c)) continue;
      const resources = isMap(c.resources) ? c.resources : {};
      const limits = toMap(resources.limits);
      const requests = toMap(resources.requests);
      for (const [name, q] of limits) if (!requests.has(name)) requests.set(name, q); // SetDefaults_Pod
      const init = field === 'initContainers';
      out.push({ requests, limits, init, sidecar: init && c.restartPolicy === 'Always' });
    }
  }
  return out;
}

function toMap(list: unknown): ResourceMap {
  return new Map(amountsOf(list, '').map((a) => [a.name, a.quantity]));
}

export function addInto(target: ResourceMap, source: ResourceMap): void {
  for (const [name, q] of source) target.set(name, target.has(name) ? addQuantities(target.get(name)!, q) : q);
}

function maxInto(target: ResourceMap, source: ResourceMap): void {
  for (const [name, q] of source) if (!target.has(name) || compareQuantities(q, target.get(name)!) > 0) target.set(name, q);
}

function aggregate(spec: Record<string, unknown>, pick: (c: ContainerAmounts) => ResourceMap, podLevel: unknown): ResourceMap {
  const all = containers(spec);
  const total: ResourceMap = new Map();
  for (const c of all) if (!c.init) addInto(total, pick(c));
  const sidecars: ResourceMap = new Map();
  const initPeak: ResourceMap = new Map();
  for (const c of all) {
    if (!c.init) continue;
    if (c.sidecar) {
      addInto(total, pick(c));
      addInto(sidecars, pick(c));
      maxInto(initPeak, sidecars);
    } else {
      const alongside: ResourceMap = new Map(sidecars);
      addInto(alongside, pick(c));
      maxInto(initPeak, alongside);
    }
  }
  maxInto(total, initPeak);
  for (const [name, q] of toMap(podLevel)) total.set(name, q);
  addInto(total, toMap(spec.overhead));
  return total;
}

/** PodRequests: what kube-scheduler reserves on a node for this pod. */
export function podRequests(spec: Record<string, unknown>): ResourceMap {
  const podLevel = isMap(spec.resources) ? { ...(isMap(spec.resources.limits) ? spec.resources.limits : {}), ...(isMap(spec.resources.requests) ? spec.resources.requests : {}) } : undefined;
  return aggregate(spec, (c) => c.requests, podLevel);
}

/** PodLimits: the most this pod may use, for the resources every container limits. */
export function podLimits(spec: Record<string, unknown>): ResourceMap {
  const limits = aggregate(spec, (c) => c.limits, isMap(spec.resources) ? spec.resources.limits : undefined);
  // A resource some app container leaves unlimited has no pod limit, unless the pod sets one.
  const podLevel = isMap(spec.resources) && isMap(spec.resources.limits) ? spec.resources.limits : {};
  for (const c of containers(spec)) {
    if (c.init && !c.sidecar) continue;
    for (const name of [...limits.keys()]) if (!c.limits.has(name) && !Object.hasOwn(podLevel, name)) limits.delete(name);
  }
  return limits;
}
