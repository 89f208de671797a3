#!/usr/bin/env node
// Bundles the command line, as the last stage of `npm run build` (scripts/build.mjs):
//
// 1. dist/cli/kubeproof.cjs: the command line (dist/cli/entry.js from tsc) with its dependencies
//    in one CommonJS file. Node reads one module instead of a few hundred (yaml and commander
//    are many small files): a cold one-file run drops from ~120 ms to ~95 ms.
// 2. dist/cli/kubeproof.cjs.cache and compiled/<version>/<kind>.cjs.cache: V8's code caches of
//    that bundle and of the validators a run loads, taken after a real run (`check` of
//    overlays-example), so they hold the bytecode of every function a check uses;
//    dist/cli/kubeproof.cjs.validate.cache the same from a `validate` of plain files, for `validate`. A cold start
//    then skips compiling them (~30 ms of CPU on a one-file check). The caches are build
//    products for this Node version; V8 rejects them (and compiles as usual) on another.
//    The validators that have a cache are stored uncompressed.
//
// dist/cli/main.cjs (tsc's output of src/cli/main.cts) is the executable that loads the bundle
// with its cache. The library entry (dist/index.js) stays unbundled.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { compress, decompress } from './compressed-modules.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const cliDir = path.join(root, 'dist', 'cli');
const main = path.join(cliDir, 'main.cjs');
const bundle = path.join(cliDir, 'kubeproof.cjs');

await build({
  entryPoints: [path.join(cliDir, 'entry.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // The sources find schemas/, compiled/ and the worker relative to their own module: in the
  // bundle, relative to a module of dist/cli/, as the ESM build had it.
  define: { 'import.meta.url': '__kubeproofModuleUrl' },
  banner: { js: "var __kubeproofModuleUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'main.js')).href;" },
  // The language server (and its protocol library, ~430 KB) stays out of the bundle: only
  // `kubeproof lsp` loads it, from the tsc output beside the bundle, and every other command
  // starts ~10 ms faster for not parsing it.
  plugins: [{ name: 'lsp-apart', setup(b) { b.onResolve({ filter: /\/lsp\/server\.js$/ }, () => ({ path: '../lsp/server.js', external: true })); } }],
});
fs.writeFileSync(bundle, withLazyChildProcess(withoutNamespaceCopies(fs.readFileSync(bundle, 'utf8'))));
fs.chmodSync(main, 0o755); // tsc writes it without the x bit: `dist/cli/main.cjs` runs as a command in a checkout

// The code caches, from a run over the example overlays (a failed run only means no cache).
// First the state compile-validators.mjs left: every validator compressed, no cache (the run
// writes the caches of the modules it loads, and only those). Then the validators that got a
// cache are stored uncompressed (compressed-modules.mjs says why).
const compiled = path.join(root, 'compiled');
const inCompiled = (suffix) => fs.readdirSync(compiled, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(suffix)).map((f) => path.join(compiled, f));
for (const file of [`${bundle}.cache`, `${bundle}.validate.cache`, ...inCompiled('.cache')]) fs.rmSync(file, { force: true });
inCompiled('.cjs').forEach(compress);
// `validate` gets a cache of its own (main.cts picks it), from a one-file-at-a-time validate of the
// example's plain manifests: without render, every rule and the scheduler, a third smaller to
// deserialize on every cold validate.
const training = [
  { cache: `${bundle}.cache`, args: ['check', '--no-config', '--format', 'json', 'overlays-example/overlays/production', 'overlays-example/nodes.yaml'] },
  { cache: `${bundle}.validate.cache`, args: ['validate', '--no-config', '--format', 'json', 'overlays-example/base'] },
];
for (const { cache, args } of training) {
  const trained = spawnSync(process.execPath, [main, ...args], { cwd: root, env: { ...process.env, KUBEPROOF_WRITE_CODE_CACHE: '1' }, encoding: 'utf8' });
  if (!fs.existsSync(cache)) process.stderr.write(`bundle-cli: no code cache written by ${args[0]} (exit ${trained.status}): ${trained.stderr.slice(0, 500)}\n`);
}
for (const cache of inCompiled('.cjs.cache')) decompress(cache.slice(0, -'.cache'.length));

/**
 * esbuild turns `import * as fs from 'node:fs'` (and any import of a CommonJS module, yaml's and
 * commander's among them) into `var fs9 = __toESM(require("node:fs"), 1)`: a new object with a
 * getter for each of the module's exports, made at start-up, once per importing module. The
 * bundle had 80 of them (27 of node:fs, 31 of node:path, 15 of yaml): a few ms of every cold run,
 * and a getter call on every use after. Where the code never reads the namespace's `default`
 * (the one export the copy adds), the module object itself has the same names with the same
 * values, so the copy goes: `var fs9 = require("node:fs")`.
 */
function withoutNamespaceCopies(code) {
  let kept = 0;
  const out = code.replace(/^var ([\w$]+) = __toESM\((require(?:_[\w$]+\(\)|\("[\w:/.-]+"\))), 1\);$/gm, (whole, name, expr) => {
    if (new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\.default\\b`).test(code)) {
      kept++;
      return whole;
    }
    return `var ${name} = ${expr};`;
  });
  const left = (out.match(/__toESM\(/g) ?? []).length;
  if (left > kept) process.stderr.write(`bundle-cli: ${left - kept} __toESM calls of a shape withoutNamespaceCopies does not know\n`);
  return out;
}

/**
 * commander requires node:child_process at its top, for the executable subcommands kubeproof
 * does not have; that module brings node:net and Node's streams with it: ~4 ms of CPU of every
 * cold run. Its one use is `childProcess.spawn(...)`, which now requires the module when called.
 */
function withLazyChildProcess(code) {
  const eager = 'var childProcess = require("node:child_process");';
  const uses = code.match(/\bchildProcess\.\w+/g) ?? [];
  if (code.split(eager).length !== 2 || uses.some((u) => u !== 'childProcess.spawn')) {
    process.stderr.write(`bundle-cli: commander's require of node:child_process is not the one withLazyChildProcess knows; left as it is\n`);
    return code;
  }
  return code.replace(eager, 'var childProcess = { spawn: (...args) => require("node:child_process").spawn(...args) };');
}
