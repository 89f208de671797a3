import { formatQuantity, stringOf } from '../core/index.js';
import { amountsOf, quantityPath } from './quantities.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'suspicious-unit',
  severity: 'warning',
  description: 'A resource amount that parses but almost certainly means something else',
  docs: 'Memory in `m` is thousandths of a byte (`500m` is half a byte; the API server warns `fractional byte value "500m" is invalid, must be an integer`); memory below 1Mi cannot run a process; a CPU amount above 64 cores is usually `1000` written for `1000m`; decimal (`G`) and binary (`Gi`) units mixed within one workload usually hide a 7% mistake.',
  perResource: true,
  examples: { bad: 'resources:\n  requests: {memory: 500m, cpu: "1000"}', good: 'resources:\n  requests: {memory: 500Mi, cpu: 1000m}' },
};

const MEBIBYTE = 2n ** 20n * 10n ** 9n;
const CORES_64 = 64n * 10n ** 9n;
const BYTES = new Set(['memory', 'ephemeral-storage']);

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    const units = new Map<string, string>();
    for (const { container, pointer } of containersOf(t)) {
      const resources = isMap(container.resources) ? container.resources : {};
      for (const section of ['requests', 'limits']) {
        for (const { name, raw, pointer: p, quantity } of amountsOf(resources[section], `${pointer}/resources/${section}`)) {
          const text = stringOf(raw).trim();
          const report = (message: string) => ctx.report({ resource: t.resource, pointer: p, message });
          if (BYTES.has(name) && quantity.nanos % 10n ** 9n !== 0n) {
            const hint = /[0-9]m$/.test(text) ? `; did you mean "${text.slice(0, -1)}Mi"?` : '';
            report(`${quantityPath(p)}: fractional byte value ${JSON.stringify(formatQuantity(quantity))} is invalid, must be an integer${hint}`);
          } else if (name === 'memory' && quantity.nanos > 0n && quantity.nanos < MEBIBYTE) {
            report(`${quantityPath(p)}: memory ${JSON.stringify(text)} is less than 1Mi; did you forget a unit such as Mi?`);
          } else if (name === 'cpu' && quantity.nanos > CORES_64) {
            report(`${quantityPath(p)}: cpu ${JSON.stringify(text)} is ${cores(quantity.nanos)} cores; did you mean "${text}m"?`);
          }
          const unit = /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text) ? 'binary' : /[0-9.][kMGTPE]$/.test(text) ? 'decimal' : undefined;
          if (BYTES.has(name) && unit) {
            const other = unit === 'binary' ? 'decimal' : 'binary';
            if (units.get(other) !== undefined) report(`${quantityPath(p)}: ${name} "${text}" uses ${unit} units while "${units.get(other)}" in this workload uses ${other} units`);
            units.set(unit, text);
          }
        }
      }
    }
  }
}

/** A number of cores as people write it: 1000, 70.5. */
function cores(nanos: bigint): string {
  const whole = nanos / 10n ** 9n;
  const fraction = (nanos % 10n ** 9n).toString().padStart(9, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
