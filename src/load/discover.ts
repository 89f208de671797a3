/**
 * Turns command-line paths into the list of files to read: directories are walked
 * recursively for *.yaml, *.yml and *.json, skipping hidden folders and node_modules;
 * symlinked folders are followed once (a loop is walked only once); the result is
 * sorted and free of duplicates, so output never depends on the file system's order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareStrings, KubeproofError } from '../core/index.js';

export interface FoundFile {
  /** Absolute path used to read the file. */
  absolute: string;
  /** Path shown in diagnostics. */
  display: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Missing or unreadable paths: fatal for the run (exit 2), but the other files are still checked. */
  errors: KubeproofError[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRS = new Set(['node_modules']);
/** kubeproof's own config files, never manifests: left out when a directory is walked. */
const CONFIG_FILES = new Set(['kubeproof.yaml', '.kubeproof.yaml']);

export function isManifestFileName(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Relative to cwd when inside it, absolute otherwise; always with forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  const shown = rel === '' ? path.basename(absolute) : rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
  return shown.split(path.sep).join('/');
}

/** Which files to read (config include/exclude); absent: all of them. */
export type PathFilter = (absolute: string) => boolean;

export function discoverFiles(paths: readonly string[], cwd: string, filter?: PathFilter): Discovery {
  const errors: KubeproofError[] = [];
  const byRealPath = new Map<string, FoundFile>();
  const visitedDirs = new Set<string>();
  const realCwd = realpathOr(cwd);

  const addFile = (absolute: string) => {
    if (filter && !filter(absolute)) return;
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch (err) {
      errors.push(inputError(displayPath(absolute, cwd), err));
      return;
    }
    // Show the file a person has to edit: its real path when that lies under the working directory.
    const realRel = path.relative(realCwd, real);
    const insideCwd = !realRel.startsWith('..') && !path.isAbsolute(realRel);
    const found = insideCwd ? { absolute: real, display: realRel.split(path.sep).join('/') } : { absolute, display: displayPath(absolute, cwd) };
    const seen = byRealPath.get(real);
    if (!seen || compareStrings(found.display, seen.display) < 0) byRealPath.set(real, found);
  };

  const walk = (dir: string) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (err) {
      errors.push(inputError(displayPath(dir, cwd), err));
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(inputError(displayPath(dir, cwd), err));
      return;
    }
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statOrUndefined(child);
        // A dangling link with a manifest name is a file we were asked to check and cannot read.
        if (!target) {
          if (isManifestFileName(entry.name)) errors.push(inputError(displayPath(child, cwd), brokenLink(child)));
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if (isFile && isManifestFileName(entry.name) && !CONFIG_FILES.has(entry.name)) {
        addFile(child);
      }
    }
  };

  for (const p of paths) {
    const absolute = path.resolve(cwd, p);
    const stat = statOrUndefined(absolute);
    if (!stat) {
      errors.push(new KubeproofError('INPUT', `${p}: no such file or directory`));
    } else if (stat.isDirectory()) {
      walk(absolute);
    } else {
      // A file named explicitly is read whatever its extension: the user asked for it.
      addFile(absolute);
    }
  }

  const files = [...byRealPath.values()].sort((a, b) => compareStrings(a.display, b.display));
  return { files, errors };
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function brokenLink(p: string): Error {
  return Object.assign(new Error(`symbolic link points to a missing target`), { code: 'ENOENT', path: p });
}

/** One line, no stack: what the operating system said, in words. */
export function inputError(shown: string, err: unknown): KubeproofError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'ENOENT'
      ? (err as Error).message.includes('symbolic link')
        ? 'symbolic link points to a missing target'
        : 'no such file or directory'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'ELOOP'
            ? 'too many levels of symbolic links'
            : (err as Error | undefined)?.message ?? String(err);
  return new KubeproofError('INPUT', `${shown}: cannot read: ${reason}`, { cause: err });
}
