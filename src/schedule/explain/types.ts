/** The shapes the explainers share. */
import type { PodTemplate } from '../../rules/index.js';
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';

/** The field to fix, as a JSON pointer inside the pod's workload, and the numbers behind it. */
export interface Explanation {
  pointer: string;
  detail: string;
}

/** The filter that decided, and the nodes it keeps the pod off (alone: no other filter rejects them). */
export interface Blocked {
  plugin: string;
  nodes: NodeInfo[];
  alone: boolean;
}

export interface ExplainInput {
  pod: SchedPod;
  template: PodTemplate;
  blocked: Blocked;
  /** Every node of the inventory, in the scheduler's order. */
  all: readonly NodeInfo[];
  /** The deciding filter's reasons on a node (none where it passes). */
  failures(node: NodeInfo): readonly string[];
}

export type Explainer = (input: ExplainInput) => Explanation | undefined;

/** "3 of 5 nodes", "all 5 nodes", or "the only node". */
export function ofNodes(n: number, all: number): string {
  if (n === 1 && all === 1) return 'the only node';
  return n === all ? `all ${all} node${all === 1 ? '' : 's'}` : `${n} of ${all} node${all === 1 ? '' : 's'}`;
}
