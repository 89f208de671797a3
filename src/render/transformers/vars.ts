/**
 * `vars:` (kustomize v5): `$(NAME)` in the varReference fields replaced by a field of the
 * object a var names. Follows api/types/var.go, api/internal/accumulator/resaccumulator.go
 * (MergeVars, findVarValueFromResources, ResolveVars), refvartransformer.go,
 * api/filters/refvar/refvar.go and its expansion (the Kubernetes $(VAR) syntax).
 *
 * A var is tied to its object when the kustomization declaring it has run its transformers
 * (by the object's current or any earlier name); its value is read at the very end, after
 * hash suffixes and name references, so it sees the final name.
 */
import { ownValue, setOwn } from '../../core/index.js';
import { isPlainObject } from '../../load/index.js';
import { BuildError } from '../errors.js';
import { isMap, specMatches, walkPath, type FieldSpec } from '../fieldspec.js';
import type { Kustomization } from '../kustomization.js';
import { describeId, type RenderResource } from '../resource.js';
import { isClusterScoped } from './namespace.js';

export interface Var {
  name: string;
  objref: { apiVersion: string; group: string; version: string; kind: string; name: string; namespace: string };
  /** As written: '' when missing (kustomize prints it so before defaulting). */
  fieldPath: string;
  /** Where it is declared: the kustomization file and the entry's pointer, for errors found at the top. */
  file: string;
  pointer: string;
}

/** kustomize's Gvk.String(): `Kind.version.group`, each missing part shown as [noKind], [noVer], [noGrp]. */
function gvkString(group: string, version: string, kind: string): string {
  return `${kind || '[noKind]'}.${version || '[noVer]'}.${group || '[noGrp]'}`;
}

/** How Go's %v prints a types.Var: before defaulting (`merging vars` errors) or after (resolution errors). */
function describe(v: Var, defaulted: boolean): string {
  const [group, version] = defaulted ? groupVersion(v) : [v.objref.group, v.objref.version];
  return `{${v.name} ${gvkString(group, version, v.objref.kind)} {${defaulted ? v.fieldPath || 'metadata.name' : v.fieldPath}}}`;
}

/** The objref's group and version: its apiVersion when given (Target.GVK()). */
function groupVersion(v: Var): [string, string] {
  if (v.objref.apiVersion === '') return [v.objref.group, v.objref.version];
  const slash = v.objref.apiVersion.indexOf('/');
  return slash === -1 ? ['', v.objref.apiVersion] : [v.objref.apiVersion.slice(0, slash), v.objref.apiVersion.slice(slash + 1)];
}

export function parseVars(k: Kustomization): Var[] {
  const list = k.fields.vars;
  if (list == null) return [];
  if (!Array.isArray(list)) throw new BuildError('invalid Kustomization: json: cannot unmarshal into Go struct field Kustomization.vars (must be a list)', k.file, '/vars');
  return list.map((entry, i) => {
    if (!isPlainObject(entry)) throw new BuildError('invalid Kustomization: json: cannot unmarshal into Go struct field Kustomization.vars (each entry must be a mapping)', k.file, `/vars/${i}`);
    refuseUnknown(entry, ['name', 'objref', 'fieldref'], k, i);
    const ref = isPlainObject(entry.objref) ? entry.objref : {};
    const field = isPlainObject(entry.fieldref) ? entry.fieldref : {};
    refuseUnknown(ref, ['apiversion', 'group', 'version', 'kind', 'name', 'namespace'], k, i);
    refuseUnknown(field, ['fieldpath'], k, i);
    const str = (x: unknown) => (typeof x === 'string' ? x : '');
    return {
      name: str(entry.name),
      objref: { apiVersion: str(ref.apiVersion ?? ref.apiversion), group: str(ref.group), version: str(ref.version), kind: str(ref.kind), name: str(ref.name), namespace: str(ref.namespace) },
      fieldPath: str(Object.entries(field).find(([key]) => key.toLowerCase() === 'fieldpath')?.[1]),
      file: k.file,
      pointer: `/vars/${i}`,
    };
  });
}

/** The Kustomization's strict decoding: Go's encoding/json matches known keys whatever their case. */
function refuseUnknown(entry: Record<string, unknown>, known: readonly string[], k: Kustomization, i: number): void {
  const unknown = Object.keys(entry).find((key) => !known.includes(key.toLowerCase()));
  if (unknown !== undefined) throw new BuildError(`invalid Kustomization: json: unknown field ${JSON.stringify(unknown)}`, k.file, `/vars/${i}`);
}

/**
 * ResAccumulator.MergeVars: ties each var to the one resource it names (by any of its ids;
 * group, version, kind and name exactly; the namespace too when the objref gives one or the
 * kind is cluster-scoped), then adds the vars to the set, a name seen before being an error.
 */
export function mergeVars(set: Map<string, Var>, incoming: Var[], resources: RenderResource[], k: Kustomization): void {
  const shown = () => `merging vars [${incoming.map((v) => describe(v, false)).join(' ')}]`;
  for (const v of incoming) {
    const [group, version] = groupVersion(v);
    const matched = resources.filter((r) => {
      if (r.group !== group || r.version !== version || r.kind !== v.objref.kind) return false;
      const ids = [{ name: r.name, namespace: r.namespace }, ...r.previousIds];
      const strictNs = v.objref.namespace !== '' || isClusterScoped(r);
      return ids.some((id) => id.name === v.objref.name && (!strictNs || (id.namespace ?? 'default') === (v.objref.namespace || 'default')));
    });
    if (matched.length > 1) throw new BuildError(`${shown()}: found ${matched.length} resId matches for var ${describe(v, false)} (unable to disambiguate)`, k.file, '/vars');
    if (matched.length === 1) matched[0]!.refVarNames.push(v.name);
  }
  for (const v of incoming) {
    if (set.has(v.name)) throw new BuildError(`${shown()}: var '${v.name}' already encountered`, k.file, '/vars');
    set.set(v.name, v);
  }
}

