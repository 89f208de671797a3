/**
 * One kustomization build, in kustomize v5.5's order: resources (bases built first, each
 * complete), generators, components, then the transformers in their fixed order; at the top
 * level only, hash suffixes, name references, local-config removal and the output order.
 */
import { stringOf } from '../core/index.js';
import { isPlainObject } from '../load/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KubernetesVersion } from '../openapi/index.js';
import { accumulateResources, enterRoot, refuseEmptyRoot, type BuildContext } from './accumulate.js';
import { emptyConfig, loadConfigurations, mergeConfig, parseConfig, type TransformerConfig } from './config.js';
import type { FieldSpec } from './fieldspec.js';
import { affixConfigured, setConfiguredImages, setConfiguredNamespace, setConfiguredReplicas } from './transformers/configured.js';
import { BuildError } from './errors.js';
import { kindError } from './smp.js';
import { isDirectory, resolveInRoot } from './files.js';
import { readKustomization, stringList, type Kustomization } from './kustomization.js';
import { legacySort } from './order.js';
import { ResMap } from './resmap.js';
import { describeId, type Origin, type RenderResource } from './resource.js';
import { contentHash, runGenerators } from './transformers/generators.js';
import { setImages, type ImageRule } from './transformers/images.js';
import { addNameAffix, addToMaps, annotationSpecs, labelSpecs } from './transformers/metadata.js';
import { fixNameReferences } from './transformers/namereference.js';
import { setNamespace } from './transformers/namespace.js';
import { runReplacements } from './transformers/replacements.js';
import { loadPluginConfigs, runPluginGenerators, runPluginTransformers, type BuildDir } from './transformers/plugins.js';
import { mergeVars, mergeVarSet, parseVars, resolveVars, VAR_REFERENCE, type Var } from './transformers/vars.js';
import { runPatches, runPatchesJson6902, runPatchesStrategicMerge, type PatchContext, type UnmatchedPatch } from './transformers/patches.js';

export interface BuildOptions {
  kubernetesVersion: KubernetesVersion;
  /** Add kustomize's config.kubernetes.io/origin annotation, as `buildMetadata: [originAnnotations]` does. */
  origins?: boolean;
  /** Filled with the patch entries whose target selected nothing. */
  unmatched?: UnmatchedPatch[];
}

export interface Built {
  resources: RenderResource[];
  warnings: string[];
}

/** kustomize's deprecated fields and its warning for each (also what completion says of them). */
export const DEPRECATED: [string, string][] = [
  ['bases', "'bases' is deprecated. Please use 'resources' instead."],
  ['commonLabels', "'commonLabels' is deprecated. Please use 'labels' instead."],
  ['imageTags', "'imageTags' is deprecated. Please use 'images' instead."],
  ['patchesJson6902', "'patchesJson6902' is deprecated. Please use 'patches' instead."],
  ['patchesStrategicMerge', "'patchesStrategicMerge' is deprecated. Please use 'patches' instead."],
  ['vars', "'vars' is deprecated. Please use 'replacements' instead. [EXPERIMENTAL]"],
];

export function buildKustomization(dir: string, options: BuildOptions): Built {
  const root = fs.realpathSync(dir);
  const warnings: string[] = [];
  const { resmap, k, state } = accumulate(root, [root], options, warnings, true);
  for (const r of resmap.items) {
    if (r.needsHashSuffix) {
      r.previousIds.push(r.namespace === undefined ? { name: r.name } : { name: r.name, namespace: r.namespace });
      r.metadata.name = `${r.name}-${contentHash(r)}`;
    }
  }
  fixNameReferences(resmap.items, state.config.nameReference);
  // kustomize resolves vars once, at the top, after names are final (kusttarget.go makeCustomizedResMap).
  const varReference = emptyConfig();
  varReference.varReference = [...VAR_REFERENCE];
  mergeConfig(varReference, state.config);
  resolveVars(resmap.items, state.vars, varReference.varReference);
  const kept = resmap.items.filter((r) => {
    const local = (r.metadata.annotations as Record<string, unknown> | undefined)?.['config.kubernetes.io/local-config'];
    return local === undefined || local === 'false';
  });
  const metadata = Array.isArray(k.fields.buildMetadata) ? (k.fields.buildMetadata as string[]) : [];
  if (metadata.includes('transformerAnnotations')) throw new BuildError("buildMetadata 'transformerAnnotations' is not supported yet by kubeproof render", k.file, '/buildMetadata');
  const origins = options.origins || metadata.includes('originAnnotations');
  for (const r of kept) {
    // With any buildMetadata kustomize tracks origins while it accumulates, as annotations: it
    // refuses an object whose annotations (or, for managedByLabel, labels) are not a mapping.
    if (metadata.length > 0 || origins) refuseNonMapMeta(r, 'annotations');
    if (metadata.includes('managedByLabel')) refuseNonMapMeta(r, 'labels');
    cleanBuildAnnotations(r);
    if (origins) addOriginAnnotation(r, root);
    if (metadata.includes('managedByLabel')) ((r.metadata.labels ??= {}) as Record<string, unknown>)['app.kubernetes.io/managed-by'] = 'kustomize-(devel)';
  }
  const sort = k.fields.sortOptions as { order?: string; legacySortOptions?: { orderFirst?: string[]; orderLast?: string[] } } | undefined;
  if (sort?.order !== undefined && sort.order !== 'fifo' && sort.order !== 'legacy') throw new BuildError("the field 'sortOptions.order' must be one of [fifo, legacy]", k.file, '/sortOptions/order');
  const resources = sort?.order === 'fifo' ? kept : legacySort(kept, sort?.legacySortOptions?.orderFirst, sort?.legacySortOptions?.orderLast);
  return { resources, warnings };
}

