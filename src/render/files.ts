/**
 * File access the way kustomize's loader allows it: a kustomization may read files only in
 * or below its own directory (symbolic links resolved), may refer to other kustomization
 * directories anywhere, and never fetches anything remote.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, tooLargeMessage } from '../load/index.js';
import { BuildError } from './errors.js';

/**
 * Where a build reads file contents from, given a file's absolute real path. Handing out the
 * same Buffer while a file is unchanged lets builds reuse its parse; a Buffer handed out must
 * never be changed afterwards.
 */
export type FileReader = (absolute: string) => Buffer;

let reader: FileReader | undefined;
let maxFileSize = DEFAULT_MAX_FILE_SIZE;

/**
 * Runs one build with file contents coming from `read` instead of the disk (a language server
 * passes its editor's unsaved buffers this way), refusing files over `limit` bytes
 * (--max-file-size). Builds are synchronous, so the reader and the limit are in place for
 * exactly this build and never leak into another.
 */
export function withFileReader<T>(read: FileReader | undefined, build: () => T, limit = DEFAULT_MAX_FILE_SIZE): T {
  const previous = { reader, maxFileSize };
  reader = read;
  maxFileSize = limit;
  try {
    return build();
  } finally {
    ({ reader, maxFileSize } = previous);
  }
}

/** A file's bytes, through the reader of the build in progress when there is one. */
export function readFile(absolute: string): Buffer {
  return reader ? reader(absolute) : fs.readFileSync(absolute);
}

export function isRemote(ref: string): boolean {
  return /^(https?|git|ssh|file):\/\//i.test(ref) || /^git@/.test(ref) || /^(github\.com|gitlab\.com|bitbucket\.org)\//.test(ref) || /\?ref=|\.git(\/\/|$)/.test(ref);
}

export function refuseRemote(ref: string, file: string, pointer: string): void {
  if (isRemote(ref)) {
    throw new BuildError(`remote resource '${ref}' refused: kubeproof builds offline; vendor it into the repository and refer to it by path`, file, pointer);
  }
}

/** The real path of something a kustomization refers to, or a build error. */
export function resolveInRoot(root: string, ref: string, file: string, pointer: string): string {
  refuseRemote(ref, file, pointer);
  const absolute = path.resolve(root, ref);
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new BuildError(`evalsymlink failure on '${absolute}': too many levels of symbolic links`, file, pointer);
    throw new BuildError(`open ${absolute}: no such file or directory`, file, pointer);
  }
  return real;
}

/** Reads a file a kustomization refers to, refusing anything outside its root or over the size limit. */
export function readInRoot(root: string, ref: string, file: string, pointer: string): { absolute: string; bytes: Buffer } {
  const real = resolveInRoot(root, ref, file, pointer);
  const realRoot = fs.realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new BuildError(`security; file '${real}' is not in or below '${realRoot}'`, file, pointer);
  }
  const stat = fs.statSync(real);
  if (stat.isDirectory()) throw new BuildError(`'${ref}' is a directory, not a file`, file, pointer);
  refuseTooLarge(ref, stat.size, file, pointer); // before reading: the limit is there to keep it out of memory
  const bytes = readFile(real);
  refuseTooLarge(ref, bytes.length, file, pointer); // an editor's buffer may differ from the disk
  return { absolute: real, bytes };
}

/**
 * --max-file-size, for every file a build reads (resources, patches, generator files and envs,
 * replacement sources, kustomization files): a `file-too-large` finding at the entry that names
 * it, as the loader gives one for a file named on the command line. kustomize has no such
 * limit; kubeproof has it so that one stray dump in a base cannot exhaust memory.
 */
export function refuseTooLarge(ref: string, size: number, file: string | undefined, pointer: string): void {
  if (size > maxFileSize) throw new BuildError(`${ref}: ${tooLargeMessage(size, maxFileSize)}`, file, pointer, 'file-too-large');
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
