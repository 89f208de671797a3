/** One discovered file -> its resources and diagnostics, or the input error that stops it being read. */
import { KubeproofError, type Diagnostic, type Resource } from '../core/index.js';
import { decodeSource, type Decoded } from './decode.js';
import { inputError, type FoundFile } from './discover.js';
import { parseManifests, type ParseOptions } from './parse.js';
import { problem } from './problem.js';
import { readBounded } from './read-bounded.js';
import { blankUnneededCrds } from './crd-prefilter.js';
import type { DiskFile, SourceText } from './source-text.js';
import type { ResourceHook } from './identify.js';

export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface FileLoadOptions extends ParseOptions {
  /** Files larger than this many bytes are refused with a diagnostic (default 64 MiB). */
  maxFileSize?: number;
  /**
   * For files read only for their CustomResourceDefinitions (`--crds`): the "group/Kind"s the run
   * validates. A CRD document plainly for another kind is not parsed (crd-prefilter.ts).
   */
  crdKindsNeeded?: readonly string[];
}

export interface LoadedFile {
  file: string;
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** The decoded text, when the file was read: kept (deflated) so positions can be recomputed on demand. */
  source?: SourceText;
  error?: KubeproofError;
}

/** `onResource`: a stage run on each resource while its yaml nodes are held (parse.ts). */
export function loadFile(found: FoundFile, options: FileLoadOptions, onResource?: ResourceHook): LoadedFile {
  const file = found.display;
  let read: ReturnType<typeof readSource>;
  try {
    read = readSource(found.absolute, file, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  } catch (err) {
    return { file, resources: [], diagnostics: [], error: inputError(file, err) };
  }
  if ('tooLarge' in read) return tooLarge(file, read.tooLarge.size, options);
  return loadDecoded(read.decoded, file, options, read.disk, onResource);
}

/**
 * One open, one read (a FIFO or a device named on the command line gives its bytes once), then
 * the text. In a function of its own so that the bytes are garbage once it returns: a large
 * file's bytes and its text need not be in memory together while it is parsed.
 */
function readSource(absolute: string, file: string, limit: number): { decoded: Decoded; disk?: DiskFile } | { tooLarge: { size?: number } } {
  const read = readBounded(absolute, limit);
  if ('tooLarge' in read) return read;
  const { stat } = read;
  // A CR is read as a line break (decode.ts): a file with one is not its bytes, so not read back.
  const disk = stat.isFile() && read.bytes.indexOf(13) === -1 ? { path: absolute, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  return { decoded: decodeSource(read.bytes, file), ...(disk && { disk }) };
}

/**
 * How many bytes of YAML a run may read: a resource's values take about twice the YAML they
 * came from, parsing needs room of its own, and the heap is all the process has. Past this a
 * file is refused with a finding rather than let the run die out of memory.
 */
export function memoryBudgetBytes(): number {
  return Math.floor(heapSizeLimit() / 4);
}

/**
 * No heap Node starts in is smaller than this (Node cannot deserialize its own start-up snapshot
 * in less than 7 MiB): input under a quarter of it is within memoryBudgetBytes, a document under a
 * 64th within documentBudgetChars, whatever the heap. A small run then does not ask V8, whose
 * module (node:v8, with Node's streams behind it) costs a cold one-file check ~2 ms of CPU.
 */
export const SMALLEST_HEAP_BYTES = 4 * 1024 * 1024;

/** node:v8 loaded on first use, for the reason above. */
function heapSizeLimit(): number {
  return process.getBuiltinModule('node:v8').getHeapStatistics().heap_size_limit;
}

/**
 * The longest document a run may compose: a document is composed whole, in about 30 times its
 * size (yaml nodes and all), so a 200 MiB List from `kubectl get -o yaml` would die out of memory
 * in the parser. A 4 GiB heap takes documents of up to 64 MiB.
 */
export function documentBudgetChars(): number {
  return Math.floor(heapSizeLimit() / 64);
}

/** The refusal of a file the memory left cannot hold (see memoryBudgetBytes). */
export function overBudget(file: string, size: number, budget: number): LoadedFile {
  const message = `file is ${formatBytes(size)}: with the files read before it, the input would need more memory than this process may use (about ${formatBytes(budget)} of YAML in all); check it on its own, or give Node.js a larger heap (NODE_OPTIONS=--max-old-space-size=MiB)`;
  return { file, resources: [], diagnostics: [problem('file-too-large', file, message)] };
}

/**
 * The refusal of a file over --max-file-size. `size` is unknown for a stream (standard input, a
 * FIFO, a device): its bounded read stopped one byte past the limit.
 */
export function tooLarge(file: string, size: number | undefined, options: FileLoadOptions, what = 'file'): LoadedFile {
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const message = size === undefined ? `${what} is more than ${limit} bytes, over the ${formatBytes(limit)} limit (--max-file-size): reading stopped there` : tooLargeMessage(size, limit);
  return { file, resources: [], diagnostics: [problem('file-too-large', file, message)] };
}

/** The `file-too-large` message, wherever a file is refused: a path on the command line, a file a kustomization reads. */
export function tooLargeMessage(size: number, limit: number): string {
  // 1025 bytes against 1024 would read "1.0 KiB, over the 1.0 KiB limit": exact counts then.
  const [shown, max] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit} bytes`] : [formatBytes(size), formatBytes(limit)];
  return `file is ${shown}, over the ${max} limit (--max-file-size)`;
}

/** One file's bytes -> resources and diagnostics. */
export function loadBytes(bytes: Uint8Array, file: string, options: FileLoadOptions = {}): LoadedFile {
  return loadDecoded(decodeSource(bytes, file), file, options);
}

/** `disk`: the regular file the text was read from, which its positions may read back later (see source-text.ts). */
function loadDecoded(decoded: Decoded, file: string, options: FileLoadOptions, disk?: DiskFile, onResource?: ResourceHook): LoadedFile {
  if ('problem' in decoded) return { file, resources: [], diagnostics: [decoded.problem] };
  try {
    const text = options.crdKindsNeeded ? blankUnneededCrds(decoded.text, new Set(options.crdKindsNeeded)) : decoded.text;
    const parsed = parseManifests(text, file, { ...options, maxDocumentChars: options.maxDocumentChars ?? (text.length > SMALLEST_HEAP_BYTES / 64 ? documentBudgetChars() : undefined) }, onResource);
    // Blanked documents moved the offsets after them: positions come from the text parsed, not the file.
    return { file, resources: parsed.resources, diagnostics: parsed.diagnostics, source: parsed.source.pack(text === decoded.text ? disk : undefined) };
  } catch (err) {
    // A bug on one file must not hide the findings in the others.
    const message = `internal error while reading this file: ${err instanceof Error ? err.message : String(err)}`;
    return { file, resources: [], diagnostics: [problem('internal-error', file, message)] };
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
