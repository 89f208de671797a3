/** A kustomization file read with positions, its fields checked the way kustomize checks them. */
import { jsonText } from '../core/index.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Located } from '../core/index.js';
import { decodeSource, isPlainObject, KUSTOMIZATION_FILE_NAMES, parsePlainDocuments } from '../load/index.js';
import { decodeStrict, GoJsonError } from './go-json.js';
import { Kustomization as KustomizationStruct } from './kustomization-types.js';
import { BuildError, UnparsableKustomizationError } from './errors.js';
import { readFile, refuseTooLarge } from './files.js';

export interface Kustomization {
  /** Absolute path of the kustomization file. */
  file: string;
  /** Its directory: the root its files must stay in. */
  dir: string;
  kind: 'Kustomization' | 'Component';
  /** The fields as kustomize decodes them: known fields only, under their JSON names whatever the case written. */
  fields: Record<string, unknown>;
  /** Where a pointer (canonical names) is in the file. */
  locate(pointer: string): Located;
  /** A pointer (canonical names) with the keys as the user wrote them: what findings carry. */
  written(pointer: string): string;
}

/**
 * A kustomization's fields under their canonical names (`Name:` read as name), for readers that
 * only look (the language server): as written when kustomize would refuse them.
 */
export function canonicalFields(raw: Record<string, unknown>): Record<string, unknown> {
  try {
    return decodeStrict(raw, KustomizationStruct).value;
  } catch (err) {
    if (err instanceof GoJsonError) return raw;
    throw err;
  }
}

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
  const { fields, locate, written, error } = parseKustomizationFile(file);
  if (error) throw error;
  checkFields(fields, file);
  const kind = fields.kind === 'Component' ? 'Component' : 'Kustomization';
  return { file, dir, kind, fields, locate, written };
}

/**
 * The file parsed and decoded as kustomize decodes it (go-json.ts): its fields under their
 * canonical names. `locate` and `written` take canonical pointers (what the build uses) to the
 * keys as the user wrote them; when the decoding fails, `fields` are the raw ones and `error`
 * says why. A build error's position is looked up here, since the error may be that decoding.
 */
export function parseKustomizationFile(file: string): Pick<Kustomization, 'fields' | 'locate' | 'written'> & { error?: BuildError } {
  const bytes = readFile(file);
  let known = parsed.get(bytes);
  if (known?.file !== file) {
    known = { file, ...decodeFields(parseBytes(bytes, file), file) };
    parsed.set(bytes, known);
  }
  // A copy of the fields: a build must not change what the next build of the same bytes reads.
  return { fields: structuredClone(known.fields), locate: known.locate, written: known.written, ...(known.error && { error: known.error }) };
}

type Parsed = Pick<Kustomization, 'fields' | 'locate' | 'written'> & { error?: BuildError };

/**
 * Parses of kustomization files by the very bytes read, as accumulate.ts keeps those of resource
 * files: a reader that hands out the same Buffer while a file is unchanged (the language
 * server's) has a kustomization shared by several overlays parsed once. A failed parse throws
 * and is not kept.
 */
const parsed = new WeakMap<Uint8Array, { file: string } & Parsed>();

function decodeFields(raw: { fields: Record<string, unknown>; locate: (pointer: string) => Located }, file: string): Parsed {
  try {
    const { value, renamed } = decodeStrict(raw.fields, KustomizationStruct);
    const written = (pointer: string) => writtenPointer(pointer, renamed);
    return { fields: value, written, locate: renamed.size === 0 ? raw.locate : (pointer) => raw.locate(written(pointer)) };
  } catch (err) {
    if (!(err instanceof GoJsonError)) throw err;
    return { fields: raw.fields, locate: raw.locate, written: (p) => p, error: new BuildError(`invalid Kustomization: ${err.message}`, file, err.pointer) };
  }
}

/** A pointer with canonical field names made the one the user wrote: each renamed prefix replaced. */
function writtenPointer(pointer: string, renamed: Map<string, string>): string {
  if (renamed.size === 0 || pointer === '') return pointer;
  let canonical = '';
  let written = '';
  for (const segment of pointer.slice(1).split('/')) {
    canonical += `/${segment}`;
    written = renamed.get(canonical) ?? `${written}/${segment}`;
  }
  return written;
}

function parseBytes(bytes: Uint8Array, file: string): { fields: Record<string, unknown>; locate: (pointer: string) => Located } {
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

/** What kustomize checks beyond decoding: the kind, and patch targets' patterns (the decoder checked every field's type). */
function checkFields(fields: Record<string, unknown>, file: string): void {
  for (const field of ['patches', 'patchesJson6902']) {
    const list = fields[field];
    if (Array.isArray(list)) list.forEach((entry, i) => checkTargetPatterns((entry as { target?: Record<string, unknown> | null }).target, file, `/${field}/${i}/target`));
  }
  if (fields.kind !== undefined && fields.kind !== 'Kustomization' && fields.kind !== 'Component') {
    throw new BuildError(`invalid Kustomization: kind ${jsonText(fields.kind)} is not Kustomization or Component`, file, '/kind');
  }
}

function checkTargetPatterns(target: Record<string, unknown> | null | undefined, file: string, pointer: string): void {
  for (const key of ['group', 'version', 'kind', 'name', 'namespace']) {
    const v = target?.[key];
    const problem = typeof v === 'string' ? targetPatternError(v) : undefined;
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
