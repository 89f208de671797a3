/**
 * require() of a generated CommonJS module through V8's code cache. The precompiled validator
 * of a kind is a few hundred KB of generated code; compiling it is most of what loading it
 * costs on a cold run (~25 ms for the kinds of a typical app file). The build's training run
 * (scripts/bundle-cli.mjs sets KUBEPROOF_WRITE_CODE_CACHE) writes `<file>.cache` beside each
 * module it used, after using it, so the cache holds the functions the run compiled. A cache
 * V8 rejects (another Node version) or a missing one only means compiling as usual.
 *
 * Without `<file>`, the module is read from `<file>.br`, brotli-compressed: the build stores
 * most validators so, keeping the installed package small (scripts/compressed-modules.mjs
 * says which and why). V8 checks a code cache against the source text it is given, not
 * against a file, so a cache works alike for both.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire, Module } from 'node:module';
import * as vm from 'node:vm';
import ajvFormats from 'ajv-formats/dist/formats.js';

// Loaded on first use: a run whose validators are all stored uncompressed (the kinds of a typical
// check) does not pay for loading zlib (~1.5 ms).
const require = createRequire(import.meta.url);

/**
 * Output buffer of one decompression: larger than any validator (the largest is ~0.5 MB), so the
 * text comes out in one piece. With zlib's default of 16 KB, the pieces and their concatenation
 * cost ~30% more.
 */
const DECOMPRESS_CHUNK = 1 << 20;

export function requireCached(file: string): unknown {
  const source = readModule(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
  const script = new vm.Script((Module as unknown as { wrap(code: string): string }).wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, requireFor(file), module, file, path.dirname(file));
  if (process.env.KUBEPROOF_WRITE_CODE_CACHE) cacheAtExit(file, script);
  return module.exports;
}

/**
 * The require() a precompiled module gets. Every validator requires ajv-formats' formats: given the
 * copy this module imported (in the CLI, bundled and run from its code cache), not looked up in
 * node_modules and compiled from source, which was ~2.5 ms of a cold one-file check.
 */
function requireFor(file: string): (id: string) => unknown {
  let fallback: NodeJS.Require | undefined;
  return (id) => (id === 'ajv-formats/dist/formats' ? ajvFormats : (fallback ??= createRequire(file))(id));
}

/** The module's text, from `file` or else `<file>.br`; throws ENOENT when the build made neither. */
function readModule(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const zlib = require('node:zlib') as typeof import('node:zlib');
  return zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`), { chunkSize: DECOMPRESS_CHUNK }).toString('utf8');
}

const toCache = new Map<string, vm.Script>();

function cacheAtExit(file: string, script: vm.Script): void {
  if (toCache.size === 0) process.once('exit', () => toCache.forEach((s, f) => fs.writeFileSync(`${f}.cache`, s.createCachedData())));
  toCache.set(file, script);
}
