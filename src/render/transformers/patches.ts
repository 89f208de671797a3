/** `patches`, `patchesStrategicMerge` and `patchesJson6902`: finding targets and applying them. */
import { isSecretKind, jsonText, REDACTED, stringOf, valueAt } from '../../core/index.js';
import { decodeSource, parsePlainDocuments } from '../../load/index.js';
import { mayHoldSecrets } from '../../load/redact-syntax.js';
import { loadBundle, SchemaWalker, type KubernetesVersion } from '../../openapi/index.js';
import { BuildError } from '../errors.js';
import { isMap } from '../fieldspec.js';
import { readFile, readInRoot } from '../files.js';
import { targetPatternError, type Kustomization } from '../kustomization.js';
import { applyJson6902 } from '../json6902.js';
import type { ResMap } from '../resmap.js';
import type { Origin, RenderResource } from '../resource.js';
import { strategicMerge, type SchemaCursor } from '../smp.js';

export interface PatchContext {
  kubernetesVersion: KubernetesVersion;
  /** Where patches whose target selects nothing are noted: kustomize skips them silently. */
  unmatched?: UnmatchedPatch[];
}

/** A patch entry whose target selected no resource, for the `unmatched-patch` finding. */
export interface UnmatchedPatch {
  /** The kustomization file and the pointer of the entry that names the patch. */
  file: string;
  pointer: string;
  target: Target;
  /** The one field of the target that alone keeps it from resources, with their values of it (a typo's likely fix). */
  nearMiss?: { field: NearMissField; values: string[]; resources: string[] };
}

type NearMissField = 'group' | 'version' | 'kind' | 'name' | 'namespace';
const NEAR_MISS_FIELDS: readonly NearMissField[] = ['group', 'version', 'kind', 'name', 'namespace'];

/** The resources a target selects; none is noted (kustomize issues #4379, #5093, #5811). */
function selected(resmap: ResMap, target: Target, k: Kustomization, pointer: string, ctx: PatchContext | undefined): RenderResource[] {
  const found = resmap.items.filter((x) => selects(target, x));
  if (found.length === 0 && ctx?.unmatched) {
    const nearMiss = nearMissOf(resmap, target);
    ctx.unmatched.push({ file: k.file, pointer, target, ...(nearMiss && { nearMiss }) });
  }
  return found;
}

/** The only field of `target` whose removal makes it select resources, when there is exactly one such field. */
function nearMissOf(resmap: ResMap, target: Target): UnmatchedPatch['nearMiss'] {
  const misses = NEAR_MISS_FIELDS.filter((f) => target[f]).map((field) => ({ field, hits: resmap.items.filter((r) => selects({ ...target, [field]: undefined }, r)) })).filter((m) => m.hits.length > 0);
  if (misses.length !== 1) return undefined;
  const { field, hits } = misses[0]!;
  const valueOf = (r: RenderResource) => (field === 'namespace' ? (r.namespace ?? 'default') : r[field]);
  return { field, values: [...new Set(hits.map(valueOf))].sort(), resources: hits.map((r) => `${r.kind}/${r.name}`) };
}

interface PatchBody {
  documents: { value: unknown; origin: Origin }[];
  text: string;
}

function readPatch(k: Kustomization, entry: { path?: unknown; patch?: unknown; target?: unknown }, pointer: string, typing: 'kustomize' | 'kubectl'): PatchBody {
  if (entry.path === undefined && entry.patch === undefined) throw new BuildError(`must specify one of patch and path in\n${jsonText(shownEntry(entry))}`, k.file, pointer);
  if (entry.path !== undefined && entry.patch !== undefined) throw new BuildError(`patch and path can't be set at the same time\n${jsonText(shownEntry(entry))}`, k.file, pointer);
  let text: string;
  let file = k.file;
  let base = pointer;
  if (typeof entry.path === 'string') {
    const { absolute, bytes } = readInRoot(k.dir, entry.path, k.file, `${pointer}/path`);
    const decoded = decodeSource(bytes, absolute);
    if ('problem' in decoded) throw new BuildError(decoded.problem.message, absolute);
    text = decoded.text;
    file = absolute;
    base = '';
  } else text = stringOf(entry.patch).trim();
  const { documents, diagnostics } = parsePlainDocuments(text, file, { typing });
  if (diagnostics.length) throw new BuildError(`unable to parse SM or JSON patch from [${shownPatch(text, entry)}]: ${diagnostics[0]!.message}`, k.file, pointer);
  return {
    text,
    documents: documents.map((d) => ({ value: d.value, origin: file === k.file ? { file, pointer: `${base}/patch`, locate: () => k.locate(`${base}/patch`) } : { file, pointer: '', locate: d.locate } })),
  };
}