/** What a kustomization passes up besides its resources (kustomize's ResAccumulator): the merged transformer config and the vars. */
interface AccumulatorState {
  config: TransformerConfig;
  vars: Map<string, Var>;
}

function accumulate(dir: string, chain: string[], options: BuildOptions, warnings: string[], top: boolean, from?: { file: string; pointer: string }): { resmap: ResMap; k: Kustomization; state: AccumulatorState } {
  const k = readKustomization(dir, from);
  if (k.kind === 'Component' && !top) throw new BuildError(`expected kind != 'Component' for path '${dir}'`, k.file);
  for (const [field, text] of DEPRECATED) if (k.fields[field] !== undefined) warnings.push(`# Warning: ${text} Run 'kustomize edit fix' to update your Kustomization automatically.`);
  // kustomize reads `configurations` with the kustomization itself, before any resource: their errors come first.
  const own = loadConfigurations(k);
  const state: AccumulatorState = { config: emptyConfig(), vars: new Map() };
  const ctx = childContext(chain, options, warnings, state);
  const resmap = accumulateResources(k, ctx);
  refuseUnsupported(k); // kustomize meets plugins after the resources: their errors come after
  // A base's configurations reach this kustomization's transformers too (MergeAccumulator, then MergeConfig).
  mergeConfig(state.config, own);
  runGenerators(k, resmap);
  const buildDir: BuildDir = (child, at) => accumulate(child, enterRoot(child, chain, k, at.pointer), options, warnings, false, at).resmap.items;
  runPluginGenerators(k, resmap, loadPluginConfigs(k, 'generators', buildDir));
  applyComponents(k, resmap, state, chain, options, warnings);
  // A Component built on its own has nothing of its includer's to patch: its targets matching
  // nothing there is expected, not an unmatched-patch finding.
  transform(k, resmap, top && k.kind === 'Component' ? { ...options, unmatched: undefined } : options, state.config, buildDir);
  mergeVars(state.vars, parseVars(k), resmap.items, k);
  return { resmap, k, state };
}

/** Building a base: its resources come back; its config and vars join this kustomization's. */
function childContext(chain: string[], options: BuildOptions, warnings: string[], state: AccumulatorState): BuildContext {
  return {
    chain,
    build: (child, c, at) => {
      const built = accumulate(child, c, options, warnings, false, at);
      mergeConfig(state.config, built.state.config);
      mergeVarSet(state.vars, built.state.vars, child, at);
      return built.resmap;
    },
  };
}

/** kustomize's words for a component root its loader refuses (api/internal/target/kusttarget.go accumulateComponents). */
const componentLoaderError = (message: string): string => `accumulating components: loader.New "${message}"`;

/** The kustomization's `components`, in order, each a directory not already being built. */
function applyComponents(k: Kustomization, resmap: ResMap, state: AccumulatorState, chain: string[], options: BuildOptions, warnings: string[]): void {
  stringList(k, 'components').forEach((ref, i) => {
    const pointer = `/components/${i}`;
    refuseEmptyRoot(ref, k, pointer, componentLoaderError);
    const target = resolveInRoot(k.dir, ref, k.file, pointer);
    if (!isDirectory(target)) throw new BuildError(`accumulating components: '${target}' must be a directory`, k.file, pointer);
    applyComponent(target, resmap, state, enterRoot(target, chain, k, pointer, componentLoaderError), options, warnings, { file: k.file, pointer });
  });
}

