/**
 * Where a pending pod's fix goes, with the numbers: the field of the workload that decided the
 * FitError (a requests entry, a nodeSelector pair, the toleration list...) and what the nodes
 * offer against it. kube-scheduler counts only each node's first failing filter; this looks
 * at every filter on every node (Scheduler.filterVerdicts) to find the one that stands between
 * the pod and a node.
 */
import { podTemplate } from '../../rules/index.js';
import type { FilterFailure, Scheduler } from '../scheduler.js';
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';
import { explainNodeAffinity, explainTaints, explainUnschedulable } from './node-selection.js';
import { explainAntiAffinity, explainPorts, explainSpread } from './placed-pods.js';
import { explainResources } from './resources.js';
import type { Blocked, Explainer, Explanation } from './types.js';

export type { Explanation } from './types.js';

const EXPLAINERS: Record<string, Explainer> = {
  NodeResourcesFit: explainResources,
  NodeAffinity: explainNodeAffinity,
  TaintToleration: explainTaints,
  NodeUnschedulable: explainUnschedulable,
  NodePorts: explainPorts,
  PodTopologySpread: explainSpread,
  InterPodAffinity: explainAntiAffinity,
};

export function explain(scheduler: Scheduler, pod: SchedPod): Explanation | undefined {
  const template = podTemplate(pod.workload);
  if (!template) return undefined;
  const verdicts = scheduler.filterVerdicts(pod);
  if (verdicts.conflict) {
    return { pointer: `${template.specPointer}/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms`, detail: 'no node is named by every metadata.name requirement of any one term' };
  }
  // A claim that is missing or unbound refuses the pod on every node: the fix is at its volumes.
  if (verdicts.refused) return { pointer: `${template.specPointer}/volumes`, detail: verdicts.refused.message };
  // A daemon pod is for its own node: the others are out by the controller's pin, not by
  // anything in the template, so only its node's verdicts say what to fix.
  const candidates = pod.targetNode === undefined ? scheduler.nodes : scheduler.nodes.filter((n) => n.node.name === pod.targetNode);
  const blocked = deciding(candidates, verdicts.failures);
  if (!blocked) return undefined;
  const failures = (node: NodeInfo) => verdicts.failures[node.index]?.find((f) => f.plugin === blocked.plugin)?.reasons ?? [];
  return EXPLAINERS[blocked.plugin]?.({ pod, template, blocked, all: scheduler.nodes, failures });
}

/**
 * The filter to fix. A node that fails only NodeResourcesFit would take the pod with smaller
 * requests (or more capacity): that comes first, as what most often decides. Otherwise the
 * filter that alone keeps the pod off the most nodes, else the one that rejects the most;
 * ties go to the earlier filter in kube-scheduler's order (the order failures are listed in).
 */
function deciding(nodes: readonly NodeInfo[], failures: readonly (readonly FilterFailure[])[]): Blocked | undefined {
  const alone = new Map<string, NodeInfo[]>();
  const any = new Map<string, NodeInfo[]>();
  const add = (m: Map<string, NodeInfo[]>, plugin: string, node: NodeInfo) => {
    const list = m.get(plugin);
    if (list) list.push(node);
    else m.set(plugin, [node]);
  };
  for (const node of nodes) {
    const f = failures[node.index] ?? [];
    if (f.length === 1) add(alone, f[0]!.plugin, node);
    for (const { plugin } of f) add(any, plugin, node);
  }
  const resources = alone.get('NodeResourcesFit');
  if (resources) return { plugin: 'NodeResourcesFit', nodes: resources, alone: true };
  const most = (m: Map<string, NodeInfo[]>) => [...m].reduce<[string, NodeInfo[]] | undefined>((best, e) => (!best || e[1].length > best[1].length ? e : best), undefined);
  const single = most(alone);
  if (single) return { plugin: single[0], nodes: single[1], alone: true };
  const broadest = most(any);
  return broadest && { plugin: broadest[0], nodes: broadest[1], alone: false };
}
