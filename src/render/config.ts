/**
 * `configurations:`: transformer config files that add field specs to kustomize's built-in
 * ones (api/internal/plugins/builtinconfig/transformerconfig.go, loaddefaultconfig.go).
 *
 * kubeproof keeps its built-in field specs in the transformers that use them; a
 * TransformerConfig here holds only what configuration files add (plus the varReference
 * defaults, which only vars use). As in kustomize's accumulator (resaccumulator.go
 * MergeConfig / MergeAccumulator), a kustomization's config is the union of its bases',
 * its components' and its own files', and it applies to that kustomization's transformers,
 * to name references and to vars at the top.
 */
import { decodeSource, isPlainObject, parsePlainDocuments } from '../load/index.js';
import { BuildError } from './errors.js';
import { readInRoot } from './files.js';
import type { FieldSpec } from './fieldspec.js';
import { stringList, type Kustomization } from './kustomization.js';

/** A nameReference entry: resources of this kind are named in these referrers' fields. */
export interface NameBackRef {
  group?: string;
  version?: string;
  kind: string;
  referrers: FieldSpec[];
}

export const FIELD_SPEC_LISTS = ['namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'templateLabels', 'commonAnnotations', 'images', 'replicas', 'varReference'] as const;
type ListName = (typeof FIELD_SPEC_LISTS)[number];

export type TransformerConfig = Record<ListName, FieldSpec[]> & { nameReference: NameBackRef[] };

export function emptyConfig(): TransformerConfig {
  return { namePrefix: [], nameSuffix: [], namespace: [], commonLabels: [], templateLabels: [], commonAnnotations: [], images: [], replicas: [], varReference: [], nameReference: [] };
}

const sameGvk = (a: { group?: string; version?: string; kind?: string }, b: typeof a) => (a.group ?? '') === (b.group ?? '') && (a.version ?? '') === (b.version ?? '') && (a.kind ?? '') === (b.kind ?? '');

/**
 * kustomize's FsSlice.MergeAll: a spec already there (same group, version, kind and path) is
 * kept once; the same spec with a different `create` is kustomize's "conflicting fieldspecs".
 */
function mergeSpecs(into: FieldSpec[], incoming: readonly FieldSpec[]): void {
  for (const spec of incoming) {
    const known = into.find((s) => sameGvk(s, spec) && s.path === spec.path);
    if (!known) into.push(spec);
    else if ((known.create ?? false) !== (spec.create ?? false)) throw new BuildError(`merging config: conflicting fieldspecs (path ${spec.path})`);
  }
}

/** Merges `incoming` into `into` (TransformerConfig.Merge): back references of one type pool their referrers. */
export function mergeConfig(into: TransformerConfig, incoming: TransformerConfig): void {
  for (const list of FIELD_SPEC_LISTS) mergeSpecs(into[list], incoming[list]);
  for (const ref of incoming.nameReference) {
    const known = into.nameReference.find((r) => sameGvk(r, ref));
    if (known) mergeSpecs(known.referrers, ref.referrers);
    else into.nameReference.push({ ...ref, referrers: [...ref.referrers] });
  }
}

/** The config a kustomization's own `configurations:` files make, each read inside its root. */
export function loadConfigurations(k: Kustomization): TransformerConfig {
  const config = emptyConfig();
  stringList(k, 'configurations').forEach((ref, i) => {
    const pointer = `/configurations/${i}`;
    const { absolute, bytes } = readInRoot(k.dir, ref, k.file, pointer);
    const decoded = decodeSource(bytes, absolute);
    if ('problem' in decoded) throw new BuildError(`${ref}: ${decoded.problem.message}`, k.file, pointer);
    const { documents, diagnostics } = parsePlainDocuments(decoded.text, absolute, { typing: 'kustomize' });
    if (diagnostics.length > 0) throw new BuildError(`${ref}: ${diagnostics[0]!.message}`, k.file, pointer);
    const doc = documents[0]?.value ?? {};
    if (!isPlainObject(doc)) throw new BuildError(`${ref}: a transformer configuration must be a mapping`, k.file, pointer);
    mergeConfig(config, parseConfig(doc, ref, k, pointer));
  });
  return config;
}

/** One configuration document; fields kustomize's TransformerConfig does not have are ignored, as its YAML decoding ignores them. */
export function parseConfig(doc: Record<string, unknown>, ref: string, k: Kustomization, pointer: string): TransformerConfig {
  const config = emptyConfig();
  for (const list of FIELD_SPEC_LISTS) if (doc[list] != null) config[list] = specList(doc[list], `${ref}: ${list}`, k, pointer);
  if (doc.nameReference != null) {
    if (!Array.isArray(doc.nameReference)) throw new BuildError(`${ref}: nameReference must be a list`, k.file, pointer);
    config.nameReference = doc.nameReference.map((entry) => {
      if (!isPlainObject(entry)) throw new BuildError(`${ref}: each nameReference entry must be a mapping`, k.file, pointer);
      const gvk = gvkOf(entry);
      return { ...gvk, kind: gvk.kind ?? '', referrers: entry.fieldSpecs == null ? [] : specList(entry.fieldSpecs, `${ref}: nameReference fieldSpecs`, k, pointer) };
    });
  }
  return config;
}

function specList(v: unknown, what: string, k: Kustomization, pointer: string): FieldSpec[] {
  if (!Array.isArray(v)) throw new BuildError(`${what} must be a list of field specs`, k.file, pointer);
  return v.map((entry) => {
    if (!isPlainObject(entry) || typeof entry.path !== 'string') throw new BuildError(`${what}: each field spec must be a mapping with a path`, k.file, pointer);
    const spec: FieldSpec = { ...gvkOf(entry), path: entry.path };
    if (entry.create === true) spec.create = true;
    return spec;
  });
}

/** An empty or missing group, version or kind matches any (kustomize's Gvk.IsSelected). */
function gvkOf(entry: Record<string, unknown>): { group?: string; version?: string; kind?: string } {
  const out: { group?: string; version?: string; kind?: string } = {};
  for (const key of ['group', 'version', 'kind'] as const) if (typeof entry[key] === 'string' && entry[key] !== '') out[key] = entry[key];
  return out;
}
