/** The load stage: paths (and stdin) -> resources with source positions, plus load diagnostics. */
import * as fs from 'node:fs';
import type { CheckedFile, Diagnostic, KubeproofError, Resource } from '../core/index.js';
import { decodeSource } from './decode.js';
import * as path from 'node:path';
import { discoverFiles, displayPath, inputError } from './discover.js';
import { KUSTOMIZATION_FILE_NAMES, patchFilesOf } from './kustomize-refs.js';
import { parseManifests, type ParseOptions } from './parse.js';
import { problem } from './problem.js';

export { loadProblemMetas, loadProblems, type LoadProblemId } from './problems.js';
export { parseManifests, DEFAULT_MAX_DEPTH } from './parse.js';
export { discoverFiles, displayPath, isManifestFileName } from './discover.js';
export { isPlainObject } from './identify.js';

export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;
export const STDIN_PATH = '-';

export interface LoadOptions extends ParseOptions {
  /** Directory that relative paths and displayed paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** Reads standard input when a path is `-` (default: file descriptor 0). */
  readStdin?: () => Uint8Array;
  /** Name shown for standard input (default `<stdin>`). */
  stdinFilename?: string;
  /** Files larger than this many bytes are refused with a diagnostic (default 64 MiB). */
  maxFileSize?: number;
}

export interface LoadResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  /** Paths that could not be read at all: the run fails with exit code 2, after checking the rest. */
  errors: KubeproofError[];
}

export function loadPaths(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const result: LoadResult = { resources: [], diagnostics: [], files: [], errors: [] };
  const add = (file: string, parsed: { resources: Resource[]; diagnostics: Diagnostic[] }) => {
    result.resources.push(...parsed.resources);
    result.diagnostics.push(...parsed.diagnostics);
    result.files.push({ file, resources: parsed.resources.map((r) => r.id) });
  };

  if (paths.includes(STDIN_PATH)) {
    const file = options.stdinFilename ?? '<stdin>';
    add(file, loadBytes((options.readStdin ?? (() => fs.readFileSync(0)))(), file, options));
  }
  const discovery = discoverFiles(paths.filter((p) => p !== STDIN_PATH), cwd);
  result.errors.push(...discovery.errors);
  const patches = patchFilesOf(discovery.files.filter((f) => KUSTOMIZATION_FILE_NAMES.includes(path.basename(f.absolute))).map((f) => f.absolute));
  for (const found of discovery.files) {
    const usedBy = patches.get(found.absolute);
    if (usedBy) {
      const note = `skipped: a patch used by ${displayPath(usedBy, cwd)} (checked when that overlay is rendered)`;
      add(found.display, { resources: [], diagnostics: [problem('kustomize-patch', found.display, note)] });
      continue;
    }
    let bytes: Buffer;
    try {
      const size = fs.statSync(found.absolute).size;
      const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      if (size > limit) {
        add(found.display, { resources: [], diagnostics: [problem('file-too-large', found.display, `file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit (--max-file-size)`)] });
        continue;
      }
      bytes = fs.readFileSync(found.absolute);
    } catch (err) {
      result.errors.push(inputError(found.display, err));
      continue;
    }
    add(found.display, loadBytes(bytes, found.display, options));
  }
  return result;
}

/** One file's bytes -> resources and diagnostics. */
export function loadBytes(bytes: Uint8Array, file: string, options: ParseOptions = {}) {
  const decoded = decodeSource(bytes, file);
  if ('problem' in decoded) return { resources: [] as Resource[], diagnostics: [decoded.problem] };
  try {
    return parseManifests(decoded.text, file, options);
  } catch (err) {
    // A bug on one file must not hide the findings in the others.
    const message = `internal error while reading this file: ${err instanceof Error ? err.message : String(err)}`;
    return { resources: [] as Resource[], diagnostics: [problem('internal-error', file, message)] };
  }
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
