/** Keys of ConfigMaps and Secrets that pods read, for the missing-*-key rules. */
import type { Resource } from '../core/index.js';
import type { RuleContext } from './types.js';
import { containersOf, isMap, namespaceOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import type { ReferenceKind } from './references.js';

export function checkKeys(ctx: RuleContext, kind: ReferenceKind): void {
  const objects = new Map<string, Resource>();
  for (const r of ctx.resources) if (r.id.apiVersion === 'v1' && r.id.kind === kind) objects.set(`${namespaceOf(r)}/${r.id.name}`, r);
  const keysOf = (r: Resource) => new Set([...Object.keys(isMap(r.object.data) ? r.object.data : {}), ...Object.keys(isMap(r.object.binaryData) ? r.object.binaryData : {}), ...Object.keys(isMap(r.object.stringData) ? r.object.stringData : {})]);
  const refField = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  for (const t of podTemplates(ctx.resources)) {
    const verify = (name: unknown, key: unknown, optional: unknown, pointer: string) => {
      if (typeof name !== 'string' || typeof key !== 'string' || optional === true) return;
      const target = objects.get(`${t.namespace}/${name}`);
      if (!target || keysOf(target).has(key)) return; // a missing object is missing-configmap's finding
      ctx.report({ resource: t.resource, pointer, message: `${kind} "${name}" has no key "${key}"` });
    };
    for (const { container, pointer } of containersOf(t)) {
      const env = Array.isArray(container.env) ? container.env : [];
      env.forEach((e, i) => {
        const ref = isMap(e) && isMap(e.valueFrom) ? e.valueFrom[refField] : undefined;
        if (isMap(ref)) verify(ref.name, ref.key, ref.optional, `${pointer}/env/${i}/valueFrom/${refField}/key`);
      });
    }
    const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
    volumes.forEach((v, i) => {
      const source = isMap(v) ? (kind === 'ConfigMap' ? v.configMap : v.secret) : undefined;
      if (!isMap(source) || !Array.isArray(source.items)) return;
      const name = kind === 'ConfigMap' ? source.name : source.secretName;
      source.items.forEach((item, j) => isMap(item) && verify(name, item.key, source.optional, `${t.specPointer}/volumes/${i}/${kind === 'ConfigMap' ? 'configMap' : 'secret'}/items/${j}/key`));
    });
  }
}
