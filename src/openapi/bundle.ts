/** The generated per-version schema bundles in schemas/, read lazily and once. */
import * as fs from 'node:fs';
import { KubeproofError } from '../core/index.js';

export type SchemaNode = Record<string, unknown>;

export interface KindEntry {
  definition: string;
  namespaced: boolean;
}

export interface SchemaBundle {
  kubernetesVersion: string;
  /** "apiVersion/Kind" (e.g. "apps/v1/Deployment", "v1/Pod") -> definition. */
  kinds: Record<string, KindEntry>;
  definitions: Record<string, SchemaNode>;
}

/** Kubernetes versions whose schemas ship in schemas/; the last is the default. */
export const KUBERNETES_VERSIONS = ['1.33', '1.34', '1.35'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = KUBERNETES_VERSIONS[KUBERNETES_VERSIONS.length - 1]!;

const SCHEMAS_DIR = new URL('../../schemas/', import.meta.url);
const cache = new Map<string, SchemaBundle>();

export function isKubernetesVersion(v: string): v is KubernetesVersion {
  return (KUBERNETES_VERSIONS as readonly string[]).includes(v);
}

export function parseKubernetesVersion(v: string): KubernetesVersion {
  const normal = v.replace(/^v/, '').split('.').slice(0, 2).join('.');
  if (!isKubernetesVersion(normal)) {
    throw new KubeproofError('USAGE', `unsupported Kubernetes version ${JSON.stringify(v)}: choose one of ${KUBERNETES_VERSIONS.join(', ')}`);
  }
  return normal;
}

export function loadBundle(version: KubernetesVersion): SchemaBundle {
  let bundle = cache.get(version);
  if (!bundle) {
    const file = new URL(`kubernetes-${version}.json`, SCHEMAS_DIR);
    try {
      bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaBundle;
    } catch (err) {
      throw new KubeproofError('INTERNAL', `cannot read the schema bundle ${file.pathname}: ${(err as Error).message}`, { cause: err });
    }
    cache.set(version, bundle);
  }
  return bundle;
}

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}
