/**
 * `transformers:` and `generators:` entries that configure kustomize's builtin plugins
 * (apiVersion: builtin), run with kubeproof's own implementations of those plugins. Follows
 * api/internal/target/kusttarget.go (configureExternalTransformers: an entry is inline YAML
 * when it parses as resources, else a file or a kustomization directory whose output is the
 * configs) and plugin/builtin/<kind>/ for each config's fields. Anything that would run code
 * (exec, container or Go plugins, KRM functions) stays refused.
 */
import { ownValue, setOwn } from '../../core/index.js';
import { isPlainObject, parsePlainDocuments } from '../../load/index.js';
import { loadResourceFile } from '../accumulate.js';
import { BuildError } from '../errors.js';
import { isDirectory, resolveInRoot } from '../files.js';
import { specMatches, walkPath, type FieldSpec } from '../fieldspec.js';
import { parseConfig } from '../config.js';
import type { Kustomization } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import type { Origin, RenderResource } from '../resource.js';
import { affixConfigured, setConfiguredImages, setConfiguredNamespace, setConfiguredReplicas } from './configured.js';
import { contentHash, runGenerators } from './generators.js';
import { setImages, type ImageRule } from './images.js';
import { addNameAffix, addToMaps } from './metadata.js';
import { isClusterScoped, setNamespace } from './namespace.js';
import { runPatches, runPatchesJson6902, runPatchesStrategicMerge, type PatchContext } from './patches.js';
import { runReplacements } from './replacements.js';

export interface PluginConfig {
  config: Record<string, unknown>;
  origin: Origin;
}

/** Builds a kustomization directory named by an entry: its resources are the configs. */
export type BuildDir = (dir: string, from: { file: string; pointer: string }) => RenderResource[];

/** The plugin configs of `transformers:` or `generators:`, in order. */
export function loadPluginConfigs(k: Kustomization, field: 'transformers' | 'generators', buildDir: BuildDir): PluginConfig[] {
  const list = k.fields[field];
  if (list == null) return [];
  if (!Array.isArray(list)) throw new BuildError(`invalid Kustomization: ${field} must be a list of strings`, k.file, `/${field}`);
  const out: PluginConfig[] = [];
  list.forEach((entry, i) => {
    const pointer = `/${field}/${i}`;
    if (typeof entry !== 'string') throw new BuildError(`invalid Kustomization: ${field} must be a list of strings`, k.file, pointer);
    const inline = inlineConfigs(entry, k.file);
    if (inline) {
      for (const config of inline) out.push({ config, origin: { file: k.file, pointer, locate: () => k.locate(pointer) } });
      return;
    }
    const target = resolveInRoot(k.dir, entry, k.file, pointer);
    const resources = isDirectory(target) ? buildDir(target, { file: k.file, pointer }) : loadResourceFile(k.dir, entry, k, pointer);
    for (const r of resources) out.push({ config: r.object as Record<string, unknown>, origin: r.origin });
  });
  for (const { config, origin } of out) refuseCode(config, field, origin, k);
  return out;
}

/**
 * An entry kustomize's NewResMapFromBytes reads without error is inline configs; anything else is
 * a path. YAML that holds no resource at all (an empty string, a comment, `---`, `{}`, `[]`) reads
 * as none: the entry adds nothing, where read as a path it would name the kustomization's own root.
 */
