/**
 * The field specs `configurations:` files add to the name, namespace, image and replica
 * transformers (labels and annotations take theirs in metadata.ts's lists). kustomize runs
 * each builtin transformer over its default specs and the configured ones alike
 * (api/internal/target/kusttarget_configplugin.go); kubeproof's transformers hard-code the
 * defaults, so only the specs beyond them are applied here, right after the transformer.
 */
import { ownValue, setOwn } from '../../core/index.js';
import { BuildError } from '../errors.js';
import { specMatches, walkPath, type FieldSpec } from '../fieldspec.js';
import type { Origin, RenderResource } from '../resource.js';
import { rewrite, type ImageRule } from './images.js';

/** Specs the built-in transformers already cover: applying them again would do it twice. */
const BUILT_IN = (spec: FieldSpec) =>
  (spec.path === 'metadata/name' && (spec.kind === undefined || spec.kind === 'Namespace')) || (spec.path === 'metadata/namespace' && spec.kind === undefined) || (spec.path === 'subjects' && (spec.kind === 'RoleBinding' || spec.kind === 'ClusterRoleBinding'));

function matching(r: RenderResource, specs: readonly FieldSpec[]): FieldSpec[] {
  return specs.filter((s) => !BUILT_IN(s) && specMatches(s, r));
}

/**
 * Default namespace field specs (api/konfig/builtinpluginconsts/namespace.go) that namespace.ts
 * does not write: they apply to these cluster-scoped kinds too, as kustomize's fsslice pass does.
 */
const NAMESPACE_DEFAULTS: readonly FieldSpec[] = [
  { group: 'apiregistration.k8s.io', kind: 'APIService', path: 'spec/service/namespace', create: true },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', path: 'spec/conversion/webhook/clientConfig/service/namespace' },
];

/** namespace field specs (api/filters/namespace): the namespace written at each path, on any kind the spec selects. */
export function setConfiguredNamespace(resources: RenderResource[], configured: readonly FieldSpec[], namespace: string, origin: Origin, withDefaults = true): void {
  const specs = withDefaults ? [...NAMESPACE_DEFAULTS, ...configured] : configured;
  for (const r of resources) {
    for (const spec of matching(r, specs)) {
      walkPath(r.object, spec.path, spec.create ?? false, (parent, key, pointer) => {
        const value = ownValue(parent, key);
        if (value !== undefined && value !== null && typeof value === 'object') throw new BuildError(`namespace field specs must target scalar nodes: ${spec.path}`, origin.file);
        setOwn(parent, key, namespace);
        r.setOrigin(pointer, origin);
      });
    }
  }
}

/** namePrefix / nameSuffix field specs (api/filters/prefixsuffix): the string at each path gets the prefix and suffix. */
export function affixConfigured(resources: RenderResource[], specs: readonly FieldSpec[], prefix: string, suffix: string, origin: Origin): void {
  for (const r of resources) {
    for (const spec of matching(r, specs)) {
      walkPath(r.object, spec.path, spec.create ?? false, (parent, key, pointer) => {
        const value = ownValue(parent, key);
        if (typeof value !== 'string') return;
        setOwn(parent, key, prefix + value + suffix);
        r.setOrigin(pointer, origin);
      });
    }
  }
}

/** images field specs (api/filters/imagetag): an image string at each path, rewritten when the rule's name matches. */
export function setConfiguredImages(resources: RenderResource[], specs: readonly FieldSpec[], rules: readonly { rule: ImageRule; origin: Origin }[]): void {
  if (specs.length === 0) return;
  for (const { rule, origin } of rules) {
    let re: RegExp;
    try {
      re = new RegExp(`^${rule.name}(:[a-zA-Z0-9_.{}-]*)?(@sha256:[a-zA-Z0-9_.{}-]*)?$`);
    } catch {
      continue;
    }
    for (const r of resources) {
      for (const spec of matching(r, specs)) {
        walkPath(r.object, spec.path, false, (parent, key, pointer) => {
          const image = ownValue(parent, key);
          if (typeof image !== 'string' || !re.test(image)) return;
          setOwn(parent, key, rewrite(image, rule));
          r.setOrigin(pointer, origin);
        });
      }
    }
  }
}

/** replicas field specs (plugin/builtin/replicacounttransformer): resources of the configured kinds named as the entry says get the count. */
export function setConfiguredReplicas(resources: RenderResource[], specs: readonly FieldSpec[], entry: { name: string; count: number }, origin: Origin): number {
  let matched = 0;
  for (const r of resources) {
    if (r.name !== entry.name && !r.previousIds.some((id) => id.name === entry.name)) continue;
    for (const spec of matching(r, specs)) {
      matched++;
      walkPath(r.object, spec.path, true, (parent, key, pointer) => {
        setOwn(parent, key, entry.count);
        r.setOrigin(pointer, origin);
      });
    }
  }
  return matched;
}
