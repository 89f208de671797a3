/**
 * Strategic merge as kustomize v5 does it: kyaml's merge2 walker with "prepend", not
 * apimachinery. Maps merge recursively, null deletes, `$patch: delete|replace|merge` on maps
 * and list elements; lists merge only where the schema's patch strategy says "merge" (by
 * list-map keys, else the patch merge key, else as a primitive set) and are otherwise
 * replaced — custom resources included. Patch elements come first, in patch order.
 * `$setElementOrder`, `$deleteFromPrimitiveList` and `$retainKeys` are not supported by
 * kustomize either: they pass through as data.
 */
import { jsonText, ownValue, setOwn, stringOf } from '../core/index.js';
import type { SchemaNode, SchemaWalker } from '../openapi/index.js';
import { BuildError } from './errors.js';
import { isMap } from './fieldspec.js';

const CLEAR = Symbol('clear');
type Merged = unknown | typeof CLEAR;

export interface SchemaCursor {
  walker: SchemaWalker | undefined;
  node: SchemaNode | undefined;
}

function child(s: SchemaCursor, key: string, isList: boolean): SchemaCursor {
  if (!s.walker || !s.node) return s;
  const resolved = s.walker.resolve(s.node);
  if (!resolved) return { walker: s.walker, node: undefined };
  return { walker: s.walker, node: s.walker.child(resolved.node, key, isList) };
}

function resolved(s: SchemaCursor): SchemaNode | undefined {
  return s.walker && s.node ? s.walker.resolve(s.node)?.node : undefined;
}

/**
 * Merges `patch` into `dest`; returns the result, or undefined when the patch deletes it.
 * `writtenNull(pointer)` says whether a null of `dest` was spelt `null` in its source.
 */
export function strategicMerge(dest: unknown, patch: unknown, schema: SchemaCursor, writtenNull: (pointer: string) => boolean = () => false): unknown {
  const r = merge(dest, patch, schema);
  return r === CLEAR ? undefined : dropNullFields(r, '', writtenNull);
}

/**
 * kyaml's merge walker treats an empty value in the resource as "no value": a field left empty
 * (`labels:`, `args:`, `namespace: ~`) disappears from every resource a strategic-merge patch
 * touched, while the maps around it stay, empty (`podAntiAffinity: {}`), as kustomize 5.5
 * prints them. A null spelt out (`creationTimestamp: null`, as controller-gen writes CRDs) is a
 * value to kyaml, and stays.
 */
function dropNullFields(v: unknown, pointer: string, writtenNull: (pointer: string) => boolean): unknown {
  if (Array.isArray(v)) v.forEach((item, i) => dropNullFields(item, `${pointer}/${i}`, writtenNull));
  else if (isMap(v)) {
    for (const [key, child] of Object.entries(v)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (child === null) {
        if (!writtenNull(at)) delete v[key];
      } else dropNullFields(child, at, writtenNull);
    }
  }
  return v;
}

function merge(dest: unknown, patch: unknown, schema: SchemaCursor): Merged {
  const sample = dest !== undefined && dest !== null ? dest : patch;
  if (Array.isArray(sample)) {
    // kyaml checks every source of a list field, merge strategy or not (as kustomize 5.5 answers).
    if (patch !== undefined && patch !== null && !Array.isArray(patch)) throw kindError('SequenceNode', patch);
    return mergeList(dest, patch, schema);
  }
  if (isMap(sample) || sample === undefined || sample === null) {
    if (patch !== undefined && patch !== null && !isMap(patch) && isMap(dest)) throw kindError('MappingNode', patch);
    return mergeMap(dest, patch, schema);
  }
  // Scalars: the patch wins when it says anything, null included (the caller deletes the field).
  if (patch !== undefined && (Array.isArray(patch) || isMap(patch))) throw kindError('ScalarNode', patch);
  return patch !== undefined ? patch : dest;
}

/** kyaml's error for a node of the wrong kind; the render's field setters use it too. */
export function kindError(expected: string, patch: unknown): BuildError {
  const got = Array.isArray(patch) ? 'SequenceNode' : isMap(patch) ? 'MappingNode' : 'ScalarNode';
  return new BuildError(`wrong node kind: expected ${expected} but got ${got}: node contents:\n${jsonText(patch)}`);
}

function mergeMap(dest: unknown, patch: unknown, schema: SchemaCursor): Merged {
  let base: Record<string, unknown>;
  let p: Record<string, unknown> | undefined;
  if (dest === undefined || dest === null) {
    if (!isMap(patch)) return patch === undefined ? dest : CLEAR;
    if (patch.$patch === 'delete') return CLEAR;
    p = withoutDirective(patch);
    base = {};
  } else {
    if (patch === null) return CLEAR;
    if (patch === undefined) return dest;
    const d = directive((patch as Record<string, unknown>).$patch);
    p = withoutDirective(patch as Record<string, unknown>);
    if (d === 'delete') return CLEAR;
    base = d === 'replace' ? {} : (dest as Record<string, unknown>);
    if (d === 'replace') return mergeMap(undefined, p, schema);
  }
  for (const key of Object.keys(p)) {
    // Own properties only: a patch's `__proto__:` key would otherwise merge into Object.prototype.
    const current = ownValue(base, key);
    const value = merge(current, p[key], child(schema, key, false));
    if (value === CLEAR || value === null || value === undefined) delete base[key];
    else setOwn(base, key, restyle(current, value));
  }
  return base;
}

