/**
 * Changed files -> what to check (`kubeproof check --affected`, the pre-commit hook): a file
 * some kustomization reads is checked through the overlays that build it, since what reaches
 * the cluster is their output; any other manifest is checked as it is. A base edited for three
 * overlays renders all three.
 *
 * The whole repository is scanned, not only the changed files' folders: any overlay anywhere
 * may build a base, and only a full reading of the kustomization files says which.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings } from '../core/index.js';
import { isManifestFileName, KUSTOMIZATION_FILE_NAMES } from '../load/index.js';
import { expandKustomizeRoots, looksLikeKubernetes, ownFiles, reachable, relativeTo, scanKustomizations, type KustomizationScan } from './roots.js';

export interface AffectedOptions {
  /** Where to look for kustomizations (default: the nearest folder above cwd holding .git, or cwd). */
  repoRoot?: string;
  /** --max-file-size: larger kustomization files and manifests are not read to decide (roots.ts). */
  maxFileSize?: number;
}

/**
 * What to hand to check() for these changed files, relative to cwd, sorted, each once:
 * - a file one or more kustomizations read (a resource, patch, generator input, or a
 *   kustomization file itself) -> the root kustomization directories whose builds read it;
 *   a kustomization file the scan does not reach (under a hidden folder) -> its folder;
 * - any other manifest (.yaml, .yml, .json) -> the file, checked as it is, except one lying
 *   unlisted in a kustomization's folder that does not look like Kubernetes objects (as
 *   `--kustomize-roots auto` treats it);
 * - a directory -> its roots and plain manifests, as `--kustomize-roots auto`;
 * - a file that no longer exists (deleted) or that is neither -> nothing.
 */
export function affectedTargets(files: readonly string[], cwd: string, options: AffectedOptions = {}): string[] {
  const realCwd = realOrSelf(path.resolve(cwd));
  const targets = new Set<string>();
  let index: RootIndex | undefined;
  for (const f of files) {
    const absolute = path.resolve(cwd, f);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      continue; // deleted (or a dangling link): nothing left to check
    }
    if (stat.isDirectory()) {
      for (const t of expandKustomizeRoots([absolute], cwd, options.maxFileSize)) targets.add(t);
      continue;
    }
    const real = fs.realpathSync(absolute);
    index ??= indexRoots(scanKustomizations(options.repoRoot ?? findRepoRoot(cwd), options.maxFileSize));
    const roots = index.rootsReading(real);
    if (roots.length > 0) {
      for (const r of roots) targets.add(relativeTo(realCwd, r));
    } else if (KUSTOMIZATION_FILE_NAMES.includes(path.basename(real))) {
      targets.add(relativeTo(realCwd, path.dirname(real))); // one the walk does not reach (a hidden folder): render it as it is
    } else if (isManifestFileName(real)) {
      if (index.ownerOf(real) === undefined || looksLikeKubernetes(real, options.maxFileSize)) targets.add(relativeTo(realCwd, real));
    }
  }
  return [...targets].sort(compareStrings);
}

/** The nearest folder at or above `cwd` holding `.git` (a folder, or a file in worktrees and submodules); cwd when there is none. */
export function findRepoRoot(cwd: string): string {
  const start = path.resolve(cwd);
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

interface RootIndex {
  /** Root kustomization directories whose builds read `file` (real path), sorted. */
  rootsReading(file: string): string[];
  /** The kustomization folder `file` lies in, if any. */
  ownerOf(file: string): string | undefined;
}

function indexRoots(scan: KustomizationScan): RootIndex {
  // Every kustomization the repository holds, built by some root: file -> kustomizations that read it -> roots that build those.
  const rootsOf = new Map<string, Set<string>>();
  for (const root of scan.roots) {
    for (const d of reachable(scan.nodes, root)) {
      const set = rootsOf.get(d) ?? new Set<string>();
      set.add(root);
      rootsOf.set(d, set);
    }
  }
  const readers = new Map<string, Set<string>>();
  for (const d of scan.nodes.keys()) {
    for (const f of ownFiles(scan, d)) {
      const set = readers.get(f) ?? new Set<string>();
      set.add(d);
      readers.set(f, set);
    }
  }
  const kustomizationDirs = new Set(scan.nodes.keys());
  return {
    rootsReading(file) {
      const roots = new Set<string>();
      for (const d of readers.get(file) ?? []) for (const r of rootsOf.get(d) ?? []) roots.add(r);
      return [...roots].sort(compareStrings);
    },
    ownerOf(file) {
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        if (kustomizationDirs.has(dir)) return dir;
        if (dir === scan.dir || path.dirname(dir) === dir) return undefined;
      }
    },
  };
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
