/**
 * Reading a kustomization tree: resources (files and directories with their own
 * kustomization, to any depth), legacy bases, and components, with kustomize's safety rules:
 * files stay inside their kustomization's root, no remote resources, no cycles.
 */
import * as path from 'node:path';
import { decodeSource, parseManifests } from '../load/index.js';
import { BuildError } from './errors.js';
import { isDirectory, readInRoot, refuseRemote, resolveInRoot } from './files.js';
import { stringList, type Kustomization } from './kustomization.js';
import { ResMap } from './resmap.js';
import { RenderResource } from './resource.js';

/**
 * Parses of resource files by the very bytes read. A reader that hands out the same Buffer
 * while a file is unchanged (the language server's) gets a base shared by several overlays,
 * or built again after an edit elsewhere, parsed once; bytes read afresh from the disk are
 * never the same object, so a plain build parses as before. Builds clone what they change.
 */
const parses = new WeakMap<Uint8Array, { absolute: string; parsed: ReturnType<typeof parseManifests> }>();

/** Loads the objects of one resource file, as kustomize reads them (go-yaml v3 typing). */
export function loadResourceFile(root: string, ref: string, k: Kustomization, pointer: string): RenderResource[] {
  const { absolute, bytes } = readInRoot(root, ref, k.file, pointer);
  const known = parses.get(bytes);
  let parsed = known?.absolute === absolute ? known.parsed : undefined;
  if (!parsed) {
    const decoded = decodeSource(bytes, absolute);
    if ('problem' in decoded) throw new BuildError(`${ref}: ${decoded.problem.message}`, k.file, pointer);
    parsed = parseManifests(decoded.text, absolute, { typing: 'kustomize' });
    parses.set(bytes, { absolute, parsed });
  }
  const problem = parsed.diagnostics.find((d) => d.severity === 'error') ?? parsed.diagnostics.find((d) => d.ruleId === 'not-kubernetes' || d.ruleId === 'kustomization-file');
  if (problem) {
    const what = problem.ruleId === 'not-kubernetes' ? 'missing Resource metadata (a document without apiVersion and kind)' : problem.message;
    throw new BuildError(`${ref}:${problem.line}:${problem.column}: ${what}`, k.file, pointer);
  }
  return parsed.resources.map(
    (r) => new RenderResource(structuredClone(r.object), { file: absolute, pointer: '', locate: (p) => r.source.locate(p) }),
  );
}

export interface BuildContext {
  /** Kustomization directories being built, outermost first: for cycle detection. */
  chain: string[];
  build(dir: string, chain: string[], from: { file: string; pointer: string }): ResMap;
}

/** The `resources` (and legacy `bases`) of a kustomization, in order. */
export function accumulateResources(k: Kustomization, ctx: BuildContext): ResMap {
  const out = new ResMap();
  const entries = [...stringList(k, 'resources').map((r, i) => ({ ref: r, pointer: `/resources/${i}` })), ...stringList(k, 'bases').map((r, i) => ({ ref: r, pointer: `/bases/${i}` }))];
  for (const { ref, pointer } of entries) {
    refuseRemote(ref, k.file, pointer);
    refuseEmptyRoot(ref, k, pointer);
    const target = resolveInRoot(k.dir, ref, k.file, pointer);
    if (isDirectory(target)) {
      out.appendAll(buildChild(target, k, ctx, pointer), { file: k.file, pointer });
    } else {
      out.appendAll(loadResourceFile(k.dir, ref, k, pointer), { file: k.file, pointer });
    }
  }
  return out;
}

function buildChild(dir: string, k: Kustomization, ctx: BuildContext, pointer: string): ResMap {
  return ctx.build(dir, enterRoot(dir, ctx.chain, k, pointer), { file: k.file, pointer });
}

/**
 * The chain of roots being built once `dir` joins it, as kustomize's loader.New allows a new root
 * (api/internal/loader/fileloader.go): it refuses a root that is, or contains, one being built,
 * so an overlay inside its own base's directory is a cycle too. `wrap` gives a field's own
 * wording around the loader's message (components say `loader.New "..."`).
 */
export function enterRoot(dir: string, chain: string[], k: Kustomization, pointer: string, wrap: (message: string) => string = (m) => m): string[] {
  const visited = chain.find((v) => v === dir || v.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
  if (visited !== undefined) {
    const cycle = [...chain.slice(chain.indexOf(visited)), dir].map((d) => path.relative(process.cwd(), d) || '.').join(' -> ');
    const message = `cycle detected: candidate root '${dir}' contains visited root '${chain.includes(dir) ? chain[chain.length - 1] : visited}'`;
    throw new BuildError(`${wrap(message)} (${cycle})`, k.file, pointer);
  }
  return [...chain, dir];
}

/** kustomize's loader.New refuses an empty path before it looks at the disk (api/internal/loader/fileloader.go). */
export function refuseEmptyRoot(ref: string, k: Kustomization, pointer: string, wrap: (message: string) => string = (m) => m): void {
  if (ref === '') throw new BuildError(wrap('new root cannot be empty'), k.file, pointer);
}
