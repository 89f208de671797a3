/**
 * Kustomization roots (`--kustomize-roots auto`): in a repository holding several
 * kustomizations, the ones no other kustomization builds are what gets applied (overlays);
 * bases and components are checked through them, each overlay rendered once.
 *
 * Read statically: every kustomization file is parsed for the paths it names and nothing is
 * built, so finding the roots of a large repository costs one directory walk and a few small
 * parses. The same reference graph answers "which overlays use this file?" for pre-commit
 * (affected.ts) and "which files does this check read?" for watch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { compareStrings } from '../core/index.js';
import { isManifestFileName, isPlainObject, KUSTOMIZATION_FILE_NAMES, yamlLineBreaks } from '../load/index.js';
import { isRemote } from '../render/files.js';

/** One kustomization directory and what it reads. All paths absolute, real where they exist. */
export interface KustomizationNode {
  dir: string;
  /** Its kustomization file (two or more: kustomize refuses the directory, and so does render). */
  files: string[];
  /** Kustomization directories it builds: resources and bases that are directories, components. */
  children: string[];
  /** Other files it reads: resource files, patches, generator inputs, replacement sources. */
  reads: string[];
  /** Its file could not be read as one mapping: what it refers to is unknown, so every file below it counts as its own. */
  opaque: boolean;
}

export interface KustomizationScan {
  /** The walked directory (real path). */
  dir: string;
  /** Every kustomization found in the walk or reached from one (a base outside the walked directory too). */
  nodes: Map<string, KustomizationNode>;
  /** The kustomization directories the walk found, sorted. */
  discovered: string[];
  /** The discovered kustomizations no other kustomization builds (sorted); see findRoots for cycles. */
  roots: string[];
  /** Manifest files (.yaml, .yml, .json) the walk found, kustomization files left out; with the kustomization directory they lie in, if any. */
  manifests: { file: string; owner?: string }[];
  /** Folders the walk could not read: handed to the check as they are, so it reports them (exit 2). */
  unreadable: string[];
}

const SKIPPED_DIRS = new Set(['node_modules']);

/** Walks `dir` (hidden directories and node_modules skipped, symbolic links followed once) and reads every kustomization found. */
export function scanKustomizations(dir: string): KustomizationScan {
  const root = fs.realpathSync(dir);
  const discovered: string[] = [];
  const manifests: { file: string; owner?: string }[] = [];
  const visited = new Set<string>();
  const unreadable: string[] = [];
  const walk = (real: string, owner: string | undefined) => {
    if (visited.has(real)) return; // a symbolic link loop, or a folder reached twice
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      unreadable.push(real);
      return;
    }
    const here = entries.some((e) => KUSTOMIZATION_FILE_NAMES.includes(e.name)) ? real : owner;
    if (here === real) discovered.push(real);
    for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
      const child = path.join(real, entry.name);
      const target = entry.isSymbolicLink() ? realOrUndefined(child) : child;
      if (!target) continue;
      const stat = entry.isSymbolicLink() ? statOrUndefined(target) : undefined;
      const isDir = stat ? stat.isDirectory() : entry.isDirectory();
      const isFile = stat ? stat.isFile() : entry.isFile();
      if (isDir) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(target, here);
      } else if (isFile && isManifestFileName(entry.name) && !KUSTOMIZATION_FILE_NAMES.includes(entry.name)) {
        manifests.push(here === undefined ? { file: target } : { file: target, owner: here });
      }
    }
  };
  walk(root, undefined);

  const nodes = new Map<string, KustomizationNode>();
  const queue = [...discovered];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (nodes.has(next)) continue;
    const node = readNode(next);
    nodes.set(next, node);
    queue.push(...node.children.filter((c) => !nodes.has(c)));
  }
  discovered.sort(compareStrings);
  // A file reached through two symbolic links is one file.
  const unique = [...new Map(manifests.map((m) => [m.file, m])).values()].sort((a, b) => compareStrings(a.file, b.file));
  return { dir: root, nodes, discovered, roots: findRoots(discovered, nodes), manifests: unique, unreadable: unreadable.sort(compareStrings) };
}

/**
 * The discovered kustomizations nothing builds. Kustomizations that build each other in a
 * cycle have no such root: the first of them (sorted) is checked as one, so the cycle is
 * reported rather than silently skipped.
 */
