import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { isMap, namespaceOf } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'missing-pvc',
  severity: 'warning',
  description: 'A pod mounts a PersistentVolumeClaim that is not among the inputs',
  docs: 'The pod stays Pending (`persistentvolumeclaim "x" not found`). Claims a StatefulSet creates from its own volumeClaimTemplates are not reported. A warning by default, an error with `--strict-refs`.',
  examples: { bad: 'volumes:\n- name: data\n  persistentVolumeClaim: {claimName: uploads}   # no such claim', good: 'kind: PersistentVolumeClaim\nmetadata: {name: uploads}' },
};

export function check(ctx: RuleContext): void {
  const present = new Set(ctx.resources.filter((r) => r.id.apiVersion === 'v1' && r.id.kind === 'PersistentVolumeClaim').map((r) => `${namespaceOf(r)}/${r.id.name}`));
  for (const t of podTemplates(ctx.resources)) {
    const templates = t.resource.id.kind === 'StatefulSet' && isMap(t.resource.object.spec) && Array.isArray(t.resource.object.spec.volumeClaimTemplates)
      ? new Set(t.resource.object.spec.volumeClaimTemplates.map((v) => (isMap(v) && isMap(v.metadata) ? stringOf(v.metadata.name) : '')))
      : new Set<string>();
    const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
    volumes.forEach((v, i) => {
      if (!isMap(v) || !isMap(v.persistentVolumeClaim)) return;
      const claim = v.persistentVolumeClaim.claimName;
      if (typeof claim !== 'string' || templates.has(claim) || present.has(`${t.namespace}/${claim}`)) return;
      ctx.report({ resource: t.resource, pointer: `${t.specPointer}/volumes/${i}/persistentVolumeClaim/claimName`, message: `PersistentVolumeClaim "${claim}" not found in namespace "${t.namespace}"`, severity: ctx.options.strictRefs ? 'error' : undefined });
    });
  }
}
