/**
 * configMapGenerator and secretGenerator, as kustomize v5 builds them: pairs from env files,
 * then literals, then files; ConfigMap values that are not UTF-8 go to binaryData; Secret
 * values are base64 (cut into 70-character lines when long); a content hash suffix unless
 * disabled; `behavior: merge|replace` against an object of the same name.
 */
import * as path from 'node:path';
import { jsonText, REDACTED, rememberSecretValues, setOwn } from '../../core/index.js';
import { BuildError } from '../errors.js';
import { isMap } from '../fieldspec.js';
import { readInRoot } from '../files.js';
import type { Kustomization } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import { RenderResource } from '../resource.js';
// process.getBuiltinModule: Node's node:crypto loads on first use, not at every start (issue 19: a
// one-file run never needs it, and loading it is ~1 ms of a cold start).

interface Options {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function runGenerators(k: Kustomization, resmap: ResMap): void {
  const global = (k.fields.generatorOptions ?? {}) as Options;
  for (const kind of ['ConfigMap', 'Secret'] as const) {
    const field = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
    const list = k.fields[field];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new BuildError(`invalid Kustomization: ${field} must be a list`, k.file, `/${field}`);
    list.forEach((entry, i) => absorb(resmap, generate(k, kind, entry as Record<string, unknown>, global, `/${field}/${i}`), k, `/${field}/${i}`));
  }
}

function generate(k: Kustomization, kind: 'ConfigMap' | 'Secret', entry: Record<string, unknown>, global: Options, pointer: string): RenderResource {
  const name = entry.name;
  if (typeof name !== 'string' || name === '') throw new BuildError(`a ${kind.toLowerCase()} must have a name`, k.file, pointer);
  const pairs: [string, Buffer][] = [];
  const seen = new Set<string>();
  const add = (key: string, value: Buffer) => {
    if (seen.has(key)) throw new BuildError(`${kind.toLowerCase()} ${name} illegally repeats the key \`${key}\``, k.file, pointer);
    seen.add(key);
    pairs.push([key, value]);
  };
  // A Secret's inputs are never shown, and are scrubbed from any message that would (core/redact.ts).
  const secret = kind === 'Secret';
  const shown = (literal: string) => (secret ? redactLiteral(literal) : literal);
  if (secret) rememberSecretValues(asStrings(entry.literals).flatMap(literalValues));
  // The legacy singular `env:` is one more env file after `envs` (kustomize's types.FixKustomization).
  const envs = [...asStrings(entry.envs), ...(typeof entry.env === 'string' && entry.env !== '' ? [entry.env] : [])];
  envs.forEach((env, j) => {
    const { bytes } = readInRoot(k.dir, env, k.file, j < asStrings(entry.envs).length ? `${pointer}/envs/${j}` : `${pointer}/env`);
    const pairs = parseEnvFile(bytes, env, k, pointer);
    if (secret) rememberSecretValues(pairs.map(([, value]) => value));
    for (const [key, value] of pairs) add(key, Buffer.from(value));
  });
  for (const literal of asStrings(entry.literals)) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw new BuildError(`loading KV pairs: literal sources [${asStrings(entry.literals).map(shown).join(' ')}]: invalid literal source ${shown(literal)}, expected key=value`, k.file, pointer);
    add(literal.slice(0, eq), Buffer.from(unquote(literal.slice(eq + 1))));
  }
  asStrings(entry.files).forEach((source, j) => {
    const eq = source.indexOf('=');
    let key: string;
    let file: string;
    if (eq === -1) {
      file = source;
      key = path.basename(source);
    } else {
      key = source.slice(0, eq);
      file = source.slice(eq + 1);
      if (key === '') throw new BuildError(`loading KV pairs: file sources: [${source}]: missing key name for file path "${file}" in source "${source}"`, k.file, pointer);
      if (file === '') throw new BuildError(`loading KV pairs: file sources: [${source}]: missing file path for key name "${key}" in source "${source}"`, k.file, pointer);
      if (file.includes('=')) throw new BuildError(`loading KV pairs: file sources: [${source}]: source "${source}" key name or file path contains '='`, k.file, pointer);
    }
    const { bytes } = readInRoot(k.dir, file, k.file, `${pointer}/files/${j}`);
    if (secret) rememberSecretValues([bytes.toString('utf8')]);
    add(key, bytes);
  });

  const local = (entry.options ?? {}) as Options;
  const labels = { ...(global.labels ?? {}), ...(local.labels ?? {}) };
  const annotations = { ...(global.annotations ?? {}), ...(local.annotations ?? {}) };
  const metadata: Record<string, unknown> = { name };
  if (typeof entry.namespace === 'string' && entry.namespace !== '') metadata.namespace = entry.namespace;
  if (Object.keys(labels).length) metadata.labels = labels;
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const object: Record<string, unknown> = { apiVersion: 'v1', kind, metadata };
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const [key, value] of pairs) {
    if (kind === 'Secret') setOwn(data, key, base64Lines(value));
    else {
      try {
        setOwn(data, key, utf8.decode(value));
      } catch {
        setOwn(binaryData, key, base64Lines(value));
      }
    }
  }
  // A Secret keeps an empty `data: {}` (kustomize's generator makes the map before filling it); a ConfigMap does not.
  if (Object.keys(data).length || kind === 'Secret') object.data = data;
  if (Object.keys(binaryData).length) object.binaryData = binaryData;
  if (kind === 'Secret') object.type = typeof entry.type === 'string' && entry.type !== '' ? entry.type : 'Opaque';
  if (global.immutable || local.immutable) object.immutable = true;

  const r = new RenderResource(object, { file: k.file, pointer, locate: (p) => k.locate(p === '' ? pointer : pointer) });
  // An unknown behavior (`add`) is kustomize's BehaviorUnspecified, which acts as `create`
  // (api/types/genargs.go NewGenerationBehavior): no error of its own.
  r.behavior = entry.behavior === 'merge' || entry.behavior === 'replace' ? entry.behavior : 'create';
  r.needsHashSuffix = !(global.disableNameSuffixHash || local.disableNameSuffixHash);
  r.generatedBy = kind === 'ConfigMap' ? 'ConfigMapGenerator' : 'SecretGenerator';
  return r;
}

