/**
 * kustomize v5.5's Kustomization type, described once: what the strict decoder (go-json.ts)
 * checks a kustomization file against, and what the language server completes and explains.
 *
 * Shapes follow kustomize's api/types/*.go (kustomization.go, image.go, replica.go, patch.go,
 * selector.go, labels.go, fieldspec.go, generatorargs.go, kvpairsources.go, configmapargs.go,
 * secretargs.go, generatoroptions.go, helmchartargs.go, replacement.go, var.go, sortoptions.go,
 * legacysortoptions.go) and kyaml's resid/resid.go and resid/gvk.go, as built into kubectl 1.32
 * (kustomize v5.5): every field here was checked against that binary, which lacks some fields
 * newer sources have (inventory, helmCharts[].digest and devel, generator ageIdentities and
 * immutable, secretGenerator stringData, options fileMerge, replacement fullText and
 * enddelimiter, selector skip, labels includeVolumeClaimTemplates): those are unknown fields.
 *
 * Embedded structs (`json:",inline"`: TypeMeta, ResId, Gvk, GeneratorArgs, KvPairSources,
 * Replacement) have their fields promoted, as encoding/json does; its error messages name the
 * outer struct and the promoted field's own JSON name, so they are listed flat here.
 * Descriptions are ours.
 */
import { findField } from './go-json.js';

export type GoType =
  /** `go`: a named string type's name (types.SortOrder), as Go's errors print it. */
  | { kind: 'string'; go?: string; values?: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'int'; go: 'int' | 'int64' }
  /** `pointers`: a slice of pointers ([]*types.Selector): its null entries stay null. */
  | { kind: 'slice'; of: GoType; pointers?: boolean }
  | { kind: 'map'; of: GoType }
  /** `pointer`: a *Struct field, which null clears; a plain struct field ignores null. */
  | { kind: 'struct'; struct: GoStruct; pointer?: boolean }
  /** interface{}: any JSON value. */
  | { kind: 'any' };

export interface GoField {
  /** The JSON name (the field's tag). */
  name: string;
  type: GoType;
  description: string;
  /** kustomize's replacement for a deprecated field. */
  deprecated?: string;
  /** The field names files or directories relative to the kustomization (completion offers paths). */
  paths?: 'file' | 'dir' | 'any';
}

export interface GoStruct {
  /** The Go type name, without its package: Image, Selector, ... */
  name: string;
  fields: GoField[];
}

const string = (values?: readonly string[]): GoType => (values ? { kind: 'string', values } : { kind: 'string' });
const bool: GoType = { kind: 'bool' };
const strings: GoType = { kind: 'slice', of: { kind: 'string' } };
const stringMap: GoType = { kind: 'map', of: { kind: 'string' } };
const anyMap: GoType = { kind: 'map', of: { kind: 'any' } };
const list = (struct: GoStruct): GoType => ({ kind: 'slice', of: { kind: 'struct', struct } });
const pointer = (struct: GoStruct): GoType => ({ kind: 'struct', struct, pointer: true });
const f = (name: string, type: GoType, description: string, extra: Partial<GoField> = {}): GoField => ({ name, type, description, ...extra });

/** resid.Gvk, promoted into ResId, Target and FieldSpec. */
const gvkFields = (what: string, pattern = false): GoField[] => [
  f('group', string(), `API group of ${what}${pattern ? ' (a regular expression)' : ''}; empty for the core group.`),
  f('version', string(), `API version of ${what}${pattern ? ' (a regular expression)' : ''}.`),
  f('kind', string(), `Kind of ${what}${pattern ? ' (a regular expression)' : ''}.`),
];

/** resid.ResId: a Gvk and a name and namespace. */
const resIdFields = (what: string, pattern = false): GoField[] => [
  ...gvkFields(what, pattern),
  f('name', string(), `Name of ${what}${pattern ? ' (a regular expression)' : ''}.`),
  f('namespace', string(), `Namespace of ${what}${pattern ? ' (a regular expression)' : ''}.`),
];

export const Selector: GoStruct = {
  name: 'Selector',
  fields: [
    ...resIdFields('the resources to select', true),
    f('annotationSelector', string(), 'Annotation selector the resources must match, in label-selector syntax (`a=b,c!=d`).'),
    f('labelSelector', string(), 'Label selector the resources must match (`app=web,tier in (a,b)`).'),
  ],
};

const Patch: GoStruct = {
  name: 'Patch',
  fields: [
    f('path', string(), 'File holding the patch, relative to this kustomization: a strategic-merge patch or a JSON 6902 operation list.', { paths: 'file' }),
    f('patch', string(), 'The patch written inline, as a YAML or JSON string.'),
    f('target', pointer(Selector), 'Which resources the patch applies to; without it, a strategic-merge patch applies to the resource it names.'),
  ],
};

