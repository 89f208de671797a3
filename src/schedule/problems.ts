/** What the dry-run scheduler reports, declared once for docs, SARIF `rules[]` and `kubeproof rules`. */
import type { RuleMeta } from '../core/index.js';

export const scheduleProblemMetas: RuleMeta[] = [
  { id: 'invalid-inventory', severity: 'error', description: 'A node inventory entry that is not a Node or NodePool, or a node declared twice', docs: 'A node inventory (`--nodes`) holds v1 Nodes, as `kubectl get nodes -o yaml` prints them, and kubeproof NodePools (kubeproof.dev/v1alpha1). Node names must be unique across the inventory.' },
  { id: 'node-loss', severity: 'error', description: 'Pods that would no longer fit after losing nodes (--tolerate-node-loss)', docs: 'Every pod is scheduled again without each node in turn (or without the N most loaded nodes together); the worst case is reported at the workload of the first pod that no longer fits, with kube-scheduler\'s reason. Add capacity or lower requests.' },
  { id: 'rollout-headroom', severity: 'warning', description: "A Deployment's rolling update has no room for its surge pods", docs: 'A RollingUpdate Deployment creates up to `maxSurge` (default 25%, rounded up) extra pods before removing old ones. When they do not fit beside the running pods, the rollout stalls. Lower maxSurge (with maxUnavailable > 0), or add capacity.' },
  { id: 'unschedulable', severity: 'error', description: 'A workload whose pods fit on no node of the inventory', docs: "The dry-run scheduler (`--nodes`) found no node for some of the workload's pods; the message is kube-scheduler's FitError, counting each node's first failing filter. Fix the requests, node selection, tolerations or spreading, or add nodes." },
  { id: 'zone-loss', severity: 'error', description: 'Pods that would no longer fit after losing a zone (--tolerate-zone-loss)', docs: 'Every pod is scheduled again without each `topology.kubernetes.io/zone` in turn; the worst zone is reported at the workload of the first pod that no longer fits.' },
];