/**
 * Patch text as an error may quote it: not when it may set a Secret's values (it names Secret,
 * data or stringData, or its target may be a Secret). See core/redact.ts.
 */
/** kustomize quotes the whole patch; past this many characters the message quotes its start and says how much is left out. */
const MAX_SHOWN_PATCH = 4096;

function shownPatch(text: string, entry: { target?: unknown }): string {
  const kind = isMap(entry.target) && typeof entry.target.kind === 'string' ? entry.target.kind : '';
  if (mayHoldSecrets(text) || (kind !== '' && anchored(kind, 'Secret'))) return REDACTED;
  // An 18 MB patch quoted whole made an 18 MB finding, escaped and scrubbed character by character (the fuzzer: 2.5 s).
  return text.length <= MAX_SHOWN_PATCH ? text : `${text.slice(0, MAX_SHOWN_PATCH)}… (${text.length - MAX_SHOWN_PATCH} more characters)`;
}

function shownEntry(entry: { path?: unknown; patch?: unknown; target?: unknown }): unknown {
  return typeof entry.patch === 'string' ? { ...entry, patch: shownPatch(entry.patch, entry) } : entry;
}

function schemaFor(r: RenderResource, ctx: PatchContext): SchemaCursor {
  const bundle = loadBundle(ctx.kubernetesVersion);
  const entry = bundle.kinds[`${r.apiVersion}/${r.kind}`];
  if (!entry) return { walker: undefined, node: undefined };
  return { walker: new SchemaWalker(bundle.definitions), node: { $ref: `#/definitions/${entry.definition}` } };
}

function describePatch(p: Record<string, unknown>): string {
  const [group, version] = stringOf(p.apiVersion ?? '').includes('/') ? stringOf(p.apiVersion).split('/') : ['', stringOf(p.apiVersion ?? '')];
  const meta = (isMap(p.metadata) ? p.metadata : {}) as Record<string, unknown>;
  return `${stringOf(p.kind)}.${version || '[noVer]'}.${group || '[noGrp]'}/${stringOf(meta.name)}.${stringOf(meta.namespace ?? '[noNs]')}`;
}

/** Finds the one resource a strategic-merge patch names by its own id (or a previous id). */
function findTarget(resmap: ResMap, patch: Record<string, unknown>): RenderResource[] {
  const meta = (isMap(patch.metadata) ? patch.metadata : {}) as Record<string, unknown>;
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  return resmap.items.filter((r) => {
    if (r.kind !== patch.kind || (patch.apiVersion !== undefined && r.apiVersion !== patch.apiVersion)) return false;
    const ids = [{ name: r.name, namespace: r.namespace }, ...r.previousIds];
    return ids.some((id) => id.name === meta.name && (id.namespace ?? 'default') === ns);
  });
}

/** The nulls of a resource spelt `null` (or `Null`, `NULL`) in its source, by pointer; not `~` or an empty value. */
function writtenNulls(r: RenderResource): (pointer: string) => boolean {
  const lines = new Map<string, string[]>();
  return (pointer) => {
    try {
      const { value, exact, file } = r.locate(pointer);
      if (!exact || value.line !== value.endLine) return false;
      if (!lines.has(file)) lines.set(file, readFile(file).toString('utf8').split(/\r?\n/));
      const line = lines.get(file)![value.line - 1] ?? '';
      return /^(null|Null|NULL)$/.test(line.slice(value.column - 1, value.endColumn - 1));
    } catch {
      return false;
    }
  };
}

function applySmp(resmap: ResMap, r: RenderResource, patch: Record<string, unknown>, origin: Origin, ctx: PatchContext, options: { allowNameChange?: boolean; allowKindChange?: boolean }): void {
  const { name, kind, namespace } = { name: r.name, kind: r.kind, namespace: r.namespace };
  if (patch.$patch === 'replace') return; // kustomize 5.5: a no-op that also drops the rest of the patch
  const body = { ...patch, apiVersion: r.apiVersion };
  let merged: unknown;
  try {
    merged = strategicMerge(r.object, body, schemaFor(r, ctx), writtenNulls(r));
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    // kustomize quotes the patch node it could not merge: never a Secret's (core/redact.ts).
    const message = isSecretKind(r) ? err.message.replace(/node contents:\n[\s\S]*$/, `node contents:\n${REDACTED}`) : err.message;
    // The merge knows no files: the error is the patch's.
    throw new BuildError(message, err.file ?? origin.file, err.file ? err.pointer : origin.pointer);
  }
  if (merged === undefined) {
    resmap.remove(r);
    return;
  }
  r.object = merged as Record<string, unknown>;
  if (!options.allowKindChange) r.object.kind = kind;
  if (!options.allowNameChange) r.metadata.name = name;
  else if (r.name !== name) r.previousIds.push(namespace === undefined ? { name } : { name, namespace });
  if (namespace === undefined) delete r.metadata.namespace;
  else r.metadata.namespace = namespace;
  recordOrigins(r, body, '', origin);
}

