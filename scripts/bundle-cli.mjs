#!/usr/bin/env node
// Bundles the command line, as the last step of `npm run build`:
//
// 1. dist/cli/kubeproof.cjs: the entry (dist/cli/main.js from tsc) with its dependencies in one
//    CommonJS file. Node reads one module instead of a few hundred (yaml and commander are many
//    small files): a cold one-file run drops from ~120 ms to ~95 ms.
// 2. dist/cli/kubeproof.cjs.cache: V8's code cache of that bundle, taken after a real run
//    (`check` of overlays-example), so it holds the bytecode of every function a check uses.
//    A cold start then skips compiling them (~30 ms of CPU on a one-file check). The cache is
//    a build product for this Node version; V8 rejects it (and compiles as usual) on another.
// 3. dist/cli/main.js, replaced by the launcher (scripts/cli-launcher.mjs) that runs the bundle
//    with the cache.
//
// The library entry (dist/index.js) stays unbundled.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cliDir = path.join(root, 'dist', 'cli');
const entry = path.join(cliDir, 'main.js');
const bundle = path.join(cliDir, 'kubeproof.cjs');

await build({
  entryPoints: [entry],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // The sources find schemas/, compiled/ and the worker relative to their own module: in the
  // bundle, relative to dist/cli/main.js, as the ESM build had it.
  define: { 'import.meta.url': '__kubeproofModuleUrl' },
  banner: { js: "var __kubeproofModuleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'main.js')).href;" },
  // The language server (and its protocol library, ~430 KB) stays out of the bundle: only
  // `kubeproof lsp` loads it, from the tsc output beside the bundle, and every other command
  // starts ~10 ms faster for not parsing it.
  plugins: [{ name: 'lsp-apart', setup(b) { b.onResolve({ filter: /\/lsp\/server\.js$/ }, () => ({ path: '../lsp/server.js', external: true })); } }],
});
// The launcher wraps the bundle as Node wraps a CommonJS module, where a `#!` line is no syntax.
fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, ''));
fs.copyFileSync(path.join(root, 'scripts', 'cli-launcher.mjs'), entry);
fs.chmodSync(entry, 0o755);

// The code cache, from a run over the example overlays (a failed run only means no cache).
const cache = `${bundle}.cache`;
fs.rmSync(cache, { force: true });
const trained = spawnSync(process.execPath, [entry, 'check', '--no-config', '--format', 'json', 'overlays-example/overlays/production', 'overlays-example/nodes.yaml'], {
  cwd: root,
  env: { ...process.env, KUBEPROOF_WRITE_CODE_CACHE: cache },
  encoding: 'utf8',
});
if (!fs.existsSync(cache)) process.stderr.write(`bundle-cli: no code cache written (exit ${trained.status}): ${trained.stderr.slice(0, 500)}\n`);
