import type { RuleMeta } from '../core/index.js';

/**
 * Every problem the loader can report. The loader has no configurable rules, but
 * its findings carry rule ids like any other so that reporters, SARIF `rules[]`
 * and suppressions treat them alike.
 */
export const loadProblems = {
  'yaml-syntax': {
    severity: 'error',
    description: 'The file is not well-formed YAML or JSON',
    docs: 'The YAML parser could not read the document. The message says what is wrong and where to edit, which is often not where the parser gave up (an unclosed quote is shown where it opens, a wrongly indented key at that key), and ends with the parser\'s own words, `(yaml: ...)`. Nothing in the document is checked until it parses; the other documents of the file and the other files are still checked.',
  },
  'duplicate-key': {
    severity: 'error',
    description: 'A mapping has the same key twice',
    docs: 'kubectl refuses duplicate keys (`key "name" already set in map`), and tools that accept them keep only one of the values, silently. Remove or rename one of them.',
  },
  'tab-indentation': {
    severity: 'error',
    description: 'A tab is used for indentation',
    docs: 'YAML forbids tabs in indentation. Replace them with spaces; most editors can be told to insert spaces for the Tab key in YAML files.',
  },
  'yaml-warning': {
    severity: 'warning',
    description: 'The YAML parser found something suspicious, such as an unknown tag',
    docs: 'The document parses, but the parser had to guess: for instance a custom tag like `!Ref` that Kubernetes does not understand is read as a plain value.',
  },
  'alias-bomb': {
    severity: 'error',
    description: 'YAML aliases would expand the document to an unreasonable size',
    docs: 'A "billion laughs" document nests aliases so that a few lines expand to billions of values and exhaust memory. kubeproof measures the expanded size before expanding anything and refuses such documents.',
  },
  'nesting-too-deep': {
    severity: 'error',
    description: 'The document nests collections too deeply to be a Kubernetes object',
    docs: 'Kubernetes objects nest a few dozen levels at most. Documents nested hundreds of levels deep are refused before they can exhaust the stack.',
  },
  'scalar-too-large': {
    severity: 'error',
    description: 'A single YAML value is larger than any Kubernetes object can be',
    docs: 'A scalar over 4 MiB is refused before it is read: the API server accepts at most 3 MiB per object (a ConfigMap or Secret holds at most 1 MiB), so no manifest needs one, and composing it would cost seconds. Move the data out of the manifest.',
  },
  'invalid-encoding': {
    severity: 'error',
    description: 'The file is not valid UTF-8 text',
    docs: 'Kubernetes manifests must be UTF-8 (a UTF-16 file with a byte order mark is accepted and converted). The message gives the line and column of the first invalid byte.',
  },
  'binary-file': {
    severity: 'error',
    description: 'The file holds binary data, not YAML or JSON',
    docs: 'The file contains NUL bytes. It is probably not a manifest at all; rename it or exclude it.',
  },
  'file-too-large': {
    severity: 'error',
    description: 'The file is larger than the configured limit',
    docs: 'Files above the size limit (64 MiB by default) are refused so that one stray dump cannot exhaust memory. Raise the limit with `--max-file-size` if the file is real. A file is refused too when, with the files read before it, the input would need more memory than the process may use (about a quarter of its heap limit), and so is a single YAML document too long to read whole (a 64th of the heap limit: 64 MiB by default); check the file on its own, split the document (a List into one document per item), or give Node.js a larger heap (`NODE_OPTIONS=--max-old-space-size=MiB`).',
  },
  'not-an-object': {
    severity: 'error',
    description: 'A YAML document is not a mapping, so it cannot be a Kubernetes object',
    docs: 'Each document must be a mapping with `apiVersion`, `kind` and `metadata`. A plain string, number or list at the top of a document is refused by kubectl.',
  },
  'missing-api-version': {
    severity: 'error',
    description: 'An object has a kind but no apiVersion',
    docs: 'Every Kubernetes object needs `apiVersion` (such as `v1` or `apps/v1`) to tell which API it belongs to.',
  },
  'missing-kind': {
    severity: 'error',
    description: 'An object has an apiVersion but no kind',
    docs: 'Every Kubernetes object needs `kind` (such as `Deployment`) to tell what it is.',
  },
  'invalid-api-version': {
    severity: 'error',
    description: 'apiVersion is not a string of the form `version` or `group/version`',
    docs: 'apiVersion must be a non-empty string such as `v1` or `apps/v1`.',
  },
  'invalid-kind': {
    severity: 'error',
    description: 'kind is not a non-empty string',
    docs: 'kind must be a non-empty string such as `ConfigMap`.',
  },
  'missing-name': {
    severity: 'error',
    description: 'An object has neither metadata.name nor metadata.generateName',
    docs: 'The API server needs a name for every object. Only objects created with `kubectl create` may rely on `metadata.generateName` instead.',
  },
  'invalid-metadata': {
    severity: 'error',
    description: 'metadata, or its name, is of the wrong type',
    docs: '`metadata` must be a mapping and `metadata.name`, `metadata.generateName` and `metadata.namespace` must be strings.',
  },
  'invalid-list': {
    severity: 'error',
    description: 'A List object whose items are not a list',
    docs: '`kind: List` (and every `*List` kind) holds its objects in `items`, which must be a sequence of objects.',
  },
  'unset-variable': {
    severity: 'error',
    description: 'A ${VAR} placeholder names a variable no --envsubst file sets, and has no default',
    docs: 'With `--envsubst FILE` (or `envsubst:` in kubeproof.yaml) the inputs are substituted as Flux substitutes a Kustomization after its build (`spec.postBuild.substitute`). Flux 2.9 and later refuse an unset variable that has no default (the kustomize-controller feature gate StrictPostBuildSubstitutions, on by default), with these words: `variable not set (strict mode)`. Set the variable in the file, give it a default (`${VAR:=value}`), escape a literal as `$${VAR}`, or run with `--no-envsubst-strict` to substitute it with an empty string as older Flux does.',
  },
  'bad-substitution': {
    severity: 'error',
    description: 'A ${...} placeholder cannot be parsed, or its substituted text is not valid YAML where it stands',
    docs: 'Flux reads `${` as the start of a substitution anywhere in an object, and fails the whole Kustomization on one it cannot parse (`bad substitution`, `missing closing brace`, `unable to parse variable name`), or when the substituted object is no longer valid YAML (a value such as `a: b` in a plain scalar). A shell script in a ConfigMap must write `$${HOME}` for a literal `${HOME}`; a resource that must not be substituted can carry the label or annotation `kustomize.toolkit.fluxcd.io/substitute: disabled`.',
  },
  'internal-error': {
    severity: 'error',
    description: 'kubeproof failed on this input: a bug, please report it',
    docs: 'Something in kubeproof threw while handling this file or rule. The other files and findings are unaffected. Run with `--debug` and report the input that causes it.',
  },
  'not-kubernetes': {
    severity: 'info',
    description: 'A YAML document without apiVersion and kind was skipped',
    docs: 'Documents with neither `apiVersion` nor `kind` (CI workflows, `.pre-commit-config.yaml`, Helm values) are not Kubernetes objects. They are skipped with this note so that kubeproof can be pointed at a whole repository.',
  },
  'kustomization-file': {
    severity: 'info',
    description: 'A kustomization file was skipped: it is built, not applied',
    docs: '`kustomization.yaml` files and `kind: Kustomization`/`Component` objects describe how to build manifests; they are never sent to a cluster, so they are not validated as resources.',
  },
  'kustomize-patch': {
    severity: 'info',
    description: 'A file a kustomization uses as a patch was skipped: it is a fragment, not an object',
    docs: 'Patch files name only the fields they change, so on their own they are not valid objects. They are checked when their overlay is rendered. A patch a kustomization names only in a comment (kubebuilder\'s `#- path: cert_metrics_manager_patch.yaml`, a feature left disabled) is skipped the same way.',
  },
  'kustomize-config': {
    severity: 'info',
    description: 'A kustomize built-in transformer or generator configuration (apiVersion: builtin) was skipped',
    docs: 'Files such as `kind: PatchTransformer` with `apiVersion: builtin` configure a kustomize plugin; the kustomization that lists them under `transformers` or `generators` reads them when it is built. They are never applied to a cluster.',
  },
  'helm-chart': {
    severity: 'info',
    description: 'A Helm chart source (Chart.yaml, a file under a chart\'s templates/) was skipped',
    docs: 'Chart templates are Go templates, not YAML, until `helm template` renders them; check the rendered output instead (`helm template CHART | kubeproof validate -`). A chart\'s `crds/` directory holds plain manifests and is checked.',
  },
} as const satisfies Record<string, Omit<RuleMeta, 'id'>>;

export type LoadProblemId = keyof typeof loadProblems;

export const loadProblemMetas: RuleMeta[] = Object.entries(loadProblems).map(([id, meta]) => ({ id, ...meta }));
