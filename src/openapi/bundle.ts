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
      const index = readIndex(version);
      bundle = index && fs.statSync(file).size === index.bytes ? lazyBundle(file, index) : (JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaBundle);
    } catch (err) {
      throw new KubeproofError('INTERNAL', `cannot read the schema bundle ${file.pathname}: ${(err as Error).message}`, { cause: err });
    }
    cache.set(version, bundle);
  }
  return bundle;
}

/**
 * Where each definition lies in a bundle's text: compiled/kubernetes-<version>.index.json, written
 * by scripts/compile-validators.mjs (`npm run build`; bundleIndex below makes it). `bundle` holds
 * the bundle's other members as they are; `bytes` the size of the file the byte offsets are in.
 */
export interface BundleIndex {
  bytes: number;
  bundle: Omit<SchemaBundle, 'definitions'>;
  definitions: Record<string, [start: number, end: number]>;
}

/** The index of the bundle text `text` (as JSON.stringify writes it), or undefined for text written otherwise. */
export function bundleIndex(text: string): BundleIndex | undefined {
  const { definitions, ...rest } = JSON.parse(text) as SchemaBundle;
  const head = JSON.stringify(rest).slice(0, -1) + ',"definitions":{';
  const offsets: BundleIndex['definitions'] = {};
  let at = Buffer.byteLength(head);
  for (const [name, value] of Object.entries(definitions)) {
    const start = at + Buffer.byteLength(JSON.stringify(name)) + 1;
    offsets[name] = [start, start + Buffer.byteLength(JSON.stringify(value))];
    at = offsets[name][1] + 1;
  }
  const rebuilt = head + Object.entries(definitions).map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',') + '}}';
  return rebuilt === text.trimEnd() ? { bytes: Buffer.byteLength(text), bundle: rest, definitions: offsets } : undefined;
}

function readIndex(version: KubernetesVersion): BundleIndex | undefined {
  try {
    return JSON.parse(fs.readFileSync(new URL(`../../compiled/kubernetes-${version}.index.json`, import.meta.url), 'utf8')) as BundleIndex;
  } catch {
    return undefined; // a tree not built yet (or the index generator itself): parse the whole bundle
  }
}

/**
 * The bundle with each definition read from the file and parsed when first read (then kept): a
 * one-ConfigMap check reads 6 of the 729 definitions, and reading and parsing the whole 300 KB of
 * JSON was a tenth of its cold run. The definitions read as a plain object's (by name, in, keys
 * and entries in the bundle's order, each one the same object every time); a Proxy, as defining
 * 729 getters cost as much as the parse.
 */
function lazyBundle(file: URL, index: BundleIndex): SchemaBundle {
  const offsets = index.definitions;
  const parsed = new Map<string, SchemaNode>();
  const known = (name: string | symbol): name is string => typeof name === 'string' && Object.hasOwn(offsets, name);
  const read = (name: string): SchemaNode => {
    let value = parsed.get(name);
    if (value === undefined) {
      const [start, end] = offsets[name]!;
      value = JSON.parse(readRange(file, start, end)) as SchemaNode;
      parsed.set(name, value);
    }
    return value;
  };
  const definitions = new Proxy({} as Record<string, SchemaNode>, {
    get: (_, name) => (known(name) ? read(name) : undefined),
    has: (_, name) => known(name),
    ownKeys: () => Object.keys(offsets),
    getOwnPropertyDescriptor: (_, name) => (known(name) ? { value: read(name), writable: false, enumerable: true, configurable: true } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  return { ...index.bundle, definitions };
}

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** Bytes start..end of a file, as UTF-8 text. */
function readRange(file: URL, start: number, end: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.allocUnsafe(end - start);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, start + got);
      if (n === 0) throw new Error(`the file ended at byte ${start + got} of ${end}: rebuild with npm run build`);
      got += n;
    }
    return bytes.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
