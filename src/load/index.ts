/** The load stage: paths (and stdin) -> resources with source positions, plus load diagnostics. */
import * as path from 'node:path';
import { appendAll, compareStrings, type CheckedFile, type Diagnostic, type KubeproofError, type Resource } from '../core/index.js';
import { discoverFiles, displayPath, type FoundFile, type PathFilter } from './discover.js';
import { KUSTOMIZATION_FILE_NAMES, patchFilesOf, type PatchFiles } from './kustomize-refs.js';
import { HelmCharts } from './helm-chart.js';
import type { LoadProblemId } from './problems.js';
import { DEFAULT_MAX_FILE_SIZE, loadBytes, tooLarge, type FileLoadOptions, type LoadedFile } from './load-file.js';
import { defaultJobs, loadFilesParallel } from './parallel.js';
import type { DocumentStage } from './stage.js';
import { problem } from './problem.js';
import { readAtMost } from './read-bounded.js';
import type { SourceText } from './source-text.js';

export { loadProblemMetas, loadProblems, type LoadProblemId } from './problems.js';
export { parseManifests, parsePlainDocuments, DEFAULT_MAX_DEPTH, type PlainDocument, type ParseOptions } from './parse.js';
export { decodeSource, yamlLineBreaks } from './decode.js';
export { KUSTOMIZATION_FILE_NAMES } from './kustomize-refs.js';
export type { ScalarTyping } from './yaml-schema.js';
export { discoverFiles, displayPath, isManifestFileName, type PathFilter } from './discover.js';
export { isPlainObject } from './identify.js';
export { isDirectory, realPathOr } from './fs-safe.js';
export { loadBytes, DEFAULT_MAX_FILE_SIZE, formatBytes, tooLargeMessage, type LoadedFile } from './load-file.js';
export { SourceText } from './source-text.js';
export { readSchemaCatalog, type CatalogSchema } from './schema-catalog.js';

export const STDIN_PATH = '-';

export interface LoadOptions extends FileLoadOptions {
  /** Directory that relative paths and displayed paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /**
   * Reads standard input when a path is `-` (default: file descriptor 0, read once). Given the
   * size limit, it need not read more than one byte past it: more than `limit` bytes are refused.
   */
  readStdin?: (limit: number) => Uint8Array;
  /** Name shown for standard input (default `<stdin>`). */
  stdinFilename?: string;
  /** Which files to read (the config's include/exclude); absent: every manifest found. */
  pathFilter?: PathFilter;
  /** Threads to parse on (default: one per core; 1 keeps everything on this thread). Small inputs always use one. */
  jobs?: number;
  /** Told how many bytes of files are about to be parsed, before the first is (the CLI tunes V8's heap for large inputs). */
  beforeParse?: (bytes: number) => void;
  /** A later stage run on each resource as it is parsed, on whichever thread parses it (load/stage.ts). */
  stage?: DocumentStage;
  /** Inputs smaller than this many bytes load on one thread (default PARALLEL_THRESHOLD_BYTES: tests lower it). */
  parallelThresholdBytes?: number;
}

export interface LoadResult {
  resources: Resource[];
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  /** Paths that could not be read at all: the run fails with exit code 2, after checking the rest. */
  errors: KubeproofError[];
  /**
   * The decoded text of every file read, by displayed path, or undefined for one that could not
   * be read or decoded: what the suppression comments are read from afterwards, so no file is
   * read twice (a FIFO or standard input can be read once; /dev/zero would never end).
   */
  texts: Map<string, SourceText | undefined>;
}

/** Standard input, read once and never more than one byte past `limit`. */
export function readStdin(limit: number): Uint8Array {
  return readAtMost(0, limit + 1);
}

export function loadPaths(paths: readonly string[], options: LoadOptions = {}): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const result: LoadResult = { resources: [], diagnostics: [], files: [], errors: [], texts: new Map() };
  const add = (loaded: LoadedFile) => {
    result.texts.set(loaded.file, loaded.source);
    if (loaded.error) {
      result.errors.push(loaded.error);
      return;
    }
    appendAll(result.resources, loaded.resources);
    appendAll(result.diagnostics, loaded.diagnostics);
    result.files.push({ file: loaded.file, resources: loaded.resources.map((r) => r.id) });
  };

  if (paths.includes(STDIN_PATH)) {
    const file = options.stdinFilename ?? '<stdin>';
    const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const bytes = (options.readStdin ?? readStdin)(limit);
    // A bounded read stops one byte past the limit; a reader that gave more gave all, and its size is known.
    const size = bytes.length === limit + 1 ? undefined : bytes.length;
    add(bytes.length > limit ? tooLarge(file, size, options, 'standard input') : loadBytes(bytes, file, options));
  }
  const discovery = discoverFiles(paths.filter((p) => p !== STDIN_PATH), cwd, options.pathFilter);
  result.errors.push(...discovery.errors);
  const patches = patchFilesOf(discovery.files.filter((f) => KUSTOMIZATION_FILE_NAMES.includes(path.basename(f.absolute))).map((f) => f.absolute), options.maxFileSize);
  const charts = new HelmCharts();
  const toLoad: FoundFile[] = [];
  for (const found of discovery.files) {
    const skipped = skipNote(found.absolute, patches, charts, cwd);
    if (skipped) add({ file: found.display, resources: [], diagnostics: [problem(skipped.id, found.display, skipped.note)] });
    else toLoad.push(found);
  }
  const fileOptions: FileLoadOptions = { maxFileSize: options.maxFileSize, maxDepth: options.maxDepth, crdKindsNeeded: options.crdKindsNeeded };
  const parallel = { beforeParse: options.beforeParse, stage: options.stage, thresholdBytes: options.parallelThresholdBytes };
  for (const loaded of loadFilesParallel(toLoad, fileOptions, options.jobs ?? defaultJobs(), parallel)) add(loaded);
  // Files come back in discovery order, patches noted first: restore one stable order.
  result.files.sort((a, b) => compareStrings(a.file, b.file));
  return result;
}

/** Why a file found in a directory is not a manifest to check, if it is not: a patch or a Helm chart's source. */
function skipNote(file: string, patches: PatchFiles, charts: HelmCharts, cwd: string): { id: LoadProblemId; note: string } | undefined {
  const usedBy = patches.used.get(file);
  if (usedBy) return { id: 'kustomize-patch', note: `skipped: a patch used by ${displayPath(usedBy, cwd)} (checked when that overlay is rendered)` };
  const commented = patches.commented.get(file);
  if (commented) return { id: 'kustomize-patch', note: `skipped: a patch ${displayPath(commented.kustomization, cwd)} names only in a comment (line ${commented.line}): checked once it is enabled and that overlay is rendered` };
  const helm = charts.classify(file);
  if (helm?.kind === 'chart-metadata') return { id: 'helm-chart', note: `skipped: Helm chart metadata, not a Kubernetes object` };
  if (helm) return { id: 'helm-chart', note: `skipped: a template of the Helm chart ${displayPath(helm.chart, cwd)} (check its output: helm template ${displayPath(helm.chart, cwd)} | kubeproof validate -)` };
  return undefined;
}
export { substituteResources, readDotenvFiles, parseDotenv, isPlaceholder, SUBSTITUTE_KEY, type SubstituteOptions, type Substituted } from './envsubst/index.js';
export { placeAt, placeToComplete, type CursorPlace } from './cursor.js';
export { LoadedSource } from './lazy-locate.js';
export type { DocumentStage } from './stage.js';
