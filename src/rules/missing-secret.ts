import { checkReferences } from './references.js';
import type { RuleContext, RuleDocs } from './types.js';

export const meta: RuleDocs = {
  id: 'missing-secret',
  severity: 'warning',
  description: 'A pod references a Secret that is not among the inputs',
  docs: 'Pods that mount or read a missing Secret do not start (`secret "x" not found`); a missing image pull Secret makes image pulls fail. References marked `optional: true` are not reported, nor Secrets a controller makes from an object among the inputs (the `secretName` of a cert-manager `Certificate`, a `SealedSecret`, the target of an `ExternalSecret`, the `secretObjects` of a Secrets Store CSI `SecretProviderClass`). A warning by default, an error with `--strict-refs`.',
  examples: {
    bad: 'env:\n- name: PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db-credentals, key: password}',
    good: 'env:\n- name: PASSWORD\n  valueFrom:\n    secretKeyRef: {name: db-credentials, key: password}',
  },
};

export function check(ctx: RuleContext): void {
  checkReferences(ctx, 'Secret');
}