/** Every field the patch wrote now points at the patch. */
function recordOrigins(r: RenderResource, patch: unknown, pointer: string, origin: Origin): void {
  const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
  if (isMap(patch)) {
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'apiVersion' || k === 'kind' || k.startsWith('$')) continue;
      if (pointer === '' && k === 'metadata' && isMap(v) && Object.keys(v).every((x) => x === 'name' || x === 'namespace')) continue;
      recordOrigins(r, v, `${pointer}/${escape(k)}`, { ...origin, pointer: `${origin.pointer}/${escape(k)}` });
    }
    return;
  }
  if (pointer === '') return;
  const merged = valueAt(r.object, pointer);
  if (Array.isArray(patch) && Array.isArray(merged) && patch.length > 0 && patch.every((el) => isMap(el) && identity(el) !== undefined)) {
    // A list merged by key: each patch element owns the result element with its key, wherever it landed.
    patch.forEach((el, j) => {
      const id = identity(el as Record<string, unknown>);
      const i = merged.findIndex((m) => isMap(m) && identity(m) === id);
      if (i !== -1) recordOrigins(r, el, `${pointer}/${i}`, { ...origin, pointer: `${origin.pointer}/${j}` });
    });
    return;
  }
  r.setOrigin(pointer, origin);
}

const IDENTITY_KEYS = ['name', 'mountPath', 'devicePath', 'containerPort', 'port', 'ip', 'topologyKey', 'uid'];

function identity(el: Record<string, unknown>): string | undefined {
  const key = IDENTITY_KEYS.find((k) => el[k] !== undefined);
  return key === undefined ? undefined : `${key}=${stringOf(el[key])}`;
}

/** A resource selector: patch targets, replacement sources and targets. */
export interface Target {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** Compiled target patterns: a selector is tried against every resource of every patch. */
const patterns = new Map<string, RegExp>();

function anchored(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined || pattern === '') return true;
  let re = patterns.get(pattern);
  if (!re) {
    // Patch targets were checked when the kustomization was read; a replacement's selector is checked here.
    const problem = targetPatternError(pattern);
    if (problem) throw new BuildError(problem);
    patterns.set(pattern, (re = new RegExp(`^(?:${pattern})$`)));
  }
  return re.test(value);
}

export function selects(t: Target, r: RenderResource): boolean {
  if (!anchored(t.group, r.group) || !anchored(t.version, r.version) || !anchored(t.kind, r.kind)) return false;
  if (t.name && !(anchored(t.name, r.name) || r.previousIds.some((id) => anchored(t.name, id.name)))) return false;
  if (t.namespace && !(anchored(t.namespace, r.namespace ?? 'default') || r.previousIds.some((id) => anchored(t.namespace, id.namespace ?? 'default')))) return false;
  if (t.labelSelector && !matchesSelector(t.labelSelector, (r.metadata.labels ?? {}) as Record<string, string>)) return false;
  if (t.annotationSelector && !matchesSelector(t.annotationSelector, (r.metadata.annotations ?? {}) as Record<string, string>)) return false;
  return true;
}

/** Kubernetes label selector syntax: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k, !k. */
export function matchesSelector(selector: string, labels: Record<string, string>): boolean {
  const parts = selector.match(/(?:[^,(]+(?:\([^)]*\))?)+/g) ?? [];
  return parts.every((raw) => {
    const p = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\S+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      const values = m[3]!.split(',').map((s) => s.trim());
      const has = Object.hasOwn(labels, m[1]!) && values.includes(labels[m[1]!]!);
      return m[2] === 'in' ? has : !has;
    }
    if ((m = /^(\S+?)\s*(==|!=|=)\s*(\S*)$/.exec(p))) return m[2] === '!=' ? labels[m[1]!] !== m[3] : labels[m[1]!] === m[3];
    if (p.startsWith('!')) return !Object.hasOwn(labels, p.slice(1).trim());
    return Object.hasOwn(labels, p);
  });
}