const Image: GoStruct = {
  name: 'Image',
  fields: [
    f('name', string(), 'Image name to find in containers, without tag or digest.'),
    f('newName', string(), 'Image name to put in its place.'),
    f('tagSuffix', string(), 'Text appended to the existing tag; ignored when newTag or digest is set.'),
    f('newTag', string(), 'Tag to set; ignored when digest is set.'),
    f('digest', string(), 'Digest to set (sha256:...), replacing the tag.'),
  ],
};

const Replica: GoStruct = {
  name: 'Replica',
  fields: [
    f('name', string(), 'Name of the Deployment, StatefulSet, ReplicaSet or ReplicationController, as written in its base.'),
    f('count', { kind: 'int', go: 'int64' }, 'Replica count to set.'),
  ],
};

const FieldSpec: GoStruct = {
  name: 'FieldSpec',
  fields: [
    ...gvkFields('the resources the field belongs to'),
    f('path', string(), 'Slash-separated path of the field (`spec/selector/matchLabels`).'),
    f('create', bool, 'Create the field when a resource lacks it.'),
  ],
};

const Label: GoStruct = {
  name: 'Label',
  fields: [
    f('pairs', stringMap, 'Labels to add.'),
    f('includeSelectors', bool, 'Also add them to selectors and pod templates (what commonLabels did).'),
    f('includeTemplates', bool, 'Also add them to pod templates, not to selectors.'),
    f('fields', list(FieldSpec), 'More fields to add the labels to.'),
  ],
};

const GeneratorOptions: GoStruct = {
  name: 'GeneratorOptions',
  fields: [
    f('labels', stringMap, 'Labels every generated resource gets.'),
    f('annotations', stringMap, 'Annotations every generated resource gets.'),
    f('disableNameSuffixHash', bool, 'Do not append the content hash to generated names.'),
    f('immutable', bool, 'Mark generated ConfigMaps and Secrets immutable.'),
  ],
};

/** types.GeneratorArgs with its KvPairSources, promoted into ConfigMapArgs and SecretArgs. */
const generatorArgsFields = (what: string): GoField[] => [
  f('namespace', string(), `Namespace of the generated ${what}.`),
  f('name', string(), `Name of the generated ${what}; a content hash is appended unless disabled.`),
  f('behavior', string(['create', 'merge', 'replace']), `create a new ${what}, or merge into or replace one a base made with the same name.`),
  f('literals', strings, 'Entries written inline as `key=value`.'),
  f('files', strings, 'Files whose contents become entries: `path` (keyed by file name) or `key=path`.', { paths: 'file' }),
  f('envs', strings, 'Files of `KEY=value` lines, one entry each.', { paths: 'file' }),
  f('env', string(), 'One file of `KEY=value` lines.', { deprecated: 'envs', paths: 'file' }),
  f('options', pointer(GeneratorOptions), `Options for this ${what}, added to generatorOptions.`),
];

const ConfigMapArgs: GoStruct = { name: 'ConfigMapArgs', fields: generatorArgsFields('ConfigMap') };

const SecretArgs: GoStruct = {
  name: 'SecretArgs',
  fields: [...generatorArgsFields('Secret'), f('type', string(), 'Secret type (default Opaque; kubernetes.io/tls wants tls.crt and tls.key).')],
};

const FieldOptions: GoStruct = {
  name: 'FieldOptions',
  fields: [
    f('delimiter', string(), 'Split the field value on this text and use one part.'),
    f('index', { kind: 'int', go: 'int' }, 'Which part, counting from 0, once split by delimiter.'),
    f('encoding', string(), 'Not used by kustomize yet.'),
    f('create', bool, 'Create the target field when it is missing.'),
  ],
};

const SourceSelector: GoStruct = {
  name: 'SourceSelector',
  fields: [
    ...resIdFields('the resource to read the value from'),
    f('fieldPath', string(), 'Dotted path of the field to read (default metadata.name).'),
    f('options', pointer(FieldOptions), 'How to read a part of the field.'),
  ],
};

const TargetSelector: GoStruct = {
  name: 'TargetSelector',
  fields: [
    f('select', pointer(Selector), 'Resources to write the value into.'),
    f('reject', { kind: 'slice', of: pointer(Selector), pointers: true }, 'Resources to leave out of those selected.'),
    f('fieldPaths', strings, 'Dotted paths of the fields to write.'),
    f('options', pointer(FieldOptions), 'How to write into a part of the field.'),
  ],
};

