import { checkKeys } from './keys.js';
import type { RuleContext, RuleDocs } from './types.js';

export const meta: RuleDocs = {
  id: 'missing-configmap-key',
  severity: 'warning',
  description: 'A pod reads a key its ConfigMap does not have',
  docs: 'The ConfigMap is among the inputs but lacks the key an env var (`configMapKeyRef`) or a volume item names: the container fails with `couldn\'t find key`. References marked `optional: true` are not reported.',
  examples: { bad: 'valueFrom:\n  configMapKeyRef: {name: app, key: LOG_LEVL}', good: 'valueFrom:\n  configMapKeyRef: {name: app, key: LOG_LEVEL}' },
};

export function check(ctx: RuleContext): void {
  checkKeys(ctx, 'ConfigMap');
}
