import { jsonText } from '../core/index.js';
import { fieldPath } from '../schema/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'duplicate-env',
  severity: 'warning',
  description: 'An environment variable defined twice in one container, the later hiding the earlier',
  docs: 'The API server accepts a repeated name with a warning and the container sees the last value, but `kubectl apply` merges env by name and may drop one of them on the next change. A redefinition that builds on the earlier value (`X=$(X):more`) is fine and not reported, as the API server does not warn about it either.',
  perResource: true,
  examples: { bad: 'env:\n  - {name: MODE, value: fast}\n  - {name: MODE, value: safe}', good: 'env:\n  - {name: MODE, value: safe}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      if (!Array.isArray(container.env)) continue;
      const seen = new Set<string>();
      container.env.forEach((item, i) => {
        if (!isMap(item) || typeof item.name !== 'string') return;
        if (!seen.has(item.name)) {
          seen.add(item.name);
          return;
        }
        // The API server's own test (pkg/api/pod/warnings.go): building on the earlier value is fine.
        const ref = `$(${item.name})`;
        const value = typeof item.value === 'string' ? item.value : '';
        const hides = item.valueFrom != null || value === ref || !value.includes(ref);
        if (hides) {
          const p = `${pointer}/env/${i}`;
          ctx.report({ resource: t.resource, pointer: `${p}/name`, message: `${fieldPath(p)}: hides previous definition of ${jsonText(item.name)}, which may be dropped when using apply` });
        }
      });
    }
  }
}