function inlineConfigs(entry: string, file: string): Record<string, unknown>[] | undefined {
  const start = entry.trimStart();
  const oneLine = !entry.includes('\n');
  if (oneLine && start !== '' && !/^(?:[#{[]|---)/.test(start)) return undefined;
  const { documents, diagnostics } = parsePlainDocuments(entry, file, { typing: 'kustomize' });
  if (diagnostics.length > 0) return undefined;
  const values = documents.map((d) => d.value).filter((v) => !holdsNothing(v));
  if (values.length === 0) return [];
  if (oneLine && !start.startsWith('{')) return undefined;
  return values.every(isPlainObject) ? (values as Record<string, unknown>[]) : undefined;
}

/** A document kustomize's reader skips: empty, `{}` or `[]`. */
const holdsNothing = (v: unknown): boolean => v === null || v === undefined || (Array.isArray(v) ? v.length === 0 : isPlainObject(v) && Object.keys(v).length === 0);

function refuseCode(config: Record<string, unknown>, field: string, origin: Origin, k: Kustomization): void {
  const annotations = isPlainObject(config.metadata) && isPlainObject(config.metadata.annotations) ? config.metadata.annotations : {};
  if (config.apiVersion !== 'builtin' || annotations['config.kubernetes.io/function'] !== undefined) {
    // kubectl kustomize's own words first (plugins are disabled there too), then why.
    throw new BuildError(`'${field}': external plugins disabled; unable to load external plugin '${String(config.kind)}' (kubeproof runs no exec, container, Go or KRM function plugins; only apiVersion: builtin configs are run)`, origin.file, origin.file === k.file ? origin.pointer : '');
  }
  // SortOrderTransformer is a builtin kustomize cannot load from a config ("unable to load builtin"), as kubectl kustomize 5.5 shows.
  const prefix = field === 'generators' ? 'loading generator plugins: failed to load generator: ' : '';
  if (!BUILTINS.includes(String(config.kind))) throw new BuildError(`${prefix}unable to load builtin ${String(config.kind)}.builtin.[noGrp]`, origin.file, origin.file === k.file ? origin.pointer : '');
  if ((field === 'generators') !== GENERATORS.includes(String(config.kind))) {
    throw new BuildError(`${prefix}plugin ${pluginId(config)} not a ${field === 'generators' ? 'generator' : 'transformer'}`, origin.file, origin.file === k.file ? origin.pointer : '');
  }
}

/** kustomize's builtin plugin kinds (api/internal/plugins/builtinhelpers/builtins.go). */
const BUILTINS = ['AnnotationsTransformer', 'ConfigMapGenerator', 'IAMPolicyGenerator', 'HashTransformer', 'ImageTagTransformer', 'LabelTransformer', 'NamespaceTransformer', 'PatchJson6902Transformer', 'PatchStrategicMergeTransformer', 'PatchTransformer', 'PrefixSuffixTransformer', 'PrefixTransformer', 'SuffixTransformer', 'ReplicaCountTransformer', 'SecretGenerator', 'ValueAddTransformer', 'HelmChartInflationGenerator', 'ReplacementTransformer'];
const GENERATORS = ['ConfigMapGenerator', 'SecretGenerator', 'IAMPolicyGenerator', 'HelmChartInflationGenerator'];

/** How kustomize names a plugin in its errors: the config's resource id. */
function pluginId(config: Record<string, unknown>): string {
  const meta = isPlainObject(config.metadata) ? config.metadata : {};
  return `${String(config.kind)}.builtin.[noGrp]/${str(meta.name)}.${str(meta.namespace) || '[noNs]'}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const stringMap = (v: unknown): Record<string, string> => (isPlainObject(v) ? Object.fromEntries(Object.entries(v).map(([a, b]) => [a, typeof b === 'string' ? b : String(b)])) : {});

/** A kustomization with only the given fields: to run an existing transformer with a plugin config's settings, paths resolved from the same root. */
const withFields = (k: Kustomization, fields: Record<string, unknown>): Kustomization => ({ ...k, fields });

function specsOf(config: Record<string, unknown>, k: Kustomization, origin: Origin): FieldSpec[] {
  return config.fieldSpecs == null ? [] : parseConfig({ commonLabels: config.fieldSpecs }, `${String(config.kind)} fieldSpecs`, k, origin.pointer).commonLabels;
}

/** Runs builtin generator configs (ConfigMapGenerator, SecretGenerator), after the kustomization's own generators. */
export function runPluginGenerators(k: Kustomization, resmap: ResMap, configs: readonly PluginConfig[]): void {
  for (const { config } of configs) {
    const meta = isPlainObject(config.metadata) ? config.metadata : {};
    const entry = { ...config, name: meta.name, ...(str(meta.namespace) ? { namespace: meta.namespace } : {}) };
    for (const key of ['apiVersion', 'kind', 'metadata']) delete (entry as Record<string, unknown>)[key];
    if (config.kind === 'ConfigMapGenerator') runGenerators(withFields(k, { configMapGenerator: [entry] }), resmap);
    else if (config.kind === 'SecretGenerator') runGenerators(withFields(k, { secretGenerator: [entry] }), resmap);
    else throw new BuildError(`'generators' entry builtin/${String(config.kind)} is not supported by kubeproof render (it runs ConfigMapGenerator and SecretGenerator; HelmChartInflationGenerator would fetch charts)`, k.file, '/generators');
  }
}

/** Runs builtin transformer configs in order, after the kustomization's own transformers (runTransformers). */
export function runPluginTransformers(k: Kustomization, resmap: ResMap, configs: readonly PluginConfig[], patchCtx: PatchContext): void {
  for (const { config, origin } of configs) {
    const items = resmap.items;
    const specs = specsOf(config, k, origin);
    switch (config.kind) {
      case 'LabelTransformer':
        addToMaps(items, stringMap(config.labels), specs, origin);
        break;
      case 'AnnotationsTransformer':
        addToMaps(items, stringMap(config.annotations), specs, origin);
        break;
      case 'PrefixSuffixTransformer':
      case 'PrefixTransformer':
      case 'SuffixTransformer':
        if (config.fieldSpecs == null) throw new BuildError(`plugin ${pluginId(config)} fails configuration: fieldSpecs is not expected to be nil`, origin.file, origin.pointer);
        affix(items, config.kind === 'SuffixTransformer' ? '' : str(config.prefix), config.kind === 'PrefixTransformer' ? '' : str(config.suffix), specs, origin);
        break;
      case 'NamespaceTransformer': {
        const namespace = isPlainObject(config.metadata) ? str(config.metadata.namespace) : '';
        if (config.setRoleBindingSubjects !== undefined && config.setRoleBindingSubjects !== 'defaultOnly') throw new BuildError("NamespaceTransformer 'setRoleBindingSubjects' other than defaultOnly is not supported yet by kubeproof render", origin.file, origin.pointer);
        if (config.unsetOnly === true) {
          setUnsetNamespaces(items, specs, namespace, origin);
          break;
        }
        // The namespace filter always sets metadata.namespace (metaNamespaceHack), field specs or not.
        setNamespace(items, namespace, origin);
        setConfiguredNamespace(items, specs, namespace, origin, false);
        break;
      }
      case 'ImageTagTransformer': {
        const rules = [{ rule: (isPlainObject(config.imageTag) ? config.imageTag : {}) as unknown as ImageRule, origin }];
        // Every container's image is rewritten whatever the specs say (imagetag's legacy filter); other paths only by spec.
        setImages(items, rules);
        setConfiguredImages(items, specs.filter((s) => !/(^|\/)(initC|c)ontainers(\[\])?\/image$/.test(s.path)), rules);
        break;
      }
      case 'ReplicaCountTransformer': {
        const replica = (isPlainObject(config.replica) ? config.replica : {}) as { name: string; count: number };
        if (setConfiguredReplicas(items, specs, replica, origin) === 0) {
          const gvks = specs.map((s) => `${s.kind ?? ''}.${s.version || '[noVer]'}.${s.group || '[noGrp]'}`);
          throw new BuildError(`resource with name ${replica.name} does not match a config with the following GVK [${gvks.join(' ')}]`, origin.file, origin.pointer);
        }
        break;
      }
      case 'PatchTransformer':
        runPatches(withFields(k, { patches: [{ path: config.path, patch: config.patch, target: config.target, options: config.options }].map(dropUndefined) }), resmap, patchCtx);
        break;
      case 'PatchStrategicMergeTransformer': {
        const paths = Array.isArray(config.paths) ? config.paths : [];
        runPatchesStrategicMerge(withFields(k, { patchesStrategicMerge: [...paths, ...(typeof config.patches === 'string' ? [config.patches] : [])] }), resmap, patchCtx);
        break;
      }
      case 'PatchJson6902Transformer':
        runPatchesJson6902(withFields(k, { patchesJson6902: [dropUndefined({ target: config.target, path: config.path, patch: config.jsonOp })] }), resmap);
        break;
      case 'ReplacementTransformer':
        runReplacements(withFields(k, { replacements: config.replacements }), resmap);
        break;
      case 'HashTransformer':
        // plugin/builtin/hashtransformer: generated objects that want a hash get it now, and keep
        // wanting it: the build's own hash step appends it a second time (kubectl kustomize 5.5 does).
        for (const r of items) {
          if (!r.needsHashSuffix) continue;
          r.previousIds.push(r.namespace === undefined ? { name: r.name } : { name: r.name, namespace: r.namespace });
          r.metadata.name = `${r.name}-${contentHash(r)}`;
        }
        break;
      default:
        throw new BuildError(`'transformers' entry builtin/${String(config.kind)} is not supported yet by kubeproof render`, origin.file, origin.pointer);
    }
  }
}

/**
 * NamespaceTransformer with `unsetOnly` (api/filters/namespace): a namespace is written only
 * where none is: namespaced objects without one, RoleBinding subjects named default without
 * one (in any binding), and field-spec values that are missing or empty.
 */
function setUnsetNamespaces(items: RenderResource[], specs: FieldSpec[], namespace: string, origin: Origin): void {
  for (const r of items) {
    if (r.namespace === undefined && !isClusterScoped(r)) {
      r.previousIds.push({ name: r.name });
      r.metadata.namespace = namespace;
      r.setOrigin('/metadata/namespace', origin);
    }
    if ((r.kind === 'RoleBinding' || r.kind === 'ClusterRoleBinding') && Array.isArray(r.object.subjects)) {
      r.object.subjects.forEach((s, i) => {
        if (!isPlainObject(s) || s.name !== 'default' || (typeof s.namespace === 'string' && s.namespace !== '')) return;
        s.namespace = namespace;
        r.setOrigin(`/subjects/${i}/namespace`, origin);
      });
    }
    for (const spec of specs) {
      if (!specMatches(spec, r)) continue;
      walkPath(r.object, spec.path, spec.create ?? false, (parent, key, pointer) => {
        const value = ownValue(parent, key);
        if (value !== undefined && value !== null && value !== '') return;
        setOwn(parent, key, namespace);
        r.setOrigin(pointer, origin);
      });
    }
  }
}

/** plugin/builtin/prefixsuffixtransformer: the name changes where a spec says metadata/name (CRDs, APIServices and Namespaces kept); other specs' strings get the affixes. */
function affix(items: RenderResource[], prefix: string, suffix: string, specs: FieldSpec[], origin: Origin): void {
  if (prefix === '' && suffix === '') return;
  const named = items.filter((r) => specs.some((s) => s.path === 'metadata/name' && specMatches(s, r)));
  addNameAffix(named, prefix, suffix, origin);
  affixConfigured(items, specs.filter((s) => s.path !== 'metadata/name'), prefix, suffix, origin);
}

function dropUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
