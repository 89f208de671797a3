/**
 * The admission attributes of an input object, as the API server would see its creation: the
 * group, version, kind, resource (plural name), namespace, name and operation CREATE.
 */
import type { Resource } from '../../core/index.js';
import { isMap } from '../../rules/index.js';
import { DEFAULT_KUBERNETES_VERSION, loadBundle, type KubernetesVersion } from '../../schema/index.js';

export interface Attributes {
  group: string;
  version: string;
  kind: string;
  resource: string;
  /** '' for a cluster-scoped object; a Namespace's own name for a Namespace (as the API server sets it). */
  namespace: string;
  name: string;
  operation: 'CREATE';
  /** The object is cluster-scoped. */
  clusterScoped: boolean;
}

interface CrdNames {
  plural: string;
  namespaced: boolean;
}

/** What the API server's RESTMapper knows: the built-in kinds' scopes, and the CRDs' plurals and scopes. */
export class ResourceMapper {
  private readonly crds = new Map<string, CrdNames>();
  constructor(
    crds: readonly Resource[],
    private readonly kubernetesVersion: KubernetesVersion = DEFAULT_KUBERNETES_VERSION,
  ) {
    for (const crd of crds) {
      const spec = crd.object.spec;
      if (!isMap(spec) || !isMap(spec.names) || typeof spec.group !== 'string' || typeof spec.names.kind !== 'string') continue;
      const plural = typeof spec.names.plural === 'string' ? spec.names.plural : guessResource(spec.names.kind);
      this.crds.set(`${spec.group}/${spec.names.kind}`, { plural, namespaced: spec.scope !== 'Cluster' });
    }
  }

  attributes(r: Resource): Attributes {
    const [group, version] = r.id.apiVersion.includes('/') ? (r.id.apiVersion.split('/', 2) as [string, string]) : ['', r.id.apiVersion];
    const crd = this.crds.get(`${group}/${r.id.kind}`);
    const builtIn = loadBundle(this.kubernetesVersion).kinds[`${r.id.apiVersion}/${r.id.kind}`];
    const namespaced = crd?.namespaced ?? builtIn?.namespaced ?? r.id.namespace !== undefined;
    const isNamespace = group === '' && r.id.kind === 'Namespace';
    // A namespaced object without metadata.namespace goes where kubectl's context says: `default` here.
    const namespace = isNamespace ? r.id.name : namespaced ? (r.id.namespace ?? 'default') : '';
    return { group, version, kind: r.id.kind, resource: crd?.plural ?? guessResource(r.id.kind), namespace, name: r.id.name, operation: 'CREATE', clusterScoped: !namespaced };
  }

  /** Whether objects of this apiVersion and kind are namespaced (unknown kinds count as namespaced). */
  namespaced(apiVersion: string, kind: string): boolean {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
    return this.crds.get(`${group}/${kind}`)?.namespaced ?? loadBundle(this.kubernetesVersion).kinds[`${apiVersion}/${kind}`]?.namespaced ?? true;
  }
}

/**
 * A kind's plural resource name, as apimachinery's meta.UnsafeGuessKindToResource
 * (apimachinery/pkg/api/meta/restmapper.go) guesses it; every built-in kind follows it.
 */
export function guessResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === '' || lower.endsWith('endpoints')) return lower;
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}