function findRoots(discovered: readonly string[], nodes: Map<string, KustomizationNode>): string[] {
  const built = new Set<string>();
  for (const node of nodes.values()) for (const child of node.children) if (child !== node.dir) built.add(child);
  const roots = discovered.filter((d) => !built.has(d));
  const reached = new Set<string>();
  for (const r of roots) for (const d of reachable(nodes, r)) reached.add(d);
  for (const d of discovered) {
    if (reached.has(d)) continue;
    roots.push(d);
    for (const x of reachable(nodes, d)) reached.add(x);
  }
  return roots.sort(compareStrings);
}

/** Kustomization directories a build of `dir` reads, itself included. */
export function reachable(nodes: Map<string, KustomizationNode>, dir: string): string[] {
  const seen = new Set<string>();
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (seen.has(d)) continue;
    seen.add(d);
    for (const c of nodes.get(d)?.children ?? []) stack.push(c);
  }
  return [...seen];
}

/** Every file the build of kustomization `dir` reads, as far as a static reading knows. */
export function treeFiles(scan: KustomizationScan, dir: string): Set<string> {
  const files = new Set<string>();
  for (const d of reachable(scan.nodes, dir)) for (const f of ownFiles(scan, d)) files.add(f);
  return files;
}

/** The files kustomization `dir` reads itself (those of the kustomizations it builds left out). */
export function ownFiles(scan: KustomizationScan, dir: string): string[] {
  const node = scan.nodes.get(dir);
  if (!node) return [];
  const own = [...node.files, ...node.reads];
  // Opaque: what it lists is unknown, so every manifest in its folder may be among it.
  if (node.opaque) for (const m of scan.manifests) if (m.owner === dir) own.push(m.file);
  return own;
}

export interface KustomizationRoots {
  /** Root kustomization directories, absolute (real) and sorted. */
  roots: string[];
  /** Manifest files outside every kustomization tree, to check as they are; absolute and sorted. */
  plainFiles: string[];
}

/**
 * The kustomization roots under `dir`, and the manifests no kustomization reads.
 *
 * A manifest lying in a kustomization's directory that the kustomization does not list is
 * left out of every build (kustomize ignores it). It is checked as a plain file only when it
 * looks like Kubernetes objects (an `apiVersion:` and a `kind:` key): that catches a resource
 * someone forgot to list, without validating helper YAML (values, a kustomize
 * configuration, replacement snippets) as if it were applied.
 */
export function findKustomizationRoots(dir: string): KustomizationRoots {
  const scan = scanKustomizations(dir);
  return { roots: scan.roots, plainFiles: plainFiles(scan) };
}

function plainFiles(scan: KustomizationScan): string[] {
  const inTrees = new Set<string>();
  for (const d of scan.nodes.keys()) for (const f of ownFiles(scan, d)) inTrees.add(f);
  return scan.manifests.filter((m) => !inTrees.has(m.file) && (m.owner === undefined || looksLikeKubernetes(m.file))).map((m) => m.file);
}

export interface RootsPlan {
  /** What check receives: root directories and plain files, shown relative to cwd, in argument order, each once. */
  targets: string[];
  /** Absolute paths of every file those targets read (kustomization trees included): what watch watches. */
  files: string[];
}

/**
 * The user's paths with `--kustomize-roots auto` semantics: a directory becomes its roots
 * (each rendered once) plus its plain manifests; a kustomization file stands for its
 * directory; other files, `-` and paths that do not exist pass through unchanged (the check
 * reads or reports them as it always does).
 */
export function planKustomizeRoots(paths: readonly string[], cwd: string): RootsPlan {
  const targets: string[] = [];
  const seen = new Set<string>();
  const files = new Set<string>();
  const add = (shown: string, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(shown);
  };
  const realCwd = realOrUndefined(cwd) ?? path.resolve(cwd);
  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const stat = p === '-' ? undefined : statOrUndefined(absolute);
    if (!stat) {
      add(p, `given:${p}`);
      continue;
    }
    const real = fs.realpathSync(absolute);
    if (stat.isFile() && !KUSTOMIZATION_FILE_NAMES.includes(path.basename(real))) {
      add(relativeTo(realCwd, real), real);
      files.add(real);
      continue;
    }
    const scan = scanKustomizations(stat.isDirectory() ? real : path.dirname(real));
    const roots = stat.isDirectory() ? scan.roots : [path.dirname(real)];
    for (const r of roots) {
      add(relativeTo(realCwd, r), r);
      for (const f of treeFiles(scan, r)) files.add(f);
    }
    if (stat.isDirectory()) {
      for (const f of plainFiles(scan)) {
        add(relativeTo(realCwd, f), f);
        files.add(f);
      }
      for (const d of scan.unreadable) add(relativeTo(realCwd, d), d);
    }
  }
  return { targets, files: [...files].sort(compareStrings) };
}

