import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { indexOf } from './resource-index.js';
import { containersOf, isMap, namespaceOf, podTemplate } from './workloads.js';

export const meta: RuleDocs = {
  id: 'dangling-hpa',
  severity: 'warning',
  description: 'A HorizontalPodAutoscaler whose target is missing, or that scales on CPU utilisation of containers without CPU requests',
  docs: 'An HPA whose `scaleTargetRef` names no workload does nothing. One that scales on CPU *utilisation* needs a CPU request on every container of the target: utilisation is measured against the request, and without one the HPA reports `missing request for cpu` and never scales.',
  examples: {
    bad: 'kind: HorizontalPodAutoscaler\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}\n  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n# ... and Deployment api has no cpu request',
    good: '# the same HPA, and every container of Deployment api has resources.requests.cpu',
  },
};

export function check(ctx: RuleContext): void {
  const index = indexOf(ctx.resources);
  for (const hpa of ctx.resources) {
    if (hpa.id.kind !== 'HorizontalPodAutoscaler' || !isMap(hpa.object.spec)) continue;
    const ref = hpa.object.spec.scaleTargetRef;
    if (!isMap(ref) || typeof ref.name !== 'string' || typeof ref.kind !== 'string') continue;
    const target = index.named(ref.kind, ref.name, namespaceOf(hpa)).find((r) => ref.apiVersion === undefined || r.id.apiVersion === ref.apiVersion);
    if (!target) {
      ctx.report({ resource: hpa, pointer: '/spec/scaleTargetRef/name', message: `scaleTargetRef: ${ref.kind} "${ref.name}" not found in namespace "${namespaceOf(hpa)}"`, severity: ctx.options.strictRefs ? 'error' : undefined });
      continue;
    }
    const metrics = Array.isArray(hpa.object.spec.metrics) ? hpa.object.spec.metrics : [];
    const cpuUtilisation = metrics.findIndex((m) => isMap(m) && m.type === 'Resource' && isMap(m.resource) && m.resource.name === 'cpu' && isMap(m.resource.target) && m.resource.target.type === 'Utilization');
    const legacy = hpa.id.apiVersion === 'autoscaling/v1' && typeof hpa.object.spec.targetCPUUtilizationPercentage === 'number';
    if (cpuUtilisation === -1 && !legacy) continue;
    const template = podTemplate(target);
    if (!template) continue;
    const without = containersOf(template).filter((c) => !c.pointer.includes('/initContainers/') && !(isMap(c.container.resources) && isMap(c.container.resources.requests) && c.container.resources.requests.cpu !== undefined));
    if (without.length === 0) continue;
    const names = without.map((c) => stringOf(c.container.name)).join(', ');
    const pointer = legacy ? '/spec/targetCPUUtilizationPercentage' : `/spec/metrics/${cpuUtilisation}`;
    ctx.report({ resource: hpa, pointer, message: `scales on CPU utilisation, but container(s) ${names} of ${ref.kind} "${ref.name}" have no CPU request: the HPA cannot compute utilisation` });
  }
}
