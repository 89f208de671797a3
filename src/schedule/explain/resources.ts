/**
 * NodeResourcesFit, explained at the requests entry that asks the most of the resource nodes
 * run short of, with the pod's total (PodRequests adds the other containers, sidecars and
 * overhead) and what the nodes that pass every other filter offer: the largest allocatable
 * amount when the pod is bigger than any of them, else the most left after the pods placed.
 */
import { escapeSegment } from '../../core/index.js';
import { containersOf, isMap, type PodTemplate } from '../../rules/index.js';
import { showAmount, toAmounts } from '../amounts.js';
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';
import type { Explainer } from './types.js';

export const explainResources: Explainer = ({ pod, template, blocked, all }) => {
  const nodes = blocked.nodes;
  const name = shortest(pod, nodes);
  const scope = nodes.length === all.length ? 'all nodes' : 'nodes that pass the other filters';
  if (name === 'pods') {
    const most = largest(nodes, (n) => n.allocatablePods);
    return { pointer: replicasPointer(template), detail: `${scope} already hold as many pods as they allow (at most ${most.allocatablePods}, on ${most.node.name})` };
  }
  const total = pod.requests.get(name) ?? 0;
  const field = requestField(template, pod, name);
  const show = (v: number) => showAmount(name, v);
  const biggest = largest(nodes, (n) => n.allocatable(name));
  let offer: string;
  if (total > biggest.allocatable(name)) {
    offer = `the largest allocatable ${name} among ${scope} is ${show(biggest.allocatable(name))} (${biggest.node.name})`;
  } else {
    const roomiest = largest(nodes, (n) => free(n, name));
    offer = `the most ${name} left among ${scope} is ${show(free(roomiest, name))} (${roomiest.node.name}: ${show(roomiest.allocatable(name))} allocatable, ${show(requested(roomiest, name))} requested by ${roomiest.pods.length} pod${roomiest.pods.length === 1 ? '' : 's'})`;
  }
  const totalNote = total === field.amount ? '' : ` (pod total ${show(total)}${field.others.length ? ` with ${field.others.join(' and ')}` : ''})`;
  return { pointer: field.pointer, detail: `requests ${name} ${show(field.amount)}${totalNote}; ${offer}` };
};

const requested = (n: NodeInfo, name: string) => n.requested.get(name) ?? 0;
const free = (n: NodeInfo, name: string) => n.allocatable(name) - requested(n, name);

/** The first node with the largest value (nodes are in name order). */
function largest(nodes: readonly NodeInfo[], value: (n: NodeInfo) => number): NodeInfo {
  return nodes.reduce((best, n) => (value(n) > value(best) ? n : best));
}

/** The resource the most nodes run short of, in the filter's order (pods, cpu, memory, then the others). */
function shortest(pod: SchedPod, nodes: readonly NodeInfo[]): string {
  const wanted = ['pods', 'cpu', 'memory', ...[...pod.requests.keys()].filter((k) => k !== 'pods' && k !== 'cpu' && k !== 'memory')];
  const short = (n: NodeInfo, name: string) => (name === 'pods' ? n.pods.length + 1 > n.allocatablePods : (pod.requests.get(name) ?? 0) > 0 && (pod.requests.get(name) ?? 0) > free(n, name));
  let best = wanted[0]!;
  let bestCount = -1;
  for (const name of wanted) {
    const count = nodes.filter((n) => short(n, name)).length;
    if (count > bestCount) [best, bestCount] = [name, count];
  }
  return best;
}

interface RequestField {
  pointer: string;
  amount: number;
  /** What else adds to the pod's total. */
  others: string[];
}

/**
 * The entry that asks the most of `name`: a pod-level request, else the container (app
 * containers before init containers on a tie) whose request, or limit standing for it, is largest.
 */
function requestField(t: PodTemplate, pod: SchedPod, name: string): RequestField {
  const key = escapeSegment(name);
  const podLevel = isMap(t.spec.resources) ? t.spec.resources : {};
  for (const list of ['requests', 'limits'] as const) {
    const amount = toAmounts(podLevel[list]).get(name);
    if (amount !== undefined) return { pointer: `${t.specPointer}/resources/${list}/${key}`, amount, others: [] };
  }
  const containers = containersOf(t).map(({ container, pointer }) => {
    const resources = isMap(container.resources) ? container.resources : {};
    const request = toAmounts(resources.requests).get(name);
    const limit = toAmounts(resources.limits).get(name);
    const list = request !== undefined ? 'requests' : 'limits';
    const init = pointer.includes('/initContainers/');
    return { pointer: `${pointer}/resources/${list}/${key}`, amount: request ?? limit ?? 0, init, sidecar: init && container.restartPolicy === 'Always' };
  });
  const chosen = containers.reduce<(typeof containers)[number] | undefined>((best, c) => (!best || c.amount > best.amount || (c.amount === best.amount && best.init && !c.init) ? c : best), undefined);
  if (!chosen || chosen.amount === 0) return { pointer: `${t.specPointer}/containers`, amount: 0, others: [] };
  const adds = (pick: (c: (typeof containers)[number]) => boolean) => containers.some((c) => c !== chosen && c.amount > 0 && pick(c));
  const others: string[] = [];
  if (adds((c) => !c.init)) others.push('other containers');
  if (adds((c) => c.sidecar)) others.push('sidecars');
  if ((toAmounts(isMap(pod.spec.overhead) ? pod.spec.overhead : {}).get(name) ?? 0) > 0) others.push('overhead');
  return { pointer: chosen.pointer, amount: chosen.amount, others };
}

function replicasPointer(t: PodTemplate): string {
  const spec = t.resource.object.spec;
  return isMap(spec) && 'replicas' in spec ? '/spec/replicas' : t.specPointer;
}