/** `planKustomizeRoots(paths, cwd).targets`: the list to hand to check(). */
export function expandKustomizeRoots(paths: readonly string[], cwd: string): string[] {
  return planKustomizeRoots(paths, cwd).targets;
}

/** Relative to cwd when inside it ('.' for cwd itself), absolute otherwise; forward slashes. */
export function relativeTo(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  if (rel === '') return '.';
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
  return shown.split(path.sep).join('/');
}

/** An `apiVersion` and a `kind` key: at the start of a line in YAML (any indentation: List items count), anywhere when quoted (JSON). */
export function looksLikeKubernetes(file: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return true; // unreadable: let the loader say so
  }
  const has = (key: string) => new RegExp(`^[ \\t-]*${key}[ \\t]*:|"${key}"\\s*:`, 'm').test(text);
  return has('apiVersion') && has('kind');
}

export function kustomizationFilesIn(dir: string): string[] {
  return KUSTOMIZATION_FILE_NAMES.map((n) => path.join(dir, n)).filter((f) => statOrUndefined(f)?.isFile() === true);
}

function readNode(dir: string): KustomizationNode {
  const files = kustomizationFilesIn(dir);
  const node: KustomizationNode = { dir, files, children: [], reads: [], opaque: true };
  if (files.length !== 1) return node; // none (a directory built but without a kustomization) or ambiguous: render reports both
  let doc: unknown;
  try {
    const docs = parseAllDocuments(yamlLineBreaks(fs.readFileSync(files[0]!, 'utf8')));
    if (!Array.isArray(docs) || docs.length > 1 || docs.some((d) => d.errors.length > 0)) return node;
    doc = docs[0]?.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    return node;
  }
  if (!isPlainObject(doc)) return node;
  node.opaque = false;
  const children = new Set<string>();
  const reads = new Set<string>();
  const refer = (ref: unknown, mayBeDir: boolean) => {
    // Multi-line strings are inline patches or configurations, not paths.
    if (typeof ref !== 'string' || ref === '' || ref.includes('\n') || isRemote(ref)) return;
    const absolute = path.resolve(dir, ref);
    const real = realOrUndefined(absolute) ?? absolute;
    if (mayBeDir && statOrUndefined(real)?.isDirectory()) children.add(real);
    else reads.add(real);
  };
  for (const r of list(doc.resources)) refer(r, true);
  for (const r of list(doc.bases)) refer(r, true);
  for (const r of list(doc.components)) refer(r, true);
  for (const p of list(doc.patches)) if (isPlainObject(p)) refer(p.path, false);
  for (const p of list(doc.patchesJson6902)) if (isPlainObject(p)) refer(p.path, false);
  for (const p of list(doc.patchesStrategicMerge)) refer(p, false);
  for (const r of list(doc.replacements)) if (isPlainObject(r)) refer(r.path, false);
  for (const field of ['configMapGenerator', 'secretGenerator']) {
    for (const g of list(doc[field])) {
      if (!isPlainObject(g)) continue;
      for (const f of list(g.files)) if (typeof f === 'string') refer(f.includes('=') ? f.slice(f.indexOf('=') + 1) : f, false);
      for (const e of [...list(g.envs), g.env]) refer(e, false);
    }
  }
  for (const field of ['crds', 'configurations', 'generators', 'transformers', 'validators']) for (const f of list(doc[field])) refer(f, false);
  if (isPlainObject(doc.openapi)) refer(doc.openapi.path, false);
  children.delete(dir);
  node.children = [...children].sort(compareStrings);
  node.reads = [...reads].sort(compareStrings);
  return node;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function realOrUndefined(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}
