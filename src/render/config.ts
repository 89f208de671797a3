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
import { annotationSpecs, labelSpecs } from './transformers/metadata.js';
import { VAR_REFERENCE } from './transformers/vars.js';

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
function mergeSpecs(into: FieldSpec[], incoming: readonly FieldSpec[], list: ListName | 'nameReference', at?: { file: string; pointer: string }): void {
  for (const spec of incoming) {
    const known = into.find((s) => sameGvk(s, spec) && s.path === spec.path);
    if (!known) into.push(spec);
    else if ((known.create ?? false) !== (spec.create ?? false)) throw new BuildError(`failed to merge ${GO_NAMES[list]} fieldSpec: conflicting fieldspecs`, at?.file, at?.pointer ?? '');
  }
}

/** TransformerConfig's Go field names, as its Merge names them in errors. */
const GO_NAMES: Record<ListName | 'nameReference', string> = {
  namePrefix: 'NamePrefix', nameSuffix: 'NameSuffix', namespace: 'NameSpace', commonLabels: 'CommonLabels', templateLabels: 'TemplateLabels',
  commonAnnotations: 'CommonAnnotations', images: 'Images', replicas: 'Replicas', varReference: 'VarReference', nameReference: 'NameReference',
};

/**
 * kustomize merges each kustomization's files with its default config (MakeTransformerConfig):
 * a file's spec that repeats a default with another `create` is the same conflict. The defaults
 * kubeproof keeps as lists are checked here; they are not merged in (the transformers hold them).
 */
function checkAgainstDefaults(config: TransformerConfig, at: { file: string; pointer: string }): void {
  const defaults: Partial<Record<ListName, readonly FieldSpec[]>> = {
    namePrefix: [{ path: 'metadata/name' }],
    nameSuffix: [{ path: 'metadata/name' }],
    namespace: NAMESPACE_SPECS,
    commonLabels: labelSpecs(true, true),
    commonAnnotations: annotationSpecs,
    varReference: VAR_REFERENCE,
  };
  for (const [list, specs] of Object.entries(defaults) as [ListName, FieldSpec[]][]) mergeSpecs([...specs], config[list], list, at);
}

/** api/konfig/builtinpluginconsts/namespace.go, for the conflict check. */
const NAMESPACE_SPECS: readonly FieldSpec[] = [
  { path: 'metadata/namespace', create: true },
  { kind: 'Namespace', path: 'metadata/name', create: true },
  { kind: 'RoleBinding', path: 'subjects[]/namespace' },
  { kind: 'ClusterRoleBinding', path: 'subjects[]/namespace' },
  { group: 'apiregistration.k8s.io', kind: 'APIService', path: 'spec/service/namespace', create: true },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', path: 'spec/conversion/webhook/clientConfig/service/namespace' },
];

/** Merges `incoming` into `into` (TransformerConfig.Merge): back references of one type pool their referrers. */
export function mergeConfig(into: TransformerConfig, incoming: TransformerConfig, at?: { file: string; pointer: string }): void {
  for (const list of FIELD_SPEC_LISTS) mergeSpecs(into[list], incoming[list], list, at);
  for (const ref of incoming.nameReference) {
    const known = into.nameReference.find((r) => sameGvk(r, ref));
    if (known) mergeSpecs(known.referrers, ref.referrers, 'nameReference', at);
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
    mergeConfig(config, parseConfig(doc, ref, k, pointer), { file: k.file, pointer });
  });
  if (k.fields.configurations != null) checkAgainstDefaults(config, { file: k.file, pointer: '/configurations' });
  return config;
}

/** One configuration document; fields kustomize's TransformerConfig does not have are ignored, as its YAML decoding ignores them. */
export function parseConfig(doc: Record<string, unknown>, ref: string, k: Kustomization, pointer: string): TransformerConfig {
  refuseUnknown(doc, [...FIELD_SPEC_LISTS, 'nameReference'], k, pointer);
  const config = emptyConfig();
  for (const list of FIELD_SPEC_LISTS) if (doc[list] != null) config[list] = specList(doc[list], `${ref}: ${list}`, k, pointer);
  if (doc.nameReference != null) {
    if (!Array.isArray(doc.nameReference)) throw new BuildError(`${ref}: nameReference must be a list`, k.file, pointer);
    config.nameReference = doc.nameReference.map((entry) => {
      if (!isPlainObject(entry)) throw new BuildError(`${ref}: each nameReference entry must be a mapping`, k.file, pointer);
      refuseUnknown(entry, ['group', 'version', 'kind', 'fieldSpecs'], k, pointer);
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
    refuseUnknown(entry, ['group', 'version', 'kind', 'path', 'create'], k, pointer);
    const spec: FieldSpec = { ...gvkOf(entry), path: entry.path };
    if (entry.create === true) spec.create = true;
    return spec;
  });
}

/** kustomize decodes configuration files strictly (sigs.k8s.io/yaml UnmarshalStrict): its words. */
function refuseUnknown(entry: Record<string, unknown>, known: readonly string[], k: Kustomization, pointer: string): void {
  const unknown = Object.keys(entry).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new BuildError(`error unmarshaling JSON: while decoding JSON: json: unknown field ${JSON.stringify(unknown)}`, k.file, pointer);
}

/** An empty or missing group, version or kind matches any (kustomize's Gvk.IsSelected). */
function gvkOf(entry: Record<string, unknown>): { group?: string; version?: string; kind?: string } {
  const out: { group?: string; version?: string; kind?: string } = {};
  for (const key of ['group', 'version', 'kind'] as const) if (typeof entry[key] === 'string' && entry[key] !== '') out[key] = entry[key];
  return out;
}
