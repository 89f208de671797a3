/**
 * The workspace as the checks need it: its manifest files, its kustomization directories, and
 * which kustomizations refer to which (so that a file in a base is checked through the overlays
 * that build it). Walked once, again only after files were created or deleted; the references
 * are re-read only when a kustomization file changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeSource, isDirectory, isManifestFileName, isPlainObject, KUSTOMIZATION_FILE_NAMES, parsePlainDocuments, realPathOr } from '../load/index.js';
import { isKustomizationFileName } from './paths.js';
import type { Sources } from './sources.js';

/** Folders a walk skips, as the loader's directory walk does: hidden ones and node_modules. */
const SKIPPED_DIRS = new Set(['node_modules']);

interface Walked {
  manifests: string[];
  manifestSet: Set<string>;
  kustomizationFiles: string[];
  plain: string[];
}

interface Graph {
  /** Kustomization file -> its stamp when the graph was built. */
  stamps: Map<string, string | undefined>;
  /** Kustomization directory -> the kustomization directories whose resources, bases or components name it. */
  parents: Map<string, Set<string>>;
}

export class Workspace {
  private folders: string[];
  private walked: Walked | undefined;
  private graph: Graph | undefined;

  constructor(folders: readonly string[], private readonly sources: Sources) {
    this.folders = [...folders];
  }

  setFolders(folders: readonly string[]): void {
    this.folders = [...folders];
    this.invalidate();
  }

  /** The workspace folder holding `file` (the deepest), or undefined: what path completion stays within. */
  folderOf(file: string): string | undefined {
    return this.folders.filter((f) => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  /** Files were created or deleted: walk again before the next use. */
  invalidate(): void {
    this.walked = undefined;
    this.graph = undefined;
  }

  /** Whether the last walk saw `file`, or would never have (it lies outside every folder): if not, the walk is out of date. */
  knows(file: string): boolean {
    const walked = this.walk();
    if (!walked.manifestSet.has(file)) return !this.folders.some((f) => file.startsWith(realPathOr(f) + path.sep));
    return true;
  }

  /** Manifest files (real paths) in the workspace folders, kustomization files included. */
  manifestFiles(): readonly string[] {
    return this.walk().manifests;
  }

  /**
   * Manifests outside every kustomization tree: the context of a plain file's cross-resource
   * rules. Files under a kustomization directory belong to its builds, checked as rendered.
   */
  plainFiles(): readonly string[] {
    return this.walk().plain;
  }

  /** The directories at or above `file` that hold a kustomization: kustomize lets a build read only files in or below its directory. */
  kustomizationDirsAbove(file: string): string[] {
    const dirs: string[] = [];
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      if (this.hasKustomization(dir)) dirs.push(dir);
      if (path.dirname(dir) === dir) break;
    }
    return dirs;
  }

  /**
   * The kustomization directories whose build may read `file`: the top-level ones (overlays,
   * which no other kustomization refers to) above each kustomization directory that holds it.
   */
  rootsFor(file: string): string[] {
    const start = this.kustomizationDirsAbove(file);
    const { parents } = this.currentGraph();
    const roots = new Set<string>();
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length > 0) {
      const dir = queue.pop()!;
      if (seen.has(dir)) continue;
      seen.add(dir);
      const up = parents.get(dir);
      if (!up || up.size === 0) roots.add(dir);
      else queue.push(...up);
    }
    // A cycle with no way out has no top: build what holds the file, and let the build report the cycle.
    if (roots.size === 0) for (const dir of start) roots.add(dir);
    return [...roots].sort();
  }

  /** The kustomization directories of the workspace that no other one builds on: its overlays. */
  topLevelDirs(): string[] {
    const { parents } = this.currentGraph();
    return this.walk()
      .kustomizationFiles.map((f) => path.dirname(f))
      .filter((dir) => (parents.get(dir)?.size ?? 0) === 0);
  }

