/** One discovered file -> its resources and diagnostics, or the input error that stops it being read. */
import * as fs from 'node:fs';
import { readStdinBounded, stdinTooLargeMessage } from './stdin.js';
import { KubeproofError, type Diagnostic, type Resource } from '../core/index.js';
import { decodeSource } from './decode.js';
import { inputError, type FoundFile } from './discover.js';
import { parseManifests, type ParseOptions } from './parse.js';
import { problem } from './problem.js';

export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

export interface FileLoadOptions extends ParseOptions {
  /** Files larger than this many bytes are refused with a diagnostic (default 64 MiB). */
  maxFileSize?: number;
}

export interface LoadedFile {
  file: string;
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** The decoded text, when the file was read: kept so positions can be recomputed on demand. */
  text?: string;
  /** A FIFO or device: read once, never to be opened again. */
  special?: boolean;
  error?: KubeproofError;
}

/**
 * A FIFO or a device named on the command line (`<(kustomize build)`, /dev/stdin): it says no
 * size, may never end (/dev/zero), and can be read only once. One bounded read, to one byte past
 * the limit; its text is kept with the result, so nothing opens it again (the suppression pass
 * takes the text from here: see LoadResult.texts).
 */
function loadSpecial(absolute: string, file: string, limit: number, options: FileLoadOptions): LoadedFile {
  const fd = fs.openSync(absolute, 'r');
  let bytes: Uint8Array;
  try {
    bytes = readStdinBounded(limit, fd);
  } finally {
    fs.closeSync(fd);
  }
  if (bytes.length > limit) return { file, resources: [], diagnostics: [problem('file-too-large', file, stdinTooLargeMessage(bytes.length, limit).replace('standard input', file))] };
  const loaded = loadBytes(bytes, file, options);
  return { ...loaded, special: true, text: loaded.text ?? Buffer.from(bytes).toString('utf8') };
}

export function loadFile(found: FoundFile, options: FileLoadOptions): LoadedFile {
  const file = found.display;
  try {
    const st = fs.statSync(found.absolute);
    const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (!st.isFile()) return loadSpecial(found.absolute, file, limit, options);
    if (st.size > limit) return { file, resources: [], diagnostics: [problem('file-too-large', file, tooLargeMessage(st.size, limit))] };
    return loadBytes(fs.readFileSync(found.absolute), file, options);
  } catch (err) {
    return { file, resources: [], diagnostics: [], error: inputError(file, err) };
  }
}

/** One file's bytes -> resources and diagnostics. */
export function loadBytes(bytes: Uint8Array, file: string, options: ParseOptions = {}): LoadedFile {
  const decoded = decodeSource(bytes, file);
  if ('problem' in decoded) return { file, resources: [], diagnostics: [decoded.problem] };
  try {
    return { file, ...parseManifests(decoded.text, file, options), text: decoded.text };
  } catch (err) {
    // A bug on one file must not hide the findings in the others.
    const message = `internal error while reading this file: ${err instanceof Error ? err.message : String(err)}`;
    return { file, resources: [], diagnostics: [problem('internal-error', file, message)] };
  }
}

/** The `file-too-large` message, wherever a file is refused: a path on the command line, standard input, a file a kustomization reads. */
export function tooLargeMessage(size: number, limit: number): string {
  // 1025 bytes against 1024 would read "1.0 KiB, over the 1.0 KiB limit": exact counts then.
  const [shown, max] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit} bytes`] : [formatBytes(size), formatBytes(limit)];
  return `file is ${shown}, over the ${max} limit (--max-file-size)`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
