#!/usr/bin/env node
// kubeproof's command line (copied to dist/cli/main.js by scripts/bundle-cli.mjs). It runs the
// bundle dist/cli/kubeproof.cjs from V8's code cache (kubeproof.cjs.cache, made by the build)
// so a cold start does not compile the functions a check runs; without a usable cache V8
// compiles as usual. Errors are the bundle's own: this file only loads it.
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
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    // no cache: compile as usual
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
  // The build's training run: write the cache once the run is done, with every function it compiled.
  const writeTo = process.env.KUBEPROOF_WRITE_CODE_CACHE;
  if (writeTo) process.once('exit', () => fs.writeFileSync(writeTo, script.createCachedData()));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, fileURLToPath(new URL('.', import.meta.url)));
}
