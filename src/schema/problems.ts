import type { RuleMeta } from '../core/index.js';

/** Every finding the schema stage reports, declared once for docs, SARIF and `kubeproof rules`. */
export const schemaProblems = {
  'unknown-field': {
    severity: 'error',
    description: 'A field the schema does not declare (kubectl --validate=strict refuses it)',
    docs: 'The API server drops unknown fields silently unless validation is strict, so a typo such as `imagePullPolcy` quietly does nothing. kubeproof reports it with the closest known field when one is within two edits.',
  },
  'required-field': {
    severity: 'error',
    description: 'A required field is missing',
    docs: 'The schema requires the field; the API server answers `Required value`. The finding points at the parent object, where the field belongs.',
  },
  'invalid-type': {
    severity: 'error',
    description: 'A value of the wrong type, such as a string where an integer belongs',
    docs: 'YAML types values by their spelling: `replicas: "3"` is a string and `value: yes` is a boolean. Quote strings that look like numbers or booleans; unquote numbers.',
  },
  'unsupported-value': {
    severity: 'error',
    description: 'A value outside the set the API server accepts',
    docs: 'Fields such as `restartPolicy` or a Service `type` accept a fixed set of values; the message lists them.',
  },
  'invalid-value': {
    severity: 'error',
    description: 'A value the schema or the API server rejects: out of range, wrong format, bad pattern',
    docs: 'Covers integer ranges (int32, port numbers), formats (date-time, base64), the limits custom resource schemas declare (minimum, maxLength, pattern, ...), and the API server\'s 1 MiB limit on what a ConfigMap or a Secret holds.',
  },
  'invalid-name': {
    severity: 'error',
    description: 'A name that breaks the API server\'s naming rules for its kind or field',
    docs: 'Most objects need an RFC 1123 subdomain name (lower case, digits, `-`, `.`; at most 253 bytes); namespaces and container names an RFC 1123 label (no dots, at most 63); Services an RFC 1035 label (starting with a letter); port names an IANA service name (at most 15, with a letter).',
  },
  'invalid-label': {
    severity: 'error',
    description: 'A label key or value the API server rejects',
    docs: 'Label keys are an optional DNS subdomain prefix and `/`, then a name of at most 63 alphanumerics, `-`, `_` or `.`; values are empty or at most 63 of the same characters, starting and ending with an alphanumeric.',
  },
  'invalid-annotation': {
    severity: 'error',
    description: 'An annotation key the API server rejects, or annotations over 256 KiB in total',
    docs: 'Annotation keys follow the label key rules; all annotations of an object together may not exceed 262144 bytes.',
  },
  'duplicate-value': {
    severity: 'error',
    description: 'Two list entries with the same key, such as two containers with one name',
    docs: 'Lists keyed by a field (containers and volumes by `name`, a container\'s ports by `name`) must not repeat a key; the API server refuses them. A container port and protocol repeated is only the API server\'s warning: `api-warning`.',
  },
  'api-warning': {
    severity: 'warning',
    description: 'What the API server accepts with a warning, such as a port defined twice in one pod',
    docs: 'The API server answers `Warning: ...` and creates the object (pkg/api/pod/warnings.go): a container port and protocol repeated across the pod\'s containers (`duplicate port definition`), one that overlaps another only by its host port, a host IP without a host port. kubectl prints the warning and goes on; the pod may not behave as written.',
  },
  'invalid-selector': {
    severity: 'error',
    description: 'A workload selector the API server refuses',
    docs: 'apps/v1 workloads need a non-empty `spec.selector`; an empty one would select every pod in the namespace.',
  },
  'unknown-kind': {
    severity: 'error',
    description: 'A kind the chosen Kubernetes version does not serve in that apiVersion',
    docs: 'The API server answers `no matches for kind`. For APIs that were removed the message says in which version and what replaces it.',
  },
  'missing-schema': {
    severity: 'error',
    description: 'A custom resource whose CustomResourceDefinition was not given',
    docs: 'Pass the CRD among the inputs or with `--crds PATH` so its schema can be checked; `--ignore-missing-schemas` makes this a warning and `--skip-kinds` skips kinds entirely.',
  },
  'invalid-crd': {
    severity: 'error',
    description: 'A CustomResourceDefinition whose schema cannot be used for validation',
    docs: 'A mistake in the openAPIV3Schema of a served version (a `pattern` Go\'s regexp refuses, an unknown `type`, a keyword of the wrong kind), reported at its line; the keyword is dropped and the rest of the schema still validates the custom resources. Also an `x-kubernetes-validations` rule (or messageExpression) that is not valid CEL, and a CRD whose name does not match `<plural>.<group>`: the API server refuses such a CRD.',
  },
  'validation-rule': {
    severity: 'error',
    description: 'A custom resource breaks a CEL rule (x-kubernetes-validations) of its CustomResourceDefinition',
    docs: 'Each rule runs with `self` bound to the field that declares it, as the API server runs it, with the Kubernetes CEL libraries (lists, strings, regex, URL, IP/CIDR, quantity, format, optional types). The message is the API server\'s: the field (or the rule\'s `fieldPath`), its `reason`, and the rule\'s `messageExpression`, `message` or `failed rule: <rule>`. Transition rules (using `oldSelf` without `optionalOldSelf`) need the stored object and are noted on the CRD instead.',
  },
} as const satisfies Record<string, Omit<RuleMeta, 'id'>>;

export type SchemaProblemId = keyof typeof schemaProblems;

export const schemaProblemMetas: RuleMeta[] = Object.entries(schemaProblems).map(([id, meta]) => ({ id, ...meta }));