/** Adds a generated object, or merges it into / replaces the one it names. */
function absorb(resmap: ResMap, generated: RenderResource, k: Kustomization, pointer: string): void {
  const matches = resmap.items.filter((r) => r.kind === generated.kind && r.apiVersion === generated.apiVersion && namesOf(r).some((id) => id.name === generated.name && (generated.namespace === undefined || (id.namespace ?? 'default') === (generated.namespace ?? 'default') || id.namespace === undefined)));
  const behavior = generated.behavior ?? 'create';
  if (matches.length === 0) {
    if (behavior !== 'create') throw new BuildError(`id ${describe(generated)} does not exist; cannot merge or replace`, k.file, pointer);
    resmap.append(generated, { file: k.file, pointer });
    return;
  }
  if (matches.length > 1) throw new BuildError(`found multiple objects that could accept merge of ${describe(generated)}`, k.file, pointer);
  const old = matches[0]!;
  if (behavior === 'create') throw new BuildError(`id ${describe(generated)} exists; behavior must be merge or replace`, k.file, pointer);
  const merged = generated.object;
  const oldMeta = old.metadata;
  const newMeta = merged.metadata as Record<string, unknown>;
  for (const field of ['labels', 'annotations'] as const) {
    const union = { ...((oldMeta[field] as object) ?? {}), ...((newMeta[field] as object) ?? {}) };
    if (Object.keys(union).length) newMeta[field] = union;
  }
  newMeta.name = oldMeta.name;
  if (oldMeta.namespace !== undefined) newMeta.namespace = oldMeta.namespace;
  else delete newMeta.namespace;
  if (behavior === 'merge') {
    for (const field of ['data', 'binaryData'] as const) {
      const union = { ...((old.object[field] as object) ?? {}), ...((merged[field] as object) ?? {}) };
      if (Object.keys(union).length) merged[field] = union;
    }
  }
  old.object = merged;
  // Observed in kustomize 5.5: the suffix survives only if both sides wanted it.
  old.needsHashSuffix = old.needsHashSuffix && generated.needsHashSuffix;
  old.setOrigin('', generated.origin);
}

function namesOf(r: RenderResource): { name: string; namespace?: string }[] {
  const current = r.namespace === undefined ? { name: r.name } : { name: r.name, namespace: r.namespace };
  return [current, ...r.previousIds];
}

function describe(r: RenderResource): string {
  return `${r.kind}.${r.version}.${r.group || '[noGrp]'}/${r.name}.${r.namespace ?? '[noNs]'}`;
}

/** The hash suffix kustomize appends: sha256 over a fixed JSON shape, in which the name is always empty. */
export function contentHash(r: RenderResource): string {
  const o = r.object;
  let shape: Record<string, unknown>;
  if (r.kind === 'ConfigMap') {
    shape = { ...(isMap(o.binaryData) ? { binaryData: o.binaryData } : {}), data: o.data ?? '', kind: 'ConfigMap', name: '' };
  } else if (r.kind === 'Secret') {
    shape = { data: o.data ?? '', kind: 'Secret', name: '', ...(isMap(o.stringData) ? { stringData: o.stringData } : {}), type: o.type ?? '' };
  } else {
    shape = o;
  }
  const hex = process.getBuiltinModule('node:crypto').createHash('sha256').update(goJson(shape)).digest('hex');
  return hex.slice(0, 10).replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c]!);
}

/** Go's encoding/json: sorted keys, no spaces, <, >, & and U+2028/9 escaped. */
export function goJson(v: unknown): string {
  if (isMap(v)) return '{' + Object.keys(v).sort().map((k) => `${goString(k)}:${goJson(v[k])}`).join(',') + '}';
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  if (typeof v === 'string') return goString(v);
  if (typeof v === 'bigint') return v.toString(); // an integer beyond 2^53, kept whole (load/yaml-schema.ts)
  return jsonText(v ?? null);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function base64Lines(value: Buffer): string {
  const b64 = value.toString('base64');
  if (b64.length < 70) return b64;
  return b64.match(/.{1,70}/g)!.map((l) => l + '\n').join('');
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

function parseEnvFile(bytes: Buffer, name: string, k: Kustomization, pointer: string): [string, string][] {
  const out: [string, string][] = [];
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BuildError(`loading KV pairs: env source files: [${name}]: invalid utf8 bytes`, k.file, pointer);
  }
  text.split('\n').forEach((raw, i) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (i === 0) line = line.replace(/^\ufeff/, '');
    line = line.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    out.push(eq === -1 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)]);
  });
  return out;
}

/** A secretGenerator literal as messages may show it: its key, never its value. */
function redactLiteral(literal: string): string {
  const eq = literal.indexOf('=');
  return eq > 0 ? `${literal.slice(0, eq)}=${REDACTED}` : REDACTED;
}

/** What a literal may hold that is secret: its value, or all of it when it has no key. */
function literalValues(literal: string): string[] {
  const eq = literal.indexOf('=');
  return eq > 0 ? [literal.slice(eq + 1), unquote(literal.slice(eq + 1))] : [literal];
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