/** A component runs its whole build on the including kustomization's resources. */
function applyComponent(dir: string, resmap: ResMap, state: AccumulatorState, chain: string[], options: BuildOptions, warnings: string[], from: { file: string; pointer: string }): void {
  const k = readKustomization(dir, from);
  if (k.kind !== 'Component') throw new BuildError(`accumulating components: accumulateDirectory: "expected kind 'Component' for path '${dir}' but got 'Kustomization'"`, from.file, from.pointer);
  const own = loadConfigurations(k);
  // A component accumulates into the including kustomization's accumulator: one config, one var set.
  resmap.appendAll(accumulateResources(k, childContext(chain, options, warnings, state)), from);
  refuseUnsupported(k);
  mergeConfig(state.config, own);
  runGenerators(k, resmap);
  const buildDir: BuildDir = (child, at) => accumulate(child, enterRoot(child, chain, k, at.pointer), options, warnings, false, at).resmap.items;
  runPluginGenerators(k, resmap, loadPluginConfigs(k, 'generators', buildDir));
  applyComponents(k, resmap, state, chain, options, warnings);
  transform(k, resmap, options, state.config, buildDir);
  mergeVars(state.vars, parseVars(k), resmap.items, k);
}

function refuseUnsupported(k: Kustomization): void {
  for (const field of ['validators', 'helmCharts', 'helmGlobals', 'helmChartInflationGenerator']) {
    if (k.fields[field] !== undefined) throw new BuildError(`'${field}' is not supported: kubeproof runs no plugins and fetches no charts (offline and safe by default)`, k.file, `/${field}`);
  }
}

function transform(k: Kustomization, resmap: ResMap, options: BuildOptions, config: TransformerConfig, buildDir: BuildDir): void {
  const at = (pointer: string): Origin => ({ file: k.file, pointer, locate: () => k.locate(pointer) });
  const patchCtx: PatchContext = { kubernetesVersion: options.kubernetesVersion, unmatched: options.unmatched };
  runPatchesStrategicMerge(k, resmap, patchCtx);
  runPatches(k, resmap, patchCtx);
  if (typeof k.fields.namespace === 'string' && k.fields.namespace !== '') {
    setNamespace(resmap.items, k.fields.namespace, at('/namespace'));
    setConfiguredNamespace(resmap.items, config.namespace, k.fields.namespace, at('/namespace'));
  }
  const prefix = typeof k.fields.namePrefix === 'string' ? k.fields.namePrefix : '';
  const suffix = typeof k.fields.nameSuffix === 'string' ? k.fields.nameSuffix : '';
  if (prefix) {
    addNameAffix(resmap.items, prefix, '', at('/namePrefix'));
    affixConfigured(resmap.items, config.namePrefix, prefix, '', at('/namePrefix'));
  }
  if (suffix) {
    addNameAffix(resmap.items, '', suffix, at('/nameSuffix'));
    affixConfigured(resmap.items, config.nameSuffix, '', suffix, at('/nameSuffix'));
  }
  const labels = Array.isArray(k.fields.labels) ? (k.fields.labels as Record<string, unknown>[]) : [];
  labels.forEach((entry, i) => {
    const own = entry.fields == null ? [] : parseConfig({ commonLabels: entry.fields }, 'labels', k, `/labels/${i}/fields`).commonLabels;
    const configured = entry.includeSelectors === true ? config.commonLabels : entry.includeTemplates === true ? config.templateLabels : [];
    addToMaps(resmap.items, stringMap(entry.pairs), [...own, ...labelSpecs(entry.includeSelectors === true, entry.includeTemplates === true), ...configured], at(`/labels/${i}/pairs`));
  });
  if (k.fields.commonLabels) addToMaps(resmap.items, stringMap(k.fields.commonLabels), [...labelSpecs(true, true), ...config.commonLabels], at('/commonLabels'));
  if (k.fields.commonAnnotations) addToMaps(resmap.items, stringMap(k.fields.commonAnnotations), [...annotationSpecs, ...config.commonAnnotations], at('/commonAnnotations'));
  runPatchesJson6902(k, resmap, patchCtx);
  const replicas = Array.isArray(k.fields.replicas) ? (k.fields.replicas as { name: string; count: number }[]) : [];
  replicas.forEach((entry, i) => setReplicas(resmap.items, entry, at(`/replicas/${i}/count`), k, `/replicas/${i}`, config.replicas));
  const images = [...(Array.isArray(k.fields.images) ? k.fields.images : []), ...(Array.isArray(k.fields.imageTags) ? k.fields.imageTags : [])] as ImageRule[];
  const imageRules = images.map((rule, i) => ({ rule, origin: at(`/images/${i}`) }));
  setImages(resmap.items, imageRules);
  setConfiguredImages(resmap.items, config.images, imageRules);
  runReplacements(k, resmap);
  // `transformers:` configs run after the builtin ones (kusttarget.go runTransformers).
  runPluginTransformers(k, resmap, loadPluginConfigs(k, 'transformers', buildDir), patchCtx);
}