export function runPatchesStrategicMerge(k: Kustomization, resmap: ResMap, ctx: PatchContext): void {
  const list = k.fields.patchesStrategicMerge;
  if (!Array.isArray(list)) return;
  list.forEach((entry, i) => {
    const pointer = `/patchesStrategicMerge/${i}`;
    const isInline = typeof entry === 'string' && entry.includes('\n');
    const body = readPatch(k, isInline ? { patch: entry } : { path: entry }, pointer, 'kustomize');
    for (const doc of body.documents) {
      if (!isMap(doc.value)) continue;
      const targets = findTarget(resmap, doc.value);
      const id = describePatch(doc.value);
      if (targets.length !== 1) throw new BuildError(`${targets.length === 0 ? 'no matches' : 'multiple matches'} for Id ${id}; failed to find unique target for patch ${id}`, k.file, pointer);
      applySmp(resmap, targets[0]!, doc.value, doc.origin, ctx, {});
    }
  });
}

export function runPatches(k: Kustomization, resmap: ResMap, ctx: PatchContext): void {
  const list = k.fields.patches;
  if (!Array.isArray(list)) return;
  list.forEach((entry: Record<string, unknown>, i) => {
    const pointer = `/patches/${i}`;
    const target = isMap(entry.target) ? (entry.target as Target) : undefined;
    const options = (isMap(entry.options) ? entry.options : {}) as { allowNameChange?: boolean; allowKindChange?: boolean };
    const body = readPatch(k, entry, pointer, 'kustomize');
    const first = body.documents[0]?.value;
    if (Array.isArray(first)) {
      if (!target) throw new BuildError(`must specify a target for JSON patch [${shownPatch(body.text, entry)}]`, k.file, pointer);
      const ops = readPatch(k, entry, pointer, 'kubectl').documents[0]!.value as never[];
      for (const r of selected(resmap, target, k, pointer, ctx)) applyJsonTo(r, ops, body.documents[0]!.origin, k, pointer);
      return;
    }
    const docs = body.documents.filter((d) => isMap(d.value));
    if (docs.length === 0) throw new BuildError(`unable to parse SM or JSON patch from [${shownPatch(body.text, entry)}]`, k.file, pointer);
    if (target) {
      if (docs.length > 1) throw new BuildError(`Multiple Strategic-Merge Patches in one \`patches\` entry is not allowed to set \`patches.target\` field`, k.file, pointer);
      const doc = docs[0]!;
      for (const r of selected(resmap, target, k, pointer, ctx)) {
        const patch = { ...(doc.value as Record<string, unknown>) };
        applySmp(resmap, r, patch, doc.origin, ctx, options);
      }
      return;
    }
    for (const doc of docs) {
      const value = doc.value as Record<string, unknown>;
      const targets = findTarget(resmap, value);
      const id = describePatch(value);
      if (targets.length !== 1) {
        throw new BuildError(`no resource matches strategic merge patch "${id}": ${targets.length === 0 ? 'no matches' : 'multiple matches'} for Id ${id}; failed to find unique target for patch ${id}`, k.file, pointer);
      }
      applySmp(resmap, targets[0]!, value, doc.origin, ctx, options);
    }
  });
}

export function runPatchesJson6902(k: Kustomization, resmap: ResMap, ctx?: PatchContext): void {
  const list = k.fields.patchesJson6902;
  if (!Array.isArray(list)) return;
  list.forEach((entry: Record<string, unknown>, i) => {
    const pointer = `/patchesJson6902/${i}`;
    const target = entry.target as Target | undefined;
    if (!target?.name) throw new BuildError('must specify the target name', k.file, pointer);
    const body = readPatch(k, entry, pointer, 'kubectl');
    const ops = body.documents[0]?.value;
    if (!Array.isArray(ops) || ops.length === 0) throw new BuildError('patch appears to be empty; file=, JsonOp=[]', k.file, pointer);
    for (const r of selected(resmap, target, k, pointer, ctx)) applyJsonTo(r, ops as never[], body.documents[0]!.origin, k, pointer);
  });
}

function applyJsonTo(r: RenderResource, ops: { path: string }[], origin: Origin, k: Kustomization, pointer: string): void {
  r.object = applyJson6902(r.object, ops as never[], { file: k.file, pointer });
  ops.forEach((op, i) => r.setOrigin(op.path.startsWith('/') ? op.path : '/' + op.path.slice(op.path.indexOf('/') + 1), { ...origin, pointer: `${origin.pointer}/${i}/value` }));
}
