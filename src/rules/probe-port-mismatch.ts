import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'probe-port-mismatch',
  severity: 'warning',
  description: 'A probe on a port name the container does not declare',
  docs: 'An HTTP, TCP or gRPC probe that names a port must name one of the container\'s own ports; otherwise the kubelet cannot resolve it and the probe always fails, so the pod never becomes ready (or is restarted forever). Numbered ports are not checked: containers may listen on ports they do not declare.',
  perResource: true,
  examples: { bad: 'ports: [{name: http, containerPort: 8080}]\nreadinessProbe:\n  httpGet: {path: /, port: web}', good: 'readinessProbe:\n  httpGet: {path: /, port: http}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const names = new Set((Array.isArray(container.ports) ? container.ports : []).filter(isMap).map((p) => p.name));
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        const spec = container[probe];
        if (!isMap(spec)) continue;
        for (const handler of ['httpGet', 'tcpSocket']) {
          const h = spec[handler];
          if (isMap(h) && typeof h.port === 'string' && !names.has(h.port)) {
            ctx.report({ resource: t.resource, pointer: `${pointer}/${probe}/${handler}/port`, message: `${probe} of container "${stringOf(container.name)}" uses port "${stringOf(h.port)}", which the container does not declare` });
          }
        }
      }
    }
  }
}
