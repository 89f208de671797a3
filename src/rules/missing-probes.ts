import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-probes',
  severity: 'warning',
  description: 'A long-running container without a readiness or liveness probe',
  docs: 'Without a readiness probe, traffic reaches a pod before it can serve and rollouts proceed over broken pods; without a liveness probe, a hung process is never restarted. Jobs, CronJobs and bare Pods are not checked.',
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { probes: { description: 'The probes every long-running container must have.', type: 'array', items: { enum: ['readinessProbe', 'livenessProbe', 'startupProbe'] }, uniqueItems: true } },
    },
    defaults: { probes: ['readinessProbe', 'livenessProbe'] },
  },
  perResource: true,
  examples: { bad: 'containers:\n- name: api\n  image: api:1', good: 'containers:\n- name: api\n  image: api:1\n  readinessProbe: {httpGet: {path: /ready, port: http}}\n  livenessProbe: {httpGet: {path: /healthz, port: http}}' },
};

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    if (!LONG_RUNNING.has(t.resource.id.kind)) continue;
    const containers = Array.isArray(t.spec.containers) ? t.spec.containers : [];
    containers.forEach((c, i) => {
      if (!isMap(c)) return;
      const missing = (ctx.settings.probes as string[]).filter((p) => !isMap(c[p]));
      if (missing.length === 0) return;
      ctx.report({ resource: t.resource, pointer: `${t.specPointer}/containers/${i}/name`, message: `container "${stringOf(c.name)}" has no ${missing.join(' and no ')}` });
    });
  }
}
