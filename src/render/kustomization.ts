/** A kustomization file read with positions, its fields checked the way kustomize checks them. */
import { jsonText } from '../core/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Located } from '../core/index.js';
import { decodeSource, isPlainObject, KUSTOMIZATION_FILE_NAMES, parsePlainDocuments } from '../load/index.js';
import { BuildError, UnparsableKustomizationError } from './errors.js';
import { readFile, refuseTooLarge } from './files.js';

export interface Kustomization {
  /** Absolute path of the kustomization file. */
  file: string;
  /** Its directory: the root its files must stay in. */
  dir: string;
  kind: 'Kustomization' | 'Component';
  fields: Record<string, unknown>;
  locate(pointer: string): Located;
}

/** Fields of kustomize v5's Kustomization type; anything else is refused, as kustomize does. */
export const KNOWN_FIELDS = [
  'apiVersion', 'kind', 'metadata', 'openapi', 'namePrefix', 'nameSuffix', 'namespace', 'commonLabels', 'labels',
  'commonAnnotations', 'patchesStrategicMerge', 'patchesJson6902', 'patches', 'images', 'imageTags', 'replacements',
  'replicas', 'vars', 'sortOptions', 'resources', 'components', 'crds', 'bases', 'configMapGenerator',
  'secretGenerator', 'helmGlobals', 'helmCharts', 'helmChartInflationGenerator', 'generatorOptions', 'configurations',
  'generators', 'transformers', 'validators', 'buildMetadata',
];

/** Fields that hold a list of mappings (kustomize's structs): the transformers read each entry's fields. */
const MAPPING_LIST_FIELDS = ['patches', 'patchesJson6902', 'labels', 'replacements', 'replicas', 'configMapGenerator', 'secretGenerator', 'images', 'imageTags'];

export function findKustomizationFile(dir: string): string | undefined {
  const found = KUSTOMIZATION_FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => isFile(f));
  if (found.length > 1) {
    throw new BuildError(`Found multiple kustomization files under: ${dir}`, found[0]);
  }
  return found[0];
}

