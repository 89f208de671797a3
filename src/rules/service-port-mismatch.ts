import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { matchesMapSelector } from './selectors.js';
import { containersOf, isMap, namespaceOf } from './workloads.js';
import { indexOf } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'service-port-mismatch',
  severity: 'warning',
  description: "A Service port's targetPort that no selected container exposes",
  docs: 'A named `targetPort` must be a container port `name` of some container the Service selects: otherwise the endpoints get no port and connections fail. A numeric `targetPort` (or an omitted one, which means the same number as `port`) needs no declaration, since a container may listen on a port it does not list; when no selected container declares it, kubeproof says so as a note (info), which is often a typo of the port number.',
  examples: {
    bad: 'kind: Service\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: http\n---\nkind: Deployment\n# ... containers:\n- name: web\n  ports:\n  - {name: web, containerPort: 8080}',
    good: 'kind: Service\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n    targetPort: web',
  },
};

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const r of ctx.resources) {
    if (r.id.apiVersion !== 'v1' || r.id.kind !== 'Service') continue;
    const spec = isMap(r.object.spec) ? r.object.spec : {};
    if (!isMap(spec.selector) || Object.keys(spec.selector).length === 0 || !Array.isArray(spec.ports)) continue;
    const selector = spec.selector;
    const selected = index.podTemplatesMaybeMatching(namespaceOf(r), selector).filter((t) => matchesMapSelector(selector, t.labels));
    if (selected.length === 0) continue; // service-no-pods says it
    const exposed = selected.flatMap((t) => containersOf(t).flatMap((c) => (Array.isArray(c.container.ports) ? c.container.ports.filter(isMap) : [])));
    spec.ports.forEach((port, i) => {
      if (!isMap(port)) return;
      const target = port.targetPort ?? port.port;
      const protocol = stringOf(port.protocol ?? 'TCP');
      const found = exposed.some((p) => stringOf(p.protocol ?? 'TCP') === protocol && (typeof target === 'number' ? p.containerPort === target : p.name === target));
      if (found) return;
      const pointer = port.targetPort === undefined ? `/spec/ports/${i}` : `/spec/ports/${i}/targetPort`;
      if (typeof target === 'number') {
        const message = `Service "${r.id.name}" targets port ${target}/${protocol}, which no container it selects declares (it works if the container listens on it undeclared)`;
        ctx.report({ resource: r, pointer, message, severity: 'info' });
        return;
      }
      ctx.report({ resource: r, pointer, message: `Service "${r.id.name}" targets a port named "${stringOf(target)}", which no container it selects exposes: its endpoints get no port` });
    });
  }
}