/** A base's vars joining the including kustomization's (VarSet.MergeSet, in kusttarget.go accumulateDirectory's words). */
export function mergeVarSet(into: Map<string, Var>, incoming: Map<string, Var>, dir: string, from: { file: string; pointer: string }): void {
  for (const v of incoming.values()) {
    if (into.has(v.name)) throw new BuildError(`recursed merging from path '${dir}': var '${v.name}' already encountered`, from.file, from.pointer);
    into.set(v.name, v);
  }
}

/** ResAccumulator.ResolveVars: each var's value, then every varReference field rewritten. */
export function resolveVars(resources: RenderResource[], set: Map<string, Var>, specs: readonly FieldSpec[]): void {
  const values = new Map<string, unknown>();
  for (const v of [...set.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const holder = resources.find((r) => r.refVarNames.includes(v.name));
    if (!holder) throw new BuildError(`var '${describe(v, true)}' cannot be mapped to a field in the set of known resources`, v.file, `${v.pointer}/objref`);
    const found = lookup(holder.object, v.fieldPath || 'metadata.name');
    if (found === undefined) throw new BuildError(`field specified in var '${describe(v, true)}' not found in corresponding resource`, v.file, `${v.pointer}/fieldref`);
    values.set(v.name, found);
  }
  if (values.size === 0) return;
  const expand = (s: string) => doReplacements(s, values);
  for (const r of resources) {
    for (const spec of specs) {
      if (!specMatches(spec, r)) continue;
      walkPath(r.object, spec.path, false, (parent, key) => {
        const node = ownValue(parent, key);
        if (typeof node === 'string') setOwn(parent, key, expand(node));
        else if (isMap(node)) {
          for (const [k, x] of Object.entries(node)) if (typeof x === 'string') node[k] = expand(x);
        } else if (Array.isArray(node)) {
          node.forEach((x, i) => {
            if (typeof x !== 'string') throw new BuildError(`considering field '${spec.path}' of object ${describeId(r)}: visit traversal on path: [${spec.path.split('/').pop()}]: invalid value type expect a string`, r.origin.file);
            node[i] = expand(x);
          });
        }
      });
    }
  }
}

/**
 * The Kubernetes $(VAR) expansion (third_party/forked/golang/expansion): `$$` is a literal `$`,
 * an unknown or unterminated reference stays as written, and a string that is exactly one
 * reference takes the value with its type.
 */
export function doReplacements(input: string, values: ReadonlyMap<string, unknown>): unknown {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close === -1) out += '$(';
      else {
        const name = rest.slice(1, close);
        const mapped = values.has(name) ? values.get(name) : `$(${name})`;
        if (input === `$(${name})`) return mapped;
        out += String(mapped);
        advance = close + 1;
      }
    } else out += '$' + rest[0];
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** A fieldref path (`spec.ports[0].port`, `spec.list.[name=x].value`, `a.0.b`): kyaml's GetFieldValue. */
function lookup(object: unknown, path: string): unknown {
  const segments = (path.match(/\[[^\]]*\]|[^.[\]]+(\[\d+\])?/g) ?? []).flatMap((s) => {
    const m = /^(.+)\[(\d+)\]$/.exec(s);
    return m ? [m[1]!, m[2]!] : [s];
  });
  let node: unknown = object;
  for (const seg of segments) {
    if (Array.isArray(node)) {
      const kv = /^\[([^=]+)=(.*)\]$/.exec(seg);
      if (kv) node = node.find((el) => isMap(el) && String(el[kv[1]!]) === kv[2]);
      else if (/^\d+$/.test(seg)) node = node[Number(seg)];
      else return undefined;
    } else if (isMap(node)) node = node[seg];
    else return undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

/** kustomize's default varReference field specs (api/konfig/builtinpluginconsts/varreference.go). */
const CONTAINER_FIELDS = ['containers/args', 'containers/command', 'containers/env/value', 'containers/volumeMounts/mountPath', 'initContainers/args', 'initContainers/command', 'initContainers/env/value', 'initContainers/volumeMounts/mountPath', 'volumes/nfs/server'];
const podFields = (kind: string, prefix: string): FieldSpec[] => CONTAINER_FIELDS.map((f) => ({ kind, path: prefix + f }));
export const VAR_REFERENCE: readonly FieldSpec[] = [
  ...podFields('CronJob', 'spec/jobTemplate/spec/template/spec/'),
  ...podFields('DaemonSet', 'spec/template/spec/'),
  ...podFields('Deployment', 'spec/template/spec/'),
  { kind: 'Ingress', path: 'spec/rules/host' },
  { kind: 'Ingress', path: 'spec/tls/hosts' },
  { kind: 'Ingress', path: 'spec/tls/secretName' },
  ...podFields('Job', 'spec/template/spec/'),
  ...podFields('Pod', 'spec/'),
  ...podFields('ReplicaSet', 'spec/template/spec/'),
  { kind: 'Service', path: 'spec/ports/port' },
  { kind: 'Service', path: 'spec/ports/targetPort' },
  ...podFields('StatefulSet', 'spec/template/spec/').filter((s) => !s.path.endsWith('volumes/nfs/server')),
  { kind: 'StatefulSet', path: 'spec/volumeClaimTemplates/spec/nfs/server' },
  { kind: 'PersistentVolume', path: 'spec/nfs/server' },
  { path: 'metadata/labels' },
  { path: 'metadata/annotations' },
];
