/**
 * `replacements`: copy a field of one resource (optionally one delimited part of it) into
 * fields of others, selected by kind, name, labels... As kustomize does: an existing target
 * keeps its type when a delimited part is replaced; a created field is typed from its text.
 */
import { ownValue, setOwn, stringOf } from '../../core/index.js';
import { decodeSource, isPlainObject, parsePlainDocuments } from '../../load/index.js';
import { BuildError } from '../errors.js';
import { isMap } from '../fieldspec.js';
import { readInRoot } from '../files.js';
import type { Kustomization } from '../kustomization.js';
import type { ResMap } from '../resmap.js';
import type { Origin, RenderResource } from '../resource.js';
import { selects, type Target } from './patches.js';

type Selector = Target;
interface Replacement {
  source?: Selector & { fieldPath?: string; options?: { delimiter?: string; index?: number } };
  targets?: { select?: Selector; reject?: Selector[]; fieldPaths?: string[]; options?: { delimiter?: string; index?: number; create?: boolean } }[];
}

export function runReplacements(k: Kustomization, resmap: ResMap): void {
  const list = k.fields.replacements;
  if (!Array.isArray(list)) return;
  list.forEach((entry, i) => {
    const pointer = `/replacements/${i}`;
    for (const r of expand(k, entry, pointer)) apply(r, resmap, k, { file: k.file, pointer, locate: () => k.locate(pointer) });
  });
}

function expand(k: Kustomization, entry: unknown, pointer: string): Replacement[] {
  if (isPlainObject(entry) && typeof entry.path === 'string') {
    const { absolute, bytes } = readInRoot(k.dir, entry.path, k.file, `${pointer}/path`);
    const decoded = decodeSource(bytes, absolute);
    if ('problem' in decoded) throw new BuildError(decoded.problem.message, k.file, pointer);
    return parsePlainDocuments(decoded.text, absolute, { typing: 'kustomize' }).documents.flatMap((d) => (Array.isArray(d.value) ? d.value : [d.value])) as Replacement[];
  }
  return [entry as Replacement];
}

function apply(rep: Replacement, resmap: ResMap, k: Kustomization, origin: Origin): void {
  checkShape(rep, k, origin.pointer);
  const source = rep.source;
  if (!source) throw new BuildError('replacement source must be specified', k.file, origin.pointer);
  const bySelector = resmap.items.filter((r) => selectsAnyId(source, r));
  if (bySelector.length !== 1) {
    throw new BuildError(`${bySelector.length === 0 ? 'nothing selected by' : 'multiple matches for selector'} ${describeSelector(source)}`, k.file, origin.pointer);
  }
  const fieldPath = source.fieldPath ?? 'metadata.name';
  const found = places(bySelector[0]!.object, parseFieldPath(fieldPath), false);
  if (found.length === 0) throw new BuildError(`fieldPath \`${fieldPath}\` is missing for replacement source ${describeSelector(source)}`, k.file, origin.pointer);
  let value = structuredClone(found[0]!.parent[found[0]!.key]);
  if (source.options?.delimiter !== undefined) value = stringOf(value).split(source.options.delimiter)[source.options.index ?? 0] ?? '';

  for (const target of rep.targets ?? []) {
    const selected = resmap.items.filter((r) => (!target.select || selectsAnyId(target.select, r)) && !(target.reject ?? []).some((s) => selectsAnyId(s, r)));
    for (const r of selected) {
      for (const path of target.fieldPaths ?? ['metadata.name']) {
        const targets = places(r.object, parseFieldPath(path), target.options?.create === true);
        if (targets.length === 0) throw new BuildError(`unable to find field "${path}" in replacement target`, k.file, origin.pointer);
        for (const t of targets) {
          const existing = ownValue(t.parent, t.key);
          let next: unknown = value;
          if (target.options?.delimiter !== undefined && typeof existing === 'string') {
            const parts = existing.split(target.options.delimiter);
            const index = target.options.index ?? 0;
            if (index >= 0 && index < parts.length) parts[index] = stringOf(value);
            else if (index < 0) parts.unshift(stringOf(value));
            else parts.push(stringOf(value));
            next = parts.join(target.options.delimiter);
          } else if (existing === undefined && typeof value === 'string' && !t.createdParents) {
            // Observed in kustomize 5.5: a new field in an existing map is typed from its text
            // ("1.25" becomes a number); under maps it had to create, it stays a string.
            next = typeFromText(value);
          } else if (typeof existing === 'string' && typeof value !== 'object') {
            next = stringOf(value);
          } else if ((typeof existing === 'number' || typeof existing === 'boolean') && typeof value === 'string') {
            // kyaml copies the source's text into the target node, which keeps its own tag: a
            // ConfigMap's "3" lands in spec.replicas as the number 3 (kustomize 5.5).
            next = typeFromText(value);
          }
          setOwn(t.parent, t.key, next);
          r.setOrigin(t.pointer, origin);
        }
      }
    }
  }
}