  /** Whether `dir` is a kustomization directory no other kustomization of the workspace builds on. */
  isTopLevel(dir: string): boolean {
    return this.hasKustomization(dir) && (this.currentGraph().parents.get(dir)?.size ?? 0) === 0;
  }

  private hasKustomization(dir: string): boolean {
    return KUSTOMIZATION_FILE_NAMES.some((n) => this.sources.stamp(path.join(dir, n)) !== undefined);
  }

  private walk(): Walked {
    if (this.walked) return this.walked;
    const manifests: string[] = [];
    const visited = new Set<string>();
    const visit = (dir: string) => {
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        return;
      }
      if (visited.has(real)) return; // a symbolic link loop, or a folder inside another folder
      visited.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(real, { withFileTypes: true });
      } catch {
        return; // unreadable: nothing of it can be checked anyway
      }
      for (const e of entries) {
        const full = path.join(real, e.name);
        const isDir = e.isDirectory() || (e.isSymbolicLink() && isDirectory(full));
        if (isDir) {
          if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) visit(full);
        } else if (isManifestFileName(e.name) || KUSTOMIZATION_FILE_NAMES.includes(e.name)) {
          manifests.push(e.isSymbolicLink() ? realPathOr(full) : full);
        }
      }
    };
    for (const folder of this.folders) visit(folder);
    const unique = [...new Set(manifests)].sort();
    const kustomizationFiles = unique.filter((f) => isKustomizationFileName(f));
    // Set lookups, not a stat per file and ancestor: the disk is asked only about what lies above each folder.
    const treeDirs = new Set(kustomizationFiles.map((f) => path.dirname(f)));
    const folderInTree = new Map(this.folders.map((f) => realPathOr(f)).map((f) => [f, this.kustomizationDirsAbove(f).length > 0]));
    const inTree = (file: string): boolean => {
      for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        if (treeDirs.has(dir)) return true;
        const above = folderInTree.get(dir);
        if (above !== undefined) return above;
        if (path.dirname(dir) === dir) return false;
      }
    };
    const plain = unique.filter((f) => !isKustomizationFileName(f) && !inTree(f));
    this.walked = { manifests: unique, manifestSet: new Set(unique), kustomizationFiles, plain };
    return this.walked;
  }

  /** The references between kustomizations, rebuilt when any kustomization file changed (saved or edited). */
  private currentGraph(): Graph {
    const files = this.walk().kustomizationFiles;
    if (this.graph && files.every((f) => this.graph!.stamps.get(f) === this.sources.stamp(f))) return this.graph;
    const graph: Graph = { stamps: new Map(), parents: new Map() };
    for (const file of files) {
      graph.stamps.set(file, this.sources.stamp(file));
      const dir = path.dirname(file);
      for (const child of this.referencedDirs(file)) {
        if (!graph.parents.has(child)) graph.parents.set(child, new Set());
        graph.parents.get(child)!.add(dir);
      }
    }
    this.graph = graph;
    return graph;
  }

  /** The directories a kustomization builds on: its resources, bases and components that are directories. */
  private referencedDirs(file: string): string[] {
    let decoded: ReturnType<typeof decodeSource>;
    try {
      decoded = decodeSource(this.sources.read(file), file);
    } catch {
      return []; // unreadable now: its build reports it
    }
    const fields = 'text' in decoded ? parsePlainDocuments(decoded.text, file, { typing: 'kustomize' }).documents[0]?.value : undefined;
    if (!isPlainObject(fields)) return [];
    const dir = path.dirname(file);
    const refs = ['resources', 'bases', 'components'].flatMap((k) => (Array.isArray(fields[k]) ? (fields[k] as unknown[]) : []));
    // Remote references (URLs, git) name no directory here, so they drop out with the files.
    return refs
      .filter((r): r is string => typeof r === 'string')
      .map((r) => realPathOr(path.resolve(dir, r)))
      .filter((p) => p !== dir && isDirectory(p));
  }
}

