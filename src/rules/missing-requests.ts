import { stringOf, type SuggestionSpec } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-requests',
  severity: 'warning',
  description: 'A container without cpu or memory requests',
  docs: 'Without requests the scheduler places a pod as if it used nothing, nodes get overcommitted, and the pod is the first to be evicted (BestEffort class).',
  perResource: true,
  examples: { bad: 'containers:\n- name: api\n  image: api:1', good: 'containers:\n- name: api\n  image: api:1\n  resources:\n    requests: {cpu: 250m, memory: 256Mi}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const requests = isMap(container.resources) && isMap(container.resources.requests) ? container.resources.requests : {};
      const limits = isMap(container.resources) && isMap(container.resources.limits) ? container.resources.limits : {};
      // Requests default to limits, as the API server defaults them.
      const missing = ['cpu', 'memory'].filter((r) => requests[r] === undefined && limits[r] === undefined);
      if (missing.length === 0) continue;
      // The stub only where there is no `resources` yet: an existing one may be a patch's, or hold limits to keep.
      const suggestion = container.resources === undefined ? stub(pointer, missing) : undefined;
      ctx.report({ resource: t.resource, pointer: `${pointer}/name`, message: `container "${stringOf(container.name)}" requests no ${missing.join(' and no ')}`, ...(suggestion && { suggestion }) });
    }
  }
}

/** Starting values to measure and adjust, not a recommendation: the rule's own example's. */
const STUB: Record<string, string> = { cpu: '250m', memory: '256Mi' };

/** `resources.requests` added below the container's `name`, indented as its other keys. */
function stub(containerPointer: string, missing: string[]): SuggestionSpec {
  return {
    title: `Add resources.requests (${missing.map((r) => `${r}: ${STUB[r]}`).join(', ')})`,
    edits: [{ pointer: `${containerPointer}/name`, at: 'lines-after-key', lines: ['resources:', '  requests:', ...missing.map((r) => `    ${r}: ${STUB[r]}`)] }],
  };
}
