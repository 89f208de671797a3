import { checkReferences } from './references.js';
import type { RuleContext, RuleDocs } from './types.js';

export const meta: RuleDocs = {
  id: 'missing-configmap',
  severity: 'warning',
  description: 'A pod references a ConfigMap that is not among the inputs',
  docs: 'Pods that mount or read a missing ConfigMap stay in `ContainerCreating` or fail to start (`configmap "x" not found`). References marked `optional: true` and the `kube-root-ca.crt` ConfigMap every namespace has are not reported. A warning by default, since a run may cover only part of a cluster; an error with `--strict-refs`.',
  examples: {
    bad: 'envFrom:\n- configMapRef:\n    name: app-confg   # typo',
    good: 'envFrom:\n- configMapRef:\n    name: app-config',
  },
};

export function check(ctx: RuleContext): void {
  checkReferences(ctx, 'ConfigMap');
}
