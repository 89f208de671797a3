/**
 * require() of a generated CommonJS module through V8's code cache. The precompiled validator
 * of a kind is a few hundred KB of generated code; compiling it is most of what loading it
 * costs on a cold run (~25 ms for the kinds of a typical app file). The build's training run
 * (scripts/bundle-cli.mjs sets KUBEPROOF_WRITE_CODE_CACHE) writes `<file>.cache` beside each
 * validator it used, after using it, so the cache holds the functions validation ran. A cache
 * V8 rejects (another Node version) or a missing one only means compiling as usual.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire, Module } from 'node:module';
import * as vm from 'node:vm';

export function requireCached(file: string): unknown {
  const source = fs.readFileSync(file, 'utf8'); // throws ENOENT when the build made none
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
  const script = new vm.Script((Module as unknown as { wrap(code: string): string }).wrap(source), { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  if (process.env.KUBEPROOF_WRITE_CODE_CACHE) cacheAtExit(file, script);
  return module.exports;
}

const toCache = new Map<string, vm.Script>();

function cacheAtExit(file: string, script: vm.Script): void {
  if (toCache.size === 0) process.once('exit', () => toCache.forEach((s, f) => fs.writeFileSync(`${f}.cache`, s.createCachedData())));
  toCache.set(file, script);
}
