#!/usr/bin/env node
// `npm run build`: three stages, each run only when its inputs changed since it last succeeded.
//
//   tsc         src/ -> dist/            (tsc --incremental: a changed file re-checks what depends on it)
//   validators  schemas/ -> compiled/    (scripts/compile-validators.mjs)
//   bundle      dist/ -> dist/cli/kubeproof.cjs and the V8 code caches (scripts/bundle-cli.mjs)
//
// A stage's inputs hash into a stamp that the stage writes into its output folder once it has
// succeeded: files by content, not mtime (a checkout or a copy changes mtimes, not content), and
// the versions of the tools and dependencies that shape the output. A stamp that is missing (the
// folder was deleted, the stage failed or never ran) or different runs the stage. An unchanged
// tree then builds in a fraction of a second instead of ~8 s, which `npm start` and `npm test`
// pay on every run. `node scripts/build.mjs --force` runs every stage from scratch.
// `--no-typecheck` emits without type-checking (tsc --noCheck: the same files, half of tsc's
// CPU): prepare.mjs builds so in the clone npm makes to install from git, a commit CI checked.
//
// Output goes to stderr: `npm pack` (pre-commit reads its stdout) runs this through `prepare`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifest, packageDir, packageVersion, root } from './packages.mjs';

const force = process.argv.includes('--force');
const typecheck = !process.argv.includes('--no-typecheck');
const ran = new Set();

stage('tsc', {
  stamp: 'dist/.build-stamp-tsc',
  files: () => [...filesUnder('src'), 'tsconfig.json', 'tsconfig.build.json'],
  facts: () => [packageVersion('typescript')],
  run: () => {
    // tsc's incremental state does not notice deleted outputs: --force forgets it.
    if (force) fs.rmSync(path.join(root, 'dist', '.tsbuildinfo'), { force: true });
    node(path.join(packageDir('typescript') ?? 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', ...(typecheck ? [] : ['--noCheck']));
  },
});

stage('validators', {
  stamp: 'compiled/.build-stamp-validators',
  files: () => [...filesUnder('schemas'), 'scripts/compile-validators.mjs', ...localModules(['dist/schema/ajv.js', 'dist/openapi/bundle.js'])],
  facts: () => [packageVersion('ajv'), packageVersion('ajv-formats')],
  run: () => node('scripts/compile-validators.mjs'),
});

stage('bundle', {
  stamp: 'dist/cli/.build-stamp-bundle',
  // compile-validators empties compiled/, code caches included: the training run writes them again.
  after: ['validators'],
  files: () => [...filesUnder('dist', (f) => f.endsWith('.js')), 'dist/cli/main.cjs', ...filesUnder('overlays-example'), 'scripts/bundle-cli.mjs'],
  // The bundle holds the dependencies' code; the code caches are valid for one Node version.
  facts: () => [packageVersion('esbuild'), ...Object.keys(manifest.dependencies).map(packageVersion), `node ${process.version} ${process.arch}`],
  run: () => node('scripts/bundle-cli.mjs'),
});

/** Runs a stage unless its stamp says its inputs are those it last succeeded with. */
function stage(name, { stamp, files, facts, after = [], run }) {
  const stampFile = path.join(root, stamp);
  const hash = inputsHash(files(), facts());
  const upToDate = !force && !after.some((s) => ran.has(s)) && readOr(stampFile, '').toString() === hash;
  if (upToDate) {
    process.stderr.write(`build: ${name} up to date\n`);
    return;
  }
  const started = Date.now();
  fs.rmSync(stampFile, { force: true });
  run();
  fs.writeFileSync(stampFile, hash);
  ran.add(name);
  process.stderr.write(`build: ${name} ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

function inputsHash(files, facts) {
  const h = createHash('sha256');
  for (const file of [...new Set(files)].sort()) h.update(`${file}\0`).update(readOr(path.join(root, file), '\0missing')).update('\0');
  for (const fact of facts) h.update(`${fact}\0`);
  return h.digest('hex');
}

function readOr(file, fallback) {
  try {
    return fs.readFileSync(file);
  } catch {
    return fallback;
  }
}

/** The files below a folder of the repository (relative to the root, / separated), or none. */
function filesUnder(dir, keep = () => true) {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter(keep);
}

/** These built modules and the ones they import by relative path, transitively. */
function localModules(entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readOr(path.join(root, file), '').toString();
    for (const [, spec] of source.matchAll(/(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g)) visit(path.posix.join(path.posix.dirname(file), spec));
  };
  entries.forEach(visit);
  return [...seen];
}

function node(...args) {
  // stdout goes to stderr too: see the top of this file.
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['inherit', 2, 2] });
  if (r.status !== 0) {
    process.stderr.write(`build: node ${args.join(' ')} failed (${r.signal ?? `exit ${r.status}`})\n`);
    process.exit(r.status || 1);
  }
}