/** The fields of a selector, strings all (kustomize's types.Selector). */
const SELECTOR_KEYS = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'];

/** What kustomize's strict unmarshal refuses, refused here before any field is read. */
function checkShape(rep: unknown, k: Kustomization, pointer: string): void {
  const refuse = (what: string) => {
    throw new BuildError(`invalid replacement: ${what}`, k.file, pointer);
  };
  const strings = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  const selectors = (v: unknown) => v === undefined || (Array.isArray(v) && v.every(isMap));
  if (!isMap(rep)) return refuse('each replacement must be a mapping');
  const source = rep.source;
  if (source !== undefined && source !== null && !isMap(source)) refuse('source must be a mapping');
  const stringFields = (selector: unknown, where: string) => {
    if (!isMap(selector)) return;
    for (const key of SELECTOR_KEYS) if (selector[key] !== undefined && selector[key] !== null && typeof selector[key] !== 'string') refuse(`${where}.${key} must be a string`);
  };
  stringFields(source, 'source');
  if (isMap(source) && source.fieldPath !== undefined && typeof source.fieldPath !== 'string') refuse('source.fieldPath must be a string');
  if (rep.targets === undefined || rep.targets === null) return;
  if (!Array.isArray(rep.targets) || !rep.targets.every(isMap)) refuse('targets must be a list of mappings');
  for (const t of rep.targets as Record<string, unknown>[]) {
    if (t.select !== undefined && t.select !== null && !isMap(t.select)) refuse('targets[].select must be a mapping');
    if (!selectors(t.reject)) refuse('targets[].reject must be a list of mappings');
    if (!strings(t.fieldPaths)) refuse('targets[].fieldPaths must be a list of strings');
    stringFields(t.select, 'targets[].select');
    for (const r of (t.reject ?? []) as unknown[]) stringFields(r, 'targets[].reject[]');
  }
}

function selectsAnyId(s: Selector, r: RenderResource): boolean {
  return selects(s, r);
}

function describeSelector(s: Selector): string {
  return `${s.kind ?? '~K'}.${s.version ?? '~V'}.${s.group ?? '~G'}/${s.name ?? ''}.${s.namespace ?? ''}`;
}

/** A created field is a plain scalar to kustomize: "1.25" becomes a number. */
function typeFromText(text: string): unknown {
  const doc = parsePlainDocuments(text, 'replacement', { typing: 'kustomize' }).documents[0];
  const v = doc?.value;
  return v === undefined || (typeof v === 'object' && v !== null) ? text : v;
}

type Segment = { key: string } | { index: number } | { match: [string, string] } | { all: true };

export function parseFieldPath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const raw of path.match(/\[[^\]]*\]|[^.]+/g) ?? []) {
    if (raw.startsWith('[') && raw.includes('=')) {
      const [k, v] = raw.slice(1, -1).split('=') as [string, string];
      out.push({ match: [k, v] });
    } else if (raw === '*') out.push({ all: true });
    else if (/^\d+$/.test(raw)) out.push({ index: Number(raw) });
    else out.push({ key: raw.replace(/^\[|\]$/g, '') });
  }
  return out;
}

interface Place {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  pointer: string;
  createdParents: boolean;
}

function places(root: unknown, segments: Segment[], create: boolean): { parent: Record<string, unknown>; key: string; pointer: string; createdParents: boolean }[] {
  const out: Place[] = [];
  let createdParents = false;
  const walk = (node: unknown, i: number, pointer: string) => {
    const seg = segments[i]!;
    const last = i === segments.length - 1;
    if (Array.isArray(node)) {
      const targets: number[] = 'index' in seg ? [seg.index] : 'all' in seg ? node.map((_, j) => j) : 'match' in seg ? node.flatMap((el, j) => (isMap(el) && stringOf(el[seg.match[0]]) === seg.match[1] ? [j] : [])) : [];
      for (const j of targets) {
        if (j >= node.length) continue;
        if (last) out.push({ parent: node, key: j, pointer: `${pointer}/${j}`, createdParents });
        else walk(node[j], i + 1, `${pointer}/${j}`);
      }
      return;
    }
    if (!isMap(node) || !('key' in seg)) return;
    const p = `${pointer}/${seg.key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (last) {
      if (ownValue(node, seg.key) !== undefined || create) out.push({ parent: node, key: seg.key, pointer: p, createdParents });
      return;
    }
    // Own keys only (core/own-key.ts): a path through `__proto__` must not reach Object.prototype.
    if (ownValue(node, seg.key) === undefined && create) {
      setOwn(node, seg.key, {});
      createdParents = true;
    }
    walk(ownValue(node, seg.key), i + 1, p);
  };
  if (segments.length > 0) walk(root, 0, '');
  return out as { parent: Record<string, unknown>; key: string; pointer: string; createdParents: boolean }[];
}
