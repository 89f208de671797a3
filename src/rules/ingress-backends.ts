/** The Service backends of an Ingress, with the Service each names when it is among the inputs. */
import type { Resource } from '../core/index.js';
import type { RuleContext } from './types.js';
import { isMap, namespaceOf } from './workloads.js';

export interface IngressBackend {
  ingress: Resource;
  /** Pointer of the backend's `service` object. */
  pointer: string;
  name: string;
  port?: Record<string, unknown>;
  service?: Resource;
}

export function ingressBackends(ctx: Pick<RuleContext, 'resources'>): IngressBackend[] {
  const services = new Map<string, Resource>();
  for (const r of ctx.resources) if (r.id.apiVersion === 'v1' && r.id.kind === 'Service') services.set(`${namespaceOf(r)}/${r.id.name}`, r);
  const out: IngressBackend[] = [];
  for (const ingress of ctx.resources) {
    if (ingress.id.kind !== 'Ingress' || !isMap(ingress.object.spec)) continue;
    const spec = ingress.object.spec;
    const add = (backend: unknown, pointer: string) => {
      if (!isMap(backend) || !isMap(backend.service) || typeof backend.service.name !== 'string') return;
      const { name, port } = backend.service;
      out.push({ ingress, pointer: `${pointer}/service`, name, port: isMap(port) ? port : undefined, service: services.get(`${namespaceOf(ingress)}/${name}`) });
    };
    add(spec.defaultBackend, '/spec/defaultBackend');
    (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, i) => {
      const paths = isMap(rule) && isMap(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
      paths.forEach((p, j) => isMap(p) && add(p.backend, `/spec/rules/${i}/http/paths/${j}/backend`));
    });
  }
  return out;
}