/**
 * kyaml copies the old node's style onto the patch's scalar: a quoted or block string patched
 * with `5` prints as "5". Without the original styles, a string that only quoting could make
 * a string (digits, true, ...) or a multi-line one stands for "was quoted or block".
 */
function restyle(old: unknown, value: unknown): unknown {
  if (typeof old === 'string' && (typeof value === 'number' || typeof value === 'boolean') && (old.includes('\n') || /^(?:[-+]?[0-9.][0-9._eExXoObB+-]*|true|false|True|False|TRUE|FALSE|null|Null|NULL|~|)$/.test(old))) {
    return stringOf(value);
  }
  return value;
}

function directive(v: unknown): 'delete' | 'replace' | 'merge' | undefined {
  if (v === undefined) return undefined;
  if (v === 'delete' || v === 'replace' || v === 'merge') return v;
  throw new BuildError(`unknown patch strategy '${stringOf(v)}'`);
}

function withoutDirective(m: Record<string, unknown>): Record<string, unknown> {
  const { $patch: _, ...rest } = m;
  return rest;
}

function mergeKeys(schema: SchemaCursor): string[] | undefined {
  const node = resolved(schema) ?? (schema.node as SchemaNode | undefined);
  if (!node) return undefined;
  const strategy = stringOf(node['x-kubernetes-patch-strategy'] ?? '');
  if (!strategy.split(',').includes('merge')) return undefined;
  const mapKeys = node['x-kubernetes-list-map-keys'] as string[] | undefined;
  if (mapKeys?.length) return mapKeys;
  const key = node['x-kubernetes-patch-merge-key'] as string | undefined;
  return key ? [key] : [];
}

function mergeList(dest: unknown, patch: unknown, schema: SchemaCursor): Merged {
  const keys = schema.walker ? mergeKeys(schema) : undefined;
  if (keys === undefined) return patch !== undefined ? (patch === null ? CLEAR : patch) : dest;
  if (patch === undefined) return dest;
  if (patch === null) return CLEAR;
  let base: unknown[];
  let p = patch as unknown[];
  if (dest === undefined || dest === null) {
    base = [];
  } else {
    base = dest as unknown[];
    const e = p.find((el) => isMap(el) && '$patch' in el);
    if (e && Object.keys(e as object).length === 1) {
      const v = directive((e as Record<string, unknown>).$patch);
      p = p.filter((el) => !(isMap(el) && el.$patch === v) && el !== null);
      if (v === 'delete') return CLEAR;
      if (v === 'replace') base = [];
    }
  }
  const items = schema.walker ? child(schema, '0', true) : schema;
  if (keys.length === 0) {
    // A primitive set: patch values first, then the rest, without duplicates.
    const out: unknown[] = [];
    for (const v of [...p, ...base]) if (!out.some((x) => x === v)) out.push(v);
    return out;
  }
  const keyOf = (el: unknown) => (isMap(el) ? keys.map((k) => (el[k] === undefined ? '' : stringOf(el[k]))) : undefined);
  const same = (a: string[], b: string[]) => a.every((v, i) => v === b[i]);
  const result: unknown[] = [];
  const used = new Set<unknown>();
  if (keys.length === 1) {
    for (const el of p) {
      const k = keyOf(el);
      if (!k || k[0] === '') continue;
      const d = base.find((b) => { const bk = keyOf(b); return bk !== undefined && same(bk, k); });
      const v = merge(d, el, items);
      if (d !== undefined) used.add(d);
      if (v !== CLEAR && v !== undefined && !(isMap(v) && Object.keys(v).length === 0)) result.push(v);
    }
    for (const b of base) if (!used.has(b)) result.push(b);
    return result;
  }
  // Several keys (ports): new patch elements first, then every existing element in its place.
  const patchOnly: unknown[] = [];
  const merged = new Map<unknown, unknown>();
  for (const el of p) {
    const k = keyOf(el);
    if (!k) continue;
    const d = base.find((b) => { const bk = keyOf(b); return bk !== undefined && same(bk, k); });
    if (d === undefined) {
      const v = merge(undefined, el, items);
      if (v !== CLEAR && v !== undefined) patchOnly.push(v);
    } else merged.set(d, merge(d, el, items));
  }
  for (const b of base) {
    const v = merged.has(b) ? merged.get(b) : b;
    if (v !== CLEAR && v !== undefined) result.push(v);
  }
  return [...patchOnly, ...result];
}