/** types.ReplacementField: a types.Replacement inline, or a path to a file of them. */
const ReplacementField: GoStruct = {
  name: 'ReplacementField',
  fields: [
    f('source', pointer(SourceSelector), 'Where the value comes from.'),
    f('targets', { kind: 'slice', of: pointer(TargetSelector), pointers: true }, 'Where the value is written.'),
    f('path', string(), 'File holding replacements, instead of source and targets.', { paths: 'file' }),
  ],
};

const Target: GoStruct = {
  name: 'Target',
  fields: [
    f('apiVersion', string(), 'apiVersion of the resource (group/version), instead of group and version.'),
    ...resIdFields('the resource'),
  ],
};

const FieldSelector: GoStruct = {
  name: 'FieldSelector',
  fields: [f('fieldPath', string(), 'Dotted path of the field whose value the var takes (default metadata.name).')],
};

const Var: GoStruct = {
  name: 'Var',
  fields: [
    f('name', string(), 'Name used as $(NAME) in resources.'),
    f('objref', { kind: 'struct', struct: Target }, 'The resource the value is read from.'),
    f('fieldref', { kind: 'struct', struct: FieldSelector }, 'The field the value is read from.'),
  ],
};

const LegacySortOptions: GoStruct = {
  name: 'LegacySortOptions',
  fields: [
    f('orderFirst', strings, 'Kinds printed first, in this order.'),
    f('orderLast', strings, 'Kinds printed last, in this order.'),
  ],
};

const SortOptions: GoStruct = {
  name: 'SortOptions',
  fields: [
    f('order', { kind: 'string', go: 'types.SortOrder', values: ['legacy', 'fifo'] }, 'legacy: by kind, namespaces and CRDs first (the default); fifo: in the order read.'),
    f('legacySortOptions', pointer(LegacySortOptions), 'Which kinds the legacy order puts first and last.'),
  ],
};

const HelmGlobals: GoStruct = {
  name: 'HelmGlobals',
  fields: [
    f('chartHome', string(), 'Directory holding the charts, relative to the kustomization (default charts).', { paths: 'dir' }),
    f('configHome', string(), 'HELM_CONFIG_HOME for the helm run.'),
  ],
};

const HelmChart: GoStruct = {
  name: 'HelmChart',
  fields: [
    f('name', string(), 'Chart name.'),
    f('version', string(), 'Chart version.'),
    f('repo', string(), 'Chart repository URL.'),
    f('releaseName', string(), 'Release name.'),
    f('namespace', string(), 'Release namespace.'),
    f('additionalValuesFiles', strings, 'More values files.', { paths: 'file' }),
    f('valuesFile', string(), 'Values file used instead of the chart\'s own.', { paths: 'file' }),
    f('valuesInline', anyMap, 'Values written inline.'),
    f('valuesMerge', string(['merge', 'override', 'replace']), 'How valuesInline combines with the values file.'),
    f('includeCRDs', bool, 'Also render the chart\'s CRDs.'),
    f('skipHooks', bool, 'Leave out hooks.'),
    f('apiVersions', strings, 'API versions helm reports as available.'),
    f('kubeVersion', string(), 'Kubernetes version helm reports.'),
    f('nameTemplate', string(), 'Template for the release name.'),
    f('skipTests', bool, 'Leave out tests.'),
    f('debug', bool, 'Run helm with --debug.'),
  ],
};

const HelmChartArgs: GoStruct = {
  name: 'HelmChartArgs',
  fields: [
    ...['chartName', 'chartVersion', 'chartRepoUrl', 'chartHome', 'chartRepoName', 'helmBin', 'helmHome', 'values'].map((n) => f(n, string(), `Old helm setting ${n}.`)),
    f('valuesLocal', anyMap, 'Old helm setting: values written inline.'),
    ...['valuesMerge', 'releaseName', 'releaseNamespace'].map((n) => f(n, string(), `Old helm setting ${n}.`)),
    f('extraArgs', strings, 'Old helm setting: more helm arguments.'),
  ],
};

const ObjectMeta: GoStruct = {
  name: 'ObjectMeta',
  fields: [
    f('name', string(), 'Name of the kustomization (informational).'),
    f('namespace', string(), 'Namespace of the kustomization (informational).'),
    f('labels', stringMap, 'Labels of the kustomization itself, not added to resources.'),
    f('annotations', stringMap, 'Annotations of the kustomization itself, not added to resources.'),
  ],
};

