/** The default profile's filters, in kube-scheduler's order, and its scores with their weights. */
import type { FilterPlugin, ScorePlugin } from './framework.js';
import { interPodAffinityFilter, interPodAffinityScore } from './filters/inter-pod-affinity.js';
import { nodeAffinity } from './filters/node-affinity.js';
import { nodeName } from './filters/node-name.js';
import { nodePorts } from './filters/node-ports.js';
import { nodeResourcesFit } from './filters/node-resources-fit.js';
import { nodeVolumeLimits } from './filters/node-volume-limits.js';
import { nodeUnschedulable } from './filters/node-unschedulable.js';
import { podTopologySpreadFilter, podTopologySpreadScore } from './filters/pod-topology-spread.js';
import { taintToleration, type TaintMessage } from './filters/taint-toleration.js';
import { volumeBinding } from './filters/volume-binding.js';
import { volumeRestrictions } from './filters/volume-restrictions.js';
import { volumeZone } from './filters/volume-zone.js';
import { nodeAffinityScore } from './scores/node-affinity.js';
import { balancedAllocation, leastAllocated, mostAllocated } from './scores/resources.js';
import { taintTolerationScore } from './scores/taint-toleration.js';

export type Strategy = 'least-allocated' | 'most-allocated';

export function defaultFilters(taintMessage: TaintMessage = 'generic'): FilterPlugin[] {
  return [nodeUnschedulable, nodeName, taintToleration(taintMessage), nodeAffinity, nodePorts, nodeResourcesFit, volumeRestrictions, nodeVolumeLimits, volumeBinding, volumeZone, podTopologySpreadFilter, interPodAffinityFilter];
}

export function defaultScores(strategy: Strategy): ScorePlugin[] {
  return [taintTolerationScore, nodeAffinityScore, strategy === 'most-allocated' ? mostAllocated : leastAllocated, podTopologySpreadScore, interPodAffinityScore, balancedAllocation];
}