/** `from`: the entry that names this directory (a `resources` or `components` entry); the error of a file too large is given there. */
export function readKustomization(dir: string, from?: { file: string; pointer: string }): Kustomization {
  const file = findKustomizationFile(dir);
  if (!file) {
    throw new BuildError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`);
  }
  refuseTooLarge(from ? path.relative(path.dirname(from.file), file) : path.basename(file), fs.statSync(file).size, from?.file ?? file, from?.pointer ?? '');
  const { fields, locate } = parseKustomizationFile(file);
  checkFields(fields, file);
  const kind = fields.kind === 'Component' ? 'Component' : 'Kustomization';
  return { file, dir, kind, fields, locate };
}

/**
 * The file parsed, its fields not yet checked: what a build error's position is looked up in,
 * since the error may be that very check.
 */
export function parseKustomizationFile(file: string): Pick<Kustomization, 'fields' | 'locate'> {
  const bytes = readFile(file);
  const known = parsed.get(bytes);
  // A copy of the fields: a build must not change what the next build of the same bytes reads.
  if (known?.file === file) return { fields: structuredClone(known.fields), locate: known.locate };
  const fresh = parseBytes(bytes, file);
  parsed.set(bytes, { file, ...fresh });
  return { fields: structuredClone(fresh.fields), locate: fresh.locate };
}

/**
 * Parses of kustomization files by the very bytes read, as accumulate.ts keeps those of resource
 * files: a reader that hands out the same Buffer while a file is unchanged (the language
 * server's) has a kustomization shared by several overlays parsed once. A failed parse throws
 * and is not kept.
 */
const parsed = new WeakMap<Uint8Array, { file: string } & Pick<Kustomization, 'fields' | 'locate'>>();

function parseBytes(bytes: Uint8Array, file: string): Pick<Kustomization, 'fields' | 'locate'> {
  const decoded = decodeSource(bytes, file);
  if ('problem' in decoded) throw new UnparsableKustomizationError(`invalid Kustomization: ${decoded.problem.message}`, file);
  // kustomize unmarshals a kustomization with sigs.k8s.io/yaml, whose resolver is go-yaml v2's:
  // `namespace: n` (or yes, on) is a boolean there, refused below as kustomize refuses it.
  const { documents, diagnostics } = parsePlainDocuments(decoded.text, file, { typing: 'kubectl' });
  if (diagnostics.length > 0) {
    const d = diagnostics[0]!;
    throw new UnparsableKustomizationError(`invalid Kustomization: ${d.message} (line ${d.line}, column ${d.column})`, file);
  }
  const doc = documents[0];
  const fields = doc?.value ?? {};
  if (!isPlainObject(fields)) throw new UnparsableKustomizationError(`invalid Kustomization: the file is not a mapping`, file);
  const locate = doc ? doc.locate : () => ({ value: { line: 1, column: 1, endLine: 1, endColumn: 1 }, exact: false });
  return { fields, locate };
}

function checkFields(fields: Record<string, unknown>, file: string): void {
  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.includes(key)) throw new BuildError(`invalid Kustomization: json: unknown field "${key}"`, file, `/${key}`);
  }
  for (const field of ['namespace', 'namePrefix', 'nameSuffix']) {
    const v = fields[field];
    if (v !== undefined && v !== null && typeof v !== 'string') throw new BuildError(`invalid Kustomization: json: cannot unmarshal ${jsonType(v)} into Go struct field Kustomization.${field} of type string`, file, `/${field}`);
  }
  for (const field of ['commonLabels', 'commonAnnotations']) refuseNonStringValues(fields[field], `Kustomization.${field}`, file, `/${field}`);
  if (Array.isArray(fields.labels)) fields.labels.forEach((entry, i) => refuseNonStringValues(isPlainObject(entry) ? entry.pairs : undefined, 'Label.labels.pairs', file, `/labels/${i}/pairs`));
  for (const field of MAPPING_LIST_FIELDS) {
    const list = fields[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (entry === null) list[i] = {}; // an empty entry: kustomize's struct with every field unset
      else if (!isPlainObject(entry)) throw new BuildError(`invalid Kustomization: json: cannot unmarshal ${jsonType(entry)} into Go struct field Kustomization.${field} (each entry must be a mapping)`, file, `/${field}/${i}`);
    });
  }
  for (const field of ['patches', 'patchesJson6902']) {
    const list = fields[field];
    if (Array.isArray(list)) list.forEach((entry, i) => checkTarget((entry as Record<string, unknown>).target, file, field, `/${field}/${i}/target`));
  }
  if (fields.kind !== undefined && fields.kind !== 'Kustomization' && fields.kind !== 'Component') {
    throw new BuildError(`invalid Kustomization: kind ${jsonText(fields.kind)} is not Kustomization or Component`, file, '/kind');
  }
}

/** A map[string]string field: sigs.k8s.io/yaml's `yes` or `1` is a bool or a number, which Go's json refuses. */
function refuseNonStringValues(map: unknown, goField: string, file: string, pointer: string): void {
  if (!isPlainObject(map)) return;
  for (const [key, v] of Object.entries(map)) {
    if (v !== null && typeof v !== 'string') throw new BuildError(`invalid Kustomization: json: cannot unmarshal ${jsonType(v)} into Go struct field ${goField} of type string`, file, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  }
}

/** A patch target's fields are strings, as kustomize's strict decoding of types.Selector wants them (its messages). */
const SELECTOR_FIELDS: Record<string, string> = {
  group: 'ResId.Gvk.group',
  version: 'ResId.Gvk.version',
  kind: 'ResId.Gvk.kind',
  name: 'ResId.name',
  namespace: 'ResId.namespace',
  labelSelector: 'labelSelector',
  annotationSelector: 'annotationSelector',
};

function checkTarget(target: unknown, file: string, field: string, pointer: string): void {
  if (target === undefined || target === null) return;
  if (!isPlainObject(target)) throw new BuildError(`invalid Kustomization: json: cannot unmarshal ${jsonType(target)} into Go struct field Patch.${field}.target of type types.Selector`, file, pointer);
  for (const [key, path] of Object.entries(SELECTOR_FIELDS)) {
    const v = target[key];
    if (v !== undefined && v !== null && typeof v !== 'string') throw new BuildError(`invalid Kustomization: json: cannot unmarshal ${jsonType(v)} into Go struct field Selector.${field}.target.${path} of type string`, file, `${pointer}/${key}`);
    const problem = typeof v === 'string' && path.startsWith('ResId') ? targetPatternError(v) : undefined;
    if (problem) throw new BuildError(problem, file, `${pointer}/${key}`);
  }
}

/**
 * A target's group, version, kind, name and namespace are anchored regular expressions, as
 * kustomize compiles them: one that does not compile is kustomize's "error parsing regexp"
 * (the reason in JavaScript's words, not Go's).
 */
export function targetPatternError(pattern: string): string | undefined {
  if (pattern === '') return undefined;
  try {
    new RegExp(`^(?:${pattern})$`).test(''); // V8 compiles on first use: "too large" is only found then
    return undefined;
  } catch (err) {
    const reason = /: ([^:]*)$/.exec((err as Error).message)?.[1] ?? 'invalid pattern';
    const shown = pattern.length > 200 ? `${pattern.slice(0, 200)}…` : pattern;
    return `error parsing regexp: ${reason.toLowerCase()}: \`^(?:${shown})$\``;
  }
}

/** A value's JSON type as Go's encoding/json names it in its errors. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A string list field, or a build error naming the field. */
export function stringList(k: Kustomization, field: string): string[] {
  const v = k.fields[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new BuildError(`invalid Kustomization: ${field} must be a list of strings`, k.file, `/${field}`);
  }
  return v as string[];
}
