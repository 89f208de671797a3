import type { RuleContext, RuleDocs } from './types.js';
import { isMap, namespaceOf } from './workloads.js';

export const meta: RuleDocs = {
  id: 'ingress-missing-service',
  severity: 'warning',
  description: 'An Ingress backend naming a Service, or a Service port, that is not among the inputs',
  docs: 'A backend whose Service is missing answers 503; one whose port (number or name) the Service does not declare does too. A warning by default, an error with `--strict-refs` for missing Services.',
  examples: { bad: 'backend:\n  service: {name: web, port: {name: https}}   # Service web has only port http', good: 'backend:\n  service: {name: web, port: {name: http}}' },
};

export function check(ctx: RuleContext): void {
  for (const ing of ctx.resources) {
    if (ing.id.kind !== 'Ingress' || !isMap(ing.object.spec)) continue;
    const backends: [Record<string, unknown>, string][] = [];
    const spec = ing.object.spec;
    if (isMap(spec.defaultBackend) && isMap(spec.defaultBackend.service)) backends.push([spec.defaultBackend.service, '/spec/defaultBackend/service']);
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, i) => {
      const paths = isMap(rule) && isMap(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
      paths.forEach((p, j) => isMap(p) && isMap(p.backend) && isMap(p.backend.service) && backends.push([p.backend.service, `/spec/rules/${i}/http/paths/${j}/backend/service`]));
    });
    for (const [backend, pointer] of backends) {
      const name = backend.name;
      if (typeof name !== 'string') continue;
      const svc = ctx.resources.find((r) => r.id.apiVersion === 'v1' && r.id.kind === 'Service' && r.id.name === name && namespaceOf(r) === namespaceOf(ing));
      if (!svc) {
        ctx.report({ resource: ing, pointer: `${pointer}/name`, message: `Service "${name}" not found in namespace "${namespaceOf(ing)}"`, severity: ctx.options.strictRefs ? 'error' : undefined });
        continue;
      }
      const port = isMap(backend.port) ? backend.port : undefined;
      const ports = isMap(svc.object.spec) && Array.isArray(svc.object.spec.ports) ? svc.object.spec.ports.filter(isMap) : [];
      if (port && port.number !== undefined && !ports.some((p) => p.port === port.number)) {
        ctx.report({ resource: ing, pointer: `${pointer}/port/number`, message: `Service "${name}" has no port ${String(port.number)}` });
      } else if (port && port.name !== undefined && !ports.some((p) => p.name === port.name)) {
        ctx.report({ resource: ing, pointer: `${pointer}/port/name`, message: `Service "${name}" has no port named "${String(port.name)}"` });
      }
    }
  }
}
