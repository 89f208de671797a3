import type { RuleContext, RuleDocs } from './types.js';
import { matchesLabelSelector, type LabelSelector } from './selectors.js';
import { indexOf } from './resource-index.js';
import { isMap, namespaceOf } from './workloads.js';

export const meta: RuleDocs = {
  id: 'dangling-pdb',
  severity: 'warning',
  description: 'A PodDisruptionBudget that selects no pods, or that blocks every eviction',
  docs: 'A PDB that selects nothing protects nothing. One whose `minAvailable` is at least the replicas it covers, or whose `maxUnavailable` is 0, never allows a voluntary eviction: node drains and cluster upgrades hang on it.',
  examples: { bad: 'kind: PodDisruptionBudget\nspec:\n  minAvailable: 3\n  selector: {matchLabels: {app: api}}\n# ... Deployment api has replicas: 3', good: 'spec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}' },
};

const REPLICATED = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const pdb of ctx.resources) {
    if (pdb.id.kind !== 'PodDisruptionBudget' || !isMap(pdb.object.spec)) continue;
    const spec = pdb.object.spec;
    const selector = isMap(spec.selector) ? (spec.selector as LabelSelector) : undefined;
    const covered = index.podTemplatesMaybeMatching(namespaceOf(pdb), selector?.matchLabels).filter((t) => t.resource.id.kind !== 'Pod' && matchesLabelSelector(selector, t.labels)).map((t) => t.resource);
    if (covered.length === 0) {
      ctx.report({ resource: pdb, pointer: '/spec/selector', message: `PodDisruptionBudget "${pdb.id.name}" selects no pods in namespace "${namespaceOf(pdb)}"` });
      continue;
    }
    if (spec.maxUnavailable === 0 || spec.maxUnavailable === '0%') {
      ctx.report({ resource: pdb, pointer: '/spec/maxUnavailable', message: 'maxUnavailable 0 blocks every voluntary eviction: node drains will hang' });
      continue;
    }
    if (typeof spec.minAvailable !== 'number' || !covered.every((r) => REPLICATED.has(r.id.kind))) continue;
    const replicas = covered.reduce((n, r) => n + (isMap(r.object.spec) && typeof r.object.spec.replicas === 'number' ? r.object.spec.replicas : 1), 0);
    if (spec.minAvailable >= replicas) {
      ctx.report({ resource: pdb, pointer: '/spec/minAvailable', message: `minAvailable ${spec.minAvailable} is not below the ${replicas} replica(s) it covers: no pod may ever be evicted` });
    }
  }
}
