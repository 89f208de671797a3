import { checkKeys } from './keys.js';
import type { RuleContext, RuleDocs } from './types.js';

export const meta: RuleDocs = {
  id: 'missing-secret-key',
  severity: 'warning',
  description: 'A pod reads a key its Secret does not have',
  docs: 'The Secret is among the inputs but lacks the key an env var (`secretKeyRef`) or a volume item names: the container fails to start. The message names the key, never a value.',
  examples: { bad: 'valueFrom:\n  secretKeyRef: {name: db, key: pasword}', good: 'valueFrom:\n  secretKeyRef: {name: db, key: password}' },
};

export function check(ctx: RuleContext): void {
  checkKeys(ctx, 'Secret');
}