function stringMap(v: unknown): Record<string, string> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringOf(x)]));
}

const REPLICA_KINDS = ['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'];

function setReplicas(resources: RenderResource[], entry: { name: string; count: number }, origin: Origin, k: Kustomization, pointer: string, configured: FieldSpec[]): void {
  const matched = resources.filter((r) => REPLICA_KINDS.includes(r.kind) && (r.name === entry.name || r.previousIds.some((id) => id.name === entry.name)));
  const configuredMatches = setConfiguredReplicas(resources, configured, entry, origin);
  if (matched.length === 0 && configuredMatches === 0) {
    throw new BuildError(`resource with name ${entry.name} does not match a config with the following GVK [Deployment.[noVer].[noGrp] StatefulSet.[noVer].[noGrp] ReplicaSet.[noVer].[noGrp] ReplicationController.[noVer].[noGrp]]`, k.file, pointer);
  }
  for (const r of matched) {
    const spec = (r.object.spec ??= {}) as unknown;
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
      // kyaml's field setter meets a scalar or a list where the path needs a map
      throw new BuildError(kindError('MappingNode', spec).message, k.file, pointer);
    }
    (spec as Record<string, unknown>).replicas = entry.count;
    r.setOrigin('/spec/replicas', origin);
  }
}

/**
 * kyaml's words for a metadata field that must be a mapping and is not (kyaml/yaml/fns.go
 * FieldMatcher: "wrong node kind"), at the field in the resource's file. kustomize prefixes
 * `cannot add path annotation for '<entry>'` for annotations; the place here says which file.
 */
function refuseNonMapMeta(r: RenderResource, field: 'annotations' | 'labels'): void {
  const value = r.metadata[field];
  if (value === undefined || value === null || isPlainObject(value)) return;
  const kind = Array.isArray(value) ? 'SequenceNode' : 'ScalarNode';
  const contents = Array.isArray(value) ? value.map((v) => `- ${String(v)}\n`).join('') : `${String(value)}\n`;
  const located = r.locate(`/metadata/${field}`);
  throw new BuildError(`considering field 'metadata/${field}' of object ${describeId(r)}: wrong node kind: expected MappingNode but got ${kind}: node contents:\n${contents}`, located.file, '', 'kustomize-build', located.value);
}

/** kustomize's origin annotation: the file a resource came from, or the generator that made it, relative to the top kustomization. */
function addOriginAnnotation(r: RenderResource, root: string): void {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const value = r.generatedBy
    ? `configuredIn: ${rel(r.origin.file)}\nconfiguredBy:\n  apiVersion: builtin\n  kind: ${r.generatedBy}\n`
    : `path: ${rel(r.origin.file)}\n`;
  ((r.metadata.annotations ??= {}) as Record<string, unknown>)['config.kubernetes.io/origin'] = value;
}

const BUILD_ANNOTATIONS = ['previousKinds', 'previousNames', 'previousNamespaces', 'prefixes', 'suffixes', 'allowNameChange', 'allowKindChange', 'refBy', 'generatorBehavior', 'needsHashSuffix', 'path', 'index', 'seqindent'].map((a) => `internal.config.kubernetes.io/${a}`);

function cleanBuildAnnotations(r: RenderResource): void {
  const annotations = r.metadata.annotations as Record<string, unknown> | null | undefined;
  // kustomize's RemoveBuildAnnotations sets what is left back; kyaml's SetAnnotations clears an
  // empty map, so `annotations:` left empty (null) or `{}` never reaches the output.
  if (annotations === null) delete r.metadata.annotations;
  if (!annotations || typeof annotations !== 'object') return;
  for (const key of [...BUILD_ANNOTATIONS, 'config.kubernetes.io/path', 'config.kubernetes.io/index', 'config.k8s.io/id', 'config.kubernetes.io/origin', 'alpha.config.kubernetes.io/transformations']) delete annotations[key];
  if (Object.keys(annotations).length === 0) delete r.metadata.annotations;
  // Setting them back as a map[string]string also makes every scalar value text: `a: 1` is
  // printed `a: "1"` (labels are not set back, and keep their types).
  for (const [key, v] of Object.entries(annotations)) if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') annotations[key] = stringOf(v);
}
