/**
 * kustomize's field specs: "for resources of this group/version/kind, the field at this path".
 * A path walks maps by key and every element of a list; `create` makes missing maps.
 */
import { isMap, ownValue, setOwn } from '../core/index.js';
import type { RenderResource } from './resource.js';

export interface FieldSpec {
  group?: string;
  version?: string;
  kind?: string;
  path: string;
  create?: boolean;
}

export function specMatches(spec: FieldSpec, r: RenderResource): boolean {
  return (spec.group === undefined || spec.group === r.group) && (spec.version === undefined || spec.version === r.version) && (spec.kind === undefined || spec.kind === r.kind);
}

/** Segments of a field-spec path: `/` separates, `\/` is a slash inside a key, `x[]` (kept as written) is the list x. */
const splitCache = new Map<string, string[]>();

export function splitPath(path: string): string[] {
  let cached = splitCache.get(path);
  if (!cached) splitCache.set(path, (cached = splitPathUncached(path)));
  return cached;
}

function splitPathUncached(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && path[i + 1] === '/') {
      cur += '/';
      i++;
    } else if (path[i] === '/') {
      out.push(cur);
      cur = '';
    } else cur += path[i];
  }
  out.push(cur);
  return out.filter((s) => s !== '');
}

/** `parent[key]` may be missing, and `key` may be `__proto__`: visitors read and write it with ownValue/setOwn. */
type Visitor = (parent: Record<string, unknown>, key: string, pointer: string) => void;

/**
 * Calls `visit` for every place the path reaches (lists fan out); with `create`, missing maps
 * on the way and at the end are made.
 */
export function walkPath(root: Record<string, unknown>, path: string, create: boolean, visit: Visitor): void {
  const segments = splitPath(path);
  const step = (node: unknown, i: number, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((el, j) => step(el, i, `${pointer}/${j}`));
      return;
    }
    if (!isMap(node)) return;
    const segment = segments[i]!;
    const isList = segment.endsWith('[]');
    const key = isList ? segment.slice(0, -2) : segment;
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    // Own keys only (core/own-key.ts): a path through `__proto__` must not reach Object.prototype.
    const value = ownValue(node, key);
    if (i === segments.length - 1) {
      if (value === undefined && !create) return;
      visit(node, key, childPointer);
      return;
    }
    if (value === undefined || value === null) {
      // A missing list (`x[]`) is never made: kyaml's PathGetter creates maps, not sequences,
      // so commonLabels do not give a StatefulSet without claims a volumeClaimTemplates.
      if (!create || isList) return;
      setOwn(node, key, {});
    }
    step(ownValue(node, key), i + 1, childPointer);
  };
  step(root, 0, '');
}

export { isMap };
