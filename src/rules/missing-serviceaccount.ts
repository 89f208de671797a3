import type { RuleContext, RuleDocs } from './types.js';
import { isMap, namespaceOf } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-serviceaccount',
  severity: 'warning',
  description: 'A pod runs as a ServiceAccount that is not among the inputs',
  docs: 'The pod is refused at admission (`serviceaccount "x" not found`) and its controller retries forever. The `default` ServiceAccount every namespace has is not reported. A warning by default, an error with `--strict-refs`.',
  examples: { bad: 'spec:\n  serviceAccountName: builder   # no such ServiceAccount', good: 'kind: ServiceAccount\nmetadata: {name: builder}' },
};

export function check(ctx: RuleContext): void {
  const present = new Set(ctx.resources.filter((r) => r.id.apiVersion === 'v1' && r.id.kind === 'ServiceAccount').map((r) => `${namespaceOf(r)}/${r.id.name}`));
  for (const t of podTemplates(ctx.resources)) {
    for (const field of ['serviceAccountName', 'serviceAccount']) {
      const name = t.spec[field];
      if (typeof name !== 'string' || name === '' || name === 'default' || present.has(`${t.namespace}/${name}`)) continue;
      ctx.report({ resource: t.resource, pointer: `${t.specPointer}/${field}`, message: `ServiceAccount "${name}" not found in namespace "${t.namespace}"`, severity: ctx.options.strictRefs ? 'error' : undefined });
      break;
    }
  }
}
