import { parseQuantity } from '../schema/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap, podTemplates } from './workloads.js';

export const meta: RuleDocs = {
  id: 'suspicious-unit',
  severity: 'warning',
  description: 'A resource amount that parses but almost certainly means something else',
  docs: 'Memory in `m` is thousandths of a byte (`500m` is half a byte); memory below 1Mi cannot run a process; a CPU amount above 64 cores is usually `1000` written for `1000m`; decimal (`G`) and binary (`Gi`) units mixed within one workload usually hide a 7% mistake.',
  examples: { bad: 'resources:\n  requests: {memory: 500m, cpu: "1000"}', good: 'resources:\n  requests: {memory: 500Mi, cpu: 1000m}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    const units = new Map<string, string>();
    for (const { container, pointer } of containersOf(t)) {
      const resources = isMap(container.resources) ? container.resources : {};
      for (const section of ['requests', 'limits']) {
        const amounts = isMap(resources[section]) ? (resources[section] as Record<string, unknown>) : {};
        for (const [name, raw] of Object.entries(amounts)) {
          if (typeof raw !== 'string' && typeof raw !== 'number') continue;
          const value = parseQuantity(raw);
          if (value === undefined) continue; // invalid-quantity reports it
          const p = `${pointer}/resources/${section}/${name}`;
          const text = String(raw);
          if (name === 'memory' && /m$/.test(text)) ctx.report({ resource: t.resource, pointer: p, message: `memory "${text}" is ${value} bytes: "m" means thousandths; did you mean "${text.slice(0, -1)}Mi"?` });
          else if (name === 'memory' && value > 0 && value < 2 ** 20) ctx.report({ resource: t.resource, pointer: p, message: `memory "${text}" is less than 1Mi; did you forget a unit such as Mi?` });
          else if (name === 'cpu' && value > 64) ctx.report({ resource: t.resource, pointer: p, message: `cpu "${text}" is ${value} cores; did you mean "${text}m"?` });
          const unit = /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text) ? 'binary' : /[kMGTPE]$/.test(text) ? 'decimal' : undefined;
          if ((name === 'memory' || name === 'ephemeral-storage') && unit) {
            const other = unit === 'binary' ? 'decimal' : 'binary';
            if (units.get(other) !== undefined) ctx.report({ resource: t.resource, pointer: p, message: `${name} "${text}" uses ${unit} units while "${units.get(other)}" in this workload uses ${other} units` });
            units.set(unit, text);
          }
        }
      }
    }
  }
}
