#!/usr/bin/env node
/**
 * kubeproof's executable (package.json `bin`). It runs the bundle dist/cli/kubeproof.cjs (./entry.ts
 * and its dependencies in one file, made by scripts/bundle-cli.mjs) through V8's code cache
 * kubeproof.cjs.cache, so a cold start does not compile the functions a check runs; without a
 * usable cache V8 compiles as usual. Errors are the bundle's own: this file only loads it.
 *
 * A CommonJS file (.cts, tsc writes dist/cli/main.cjs), not an ES module: Node runs a CommonJS
 * main without starting its ES module loader, and `require('node:fs')` does not build the ES
 * namespace of node:fs (whose getters load fs streams): ~9 ms of CPU of a one-file `validate`,
 * a sixth of what kubeproof adds to Node's own start-up (issue 19, measured interleaved).
 *
 * It is tsc's output, not a file the bundler writes over: an incremental build (scripts/build.mjs)
 * that skips an unchanged entry must still find tsc's own files in dist/. It requires no module
 * of its own, only Node's: the bundle has requireCached (src/schema/require-cached.ts) inside.
 */
import fs = require('node:fs');
import path = require('node:path');
import nodeModule = require('node:module');
import vm = require('node:vm');

const file = path.join(__dirname, 'kubeproof.cjs');

if (process.argv.slice(2).includes('lsp')) {
  // Code compiled out of a cache loses its dynamic import() in Node 20, and `kubeproof lsp`
  // imports the language server (an ES module) that way. A server starts once per editor
  // session: it loads the bundle as Node loads any CommonJS module.
  require(file);
} else {
  // `validate` has a cache of its own, from a training run of a one-file validate: it holds only what such a run
  // compiles, so a cold one-file check deserializes a third less than with the cache of a `check` run, which
  // compiles render, every rule and more (scripts/bundle-cli.mjs). Other runs compile what theirs lacks.
  const cacheFile = process.argv[2] === 'validate' ? `${file}.validate.cache` : `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache: compile as usual
  }
  const wrap = (nodeModule.Module as unknown as { wrap(code: string): string }).wrap;
  const script = new vm.Script(wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  // The build's training run: write the cache once the run is done, with every function it compiled.
  if (process.env.KUBEPROOF_WRITE_CODE_CACHE) process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, nodeModule.createRequire(file), module, file, __dirname);
}