export const Kustomization: GoStruct = {
  name: 'Kustomization',
  fields: [
    f('kind', string(['Kustomization', 'Component']), 'Kustomization, or Component for a reusable piece other kustomizations include.'),
    f('apiVersion', string(['kustomize.config.k8s.io/v1beta1', 'kustomize.config.k8s.io/v1alpha1']), 'kustomize.config.k8s.io/v1beta1 (a Component: v1alpha1).'),
    f('metadata', pointer(ObjectMeta), 'Metadata of the kustomization itself.'),
    f('openapi', stringMap, 'Schema kustomize uses for strategic merges (`path` or `version`).'),
    f('namePrefix', string(), 'Text put before every resource name (references follow).'),
    f('nameSuffix', string(), 'Text put after every resource name (references follow).'),
    f('namespace', string(), 'Namespace set on every namespaced resource.'),
    f('commonLabels', stringMap, 'Labels added to every resource, its selectors and pod templates.', { deprecated: 'labels' }),
    f('labels', list(Label), 'Labels added to every resource, with a choice of selectors and templates.'),
    f('commonAnnotations', stringMap, 'Annotations added to every resource.'),
    f('patchesStrategicMerge', { kind: 'slice', of: { kind: 'string', go: 'types.PatchStrategicMerge' } }, 'Strategic-merge patches: file paths or inline YAML.', { deprecated: 'patches', paths: 'file' }),
    f('patchesJson6902', list(Patch), 'JSON 6902 patches, each with a target.', { deprecated: 'patches' }),
    f('patches', list(Patch), 'Patches (strategic-merge or JSON 6902), from a file or inline, each applied to its target.'),
    f('images', list(Image), 'Image names, tags or digests to change in containers.'),
    f('imageTags', list(Image), 'Image changes (the older name of images).', { deprecated: 'images' }),
    f('replacements', list(ReplacementField), 'Copy a field\'s value from one resource into fields of others.'),
    f('replicas', list(Replica), 'Replica counts to set by workload name.'),
    f('vars', list(Var), 'Values substituted for $(NAME) in resources.', { deprecated: 'replacements' }),
    f('sortOptions', pointer(SortOptions), 'Order of the output.'),
    f('resources', strings, 'Files of resources, and directories of other kustomizations, to build on.', { paths: 'any' }),
    f('components', strings, 'Component directories applied to these resources.', { paths: 'dir' }),
    f('crds', strings, 'CRD files whose schemas tell kustomize where names and references are (the CRDs are not output).', { paths: 'file' }),
    f('bases', strings, 'Other kustomizations to build on (the older name of resources).', { deprecated: 'resources', paths: 'dir' }),
    f('configMapGenerator', list(ConfigMapArgs), 'ConfigMaps made from literals and files.'),
    f('secretGenerator', list(SecretArgs), 'Secrets made from literals and files.'),
    f('helmGlobals', pointer(HelmGlobals), 'Helm settings shared by every chart.'),
    f('helmCharts', list(HelmChart), 'Helm charts to render.'),
    f('helmChartInflationGenerator', list(HelmChartArgs), 'Helm charts to render (the older form).', { deprecated: 'helmCharts' }),
    f('generatorOptions', pointer(GeneratorOptions), 'Options for every configMapGenerator and secretGenerator entry.'),
    f('configurations', strings, 'Files telling the transformers about more fields (name references, labels, images...).', { paths: 'file' }),
    f('generators', strings, 'Generator plugin configurations: files, directories or inline YAML.', { paths: 'any' }),
    f('transformers', strings, 'Transformer plugin configurations: files, directories or inline YAML.', { paths: 'any' }),
    f('validators', strings, 'Validator plugin configurations.', { paths: 'any' }),
    f('buildMetadata', { kind: 'slice', of: string(['originAnnotations', 'transformerAnnotations', 'managedByLabel']) }, 'Build information to record on each resource.'),
  ],
};

/**
 * What a pointer into a kustomization reaches, keys matched as kustomize matches them
 * (`/images/0/NewTag` is Image's newTag): the type there, and the last field on the way (list
 * indexes and map keys are stepped over: `/resources/0` is in resources). undefined: no such field.
 */
export function kustomizationPath(segments: readonly string[]): { field?: GoField; type: GoType } | undefined {
  let type: GoType = { kind: 'struct', struct: Kustomization };
  let field: GoField | undefined;
  for (const segment of segments) {
    if (type.kind === 'slice' || type.kind === 'map') {
      type = type.of;
      continue;
    }
    if (type.kind !== 'struct') return undefined;
    field = findField(type.struct, segment);
    if (!field) return undefined;
    type = field.type;
  }
  return { field, type };
}
