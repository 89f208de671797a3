/** Where pod specs name ConfigMaps and Secrets, and the shared check for both rules. */
import type { Resource } from '../core/index.js';
import type { RuleContext } from './types.js';
import { containersOf, isMap, namespaceOf, type PodTemplate } from './workloads.js';
import { podTemplates } from './resource-index.js';

export type ReferenceKind = 'ConfigMap' | 'Secret';

/** Objects every namespace has without anyone declaring them. */
const CLUSTER_PROVIDED: Record<ReferenceKind, Set<string>> = { ConfigMap: new Set(['kube-root-ca.crt']), Secret: new Set() };

interface Reference {
  name: string;
  pointer: string;
  optional: boolean;
}

export function referencesIn(t: PodTemplate, kind: ReferenceKind): Reference[] {
  const out: Reference[] = [];
  const add = (ref: unknown, nameKey: string, pointer: string) => {
    if (isMap(ref) && typeof ref[nameKey] === 'string') out.push({ name: ref[nameKey], pointer: `${pointer}/${nameKey}`, optional: ref.optional === true });
  };
  const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
  volumes.forEach((v, i) => {
    if (!isMap(v)) return;
    const p = `${t.specPointer}/volumes/${i}`;
    if (kind === 'ConfigMap') add(v.configMap, 'name', `${p}/configMap`);
    else add(v.secret, 'secretName', `${p}/secret`);
    const sources = isMap(v.projected) && Array.isArray(v.projected.sources) ? v.projected.sources : [];
    sources.forEach((s, j) => isMap(s) && add(kind === 'ConfigMap' ? s.configMap : s.secret, 'name', `${p}/projected/sources/${j}/${kind === 'ConfigMap' ? 'configMap' : 'secret'}`));
  });
  for (const { container, pointer } of containersOf(t)) {
    const envFrom = Array.isArray(container.envFrom) ? container.envFrom : [];
    envFrom.forEach((e, i) => isMap(e) && add(kind === 'ConfigMap' ? e.configMapRef : e.secretRef, 'name', `${pointer}/envFrom/${i}/${kind === 'ConfigMap' ? 'configMapRef' : 'secretRef'}`));
    const env = Array.isArray(container.env) ? container.env : [];
    env.forEach((e, i) => {
      if (isMap(e) && isMap(e.valueFrom)) add(kind === 'ConfigMap' ? e.valueFrom.configMapKeyRef : e.valueFrom.secretKeyRef, 'name', `${pointer}/env/${i}/valueFrom/${kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef'}`);
    });
  }
  if (kind === 'Secret' && Array.isArray(t.spec.imagePullSecrets)) {
    t.spec.imagePullSecrets.forEach((s, i) => add(s, 'name', `${t.specPointer}/imagePullSecrets/${i}`));
  }
  return out;
}

export function checkReferences(ctx: RuleContext, kind: ReferenceKind): void {
  const present = new Set(ctx.resources.filter((r) => r.id.apiVersion === 'v1' && r.id.kind === kind).map((r) => `${namespaceOf(r)}/${r.id.name}`));
  if (kind === 'Secret') for (const made of secretsMadeByControllers(ctx.resources)) present.add(made);
  for (const t of podTemplates(ctx.resources)) {
    for (const ref of referencesIn(t, kind)) {
      if (ref.optional || CLUSTER_PROVIDED[kind].has(ref.name) || present.has(`${t.namespace}/${ref.name}`)) continue;
      ctx.report({
        resource: t.resource,
        pointer: ref.pointer,
        message: `${kind} "${ref.name}" not found in namespace "${t.namespace}"`,
        severity: ctx.options.strictRefs ? 'error' : undefined,
      });
    }
  }
}

/**
 * `namespace/name` of the Secrets that controllers make from objects among the inputs: a
 * cert-manager Certificate's spec.secretName, a SealedSecret's (named after it), an
 * ExternalSecret's target (spec.target.name, else its own name; none with creationPolicy None or
 * Merge), and a Secrets Store CSI SecretProviderClass's secretObjects. A pod that reads one is not
 * missing it: the Secret exists once the controller has run.
 */
export function secretsMadeByControllers(resources: readonly Resource[]): string[] {
  const out: string[] = [];
  for (const r of resources) {
    const group = r.id.apiVersion.split('/')[0];
    const spec = isMap(r.object.spec) ? r.object.spec : {};
    const ns = namespaceOf(r);
    if (r.id.kind === 'Certificate' && group === 'cert-manager.io' && typeof spec.secretName === 'string') out.push(`${ns}/${spec.secretName}`);
    // The controller names the Secret after the SealedSecret, whatever its template says (sealed-secrets pkg/apis/sealedsecrets/v1alpha1 Unseal).
    else if (r.id.kind === 'SealedSecret' && group === 'bitnami.com') out.push(`${ns}/${r.id.name}`);
    else if (r.id.kind === 'ExternalSecret' && group === 'external-secrets.io') {
      // creationPolicy None makes nothing; Merge only writes into a Secret that must exist already.
      const target = isMap(spec.target) ? spec.target : {};
      if (target.creationPolicy !== 'None' && target.creationPolicy !== 'Merge') out.push(`${ns}/${typeof target.name === 'string' ? target.name : r.id.name}`);
    } else if (r.id.kind === 'SecretProviderClass' && group === 'secrets-store.csi.x-k8s.io' && Array.isArray(spec.secretObjects)) {
      for (const o of spec.secretObjects) if (isMap(o) && typeof o.secretName === 'string') out.push(`${ns}/${o.secretName}`);
    }
  }
  return out;
}
