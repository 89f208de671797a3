#!/usr/bin/env node
/**
 * kubeproof's executable (package.json `bin`). It runs the bundle dist/cli/kubeproof.cjs (./entry.ts
 * and its dependencies in one file, made by scripts/bundle-cli.mjs) through V8's code cache
 * kubeproof.cjs.cache, so a cold start does not compile the functions a check runs; without a
 * usable cache V8 compiles as usual. Errors are the bundle's own: this file only loads it.
 *
 * It is tsc's output, not a file the bundler writes over: an incremental build (scripts/build.mjs)
 * that skips an unchanged entry must still find tsc's own files in dist/. It imports no module
 * of its own, only Node's: the bundle has requireCached (src/schema/require-cached.ts) inside,
 * and importing a second ES module here first costs an asynchronous file read, ~10 ms of a cold
 * start on a loaded machine (measured).
 */
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('./kubeproof.cjs', import.meta.url));

if (process.argv.slice(2).includes('lsp')) {
  // Code compiled out of a cache loses its dynamic import() in Node 20, and `kubeproof lsp`
  // imports the language server (an ES module) that way. A server starts once per editor
  // session: it loads the bundle as Node loads any CommonJS module.
  await import(new URL('./kubeproof.cjs', import.meta.url).href);
} else {
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
  const wrap = (Module as unknown as { wrap(code: string): string }).wrap;
  const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  // The build's training run: write the cache once the run is done, with every function it compiled.
  if (process.env.KUBEPROOF_WRITE_CODE_CACHE) process.once('exit', () => fs.writeFileSync(`${file}.cache`, script.createCachedData()));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, fileURLToPath(new URL('.', import.meta.url)));
}
