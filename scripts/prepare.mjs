#!/usr/bin/env node
// `prepare`: npm runs it after `npm install` in a checkout, before `npm pack`, and in the clone it
// makes to install kubeproof from git (`npm install -g github:kubeproof/kubeproof`). It builds.
//
// A global install from git goes wrong twice in npm (7 to 11, npm 10 and 11 measured) for any
// package with a `prepare` script. npm clones the repository into its cache, runs `npm install`
// there to prepare it, packs the clone and installs the tarball. That inner npm inherits
// npm_config_global and the prefix from the outer `-g`, so it is a global install of the clone:
//  1. the dependencies go to the global prefix, not the clone, and the build fails with
//     `tsc: not found` (npm/cli#8440). So when the packages in package.json are not all there,
//     this installs them, as the lockfile pins them, into the package's own node_modules, with
//     the inherited settings undone:
//       --global=false --prefix=<root>  and those npm_config_* variables removed: install here;
//       --include=dev                   the build tools are devDependencies (NODE_ENV=production omits them);
//       --ignore-scripts                no second `prepare` of this package from within its own; esbuild
//                                       needs no postinstall (its binary comes from the optional
//                                       @esbuild/<platform> package it resolves at run time).
//  2. it links the global node_modules/kubeproof to the clone, before running this script. The
//     outer npm then unpacks the tarball through that link into the clone, which npm deletes at
//     the end: the install is a dangling link (npm/cli#3692, npm/cli#4148). The inner npm had
//     moved the folder the outer npm made for the package (its dependencies already unpacked
//     in it) aside, to arborist's retirement name `.kubeproof-<hash>`, to delete it when done.
//     So in that clone, and only there, this moves that folder back in place of the link to
//     itself (an empty folder if it is not there), and the outer npm unpacks into a real folder.
// Nothing goes to stdout: `npm pack` runs this, and pre-commit reads the tarball name there.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifest, packageDir, root } from './packages.mjs';

const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
const missing = needed.filter((name) => !packageDir(name));

if (missing.length > 0) {
  const command = fs.existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install';
  process.stderr.write(`prepare: ${missing.length} of the build's packages are not installed (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', ...' : ''}): npm ${command} in ${root}\n`);
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_config_(global|location|prefix|local_prefix|global_prefix)$/i.test(key)) delete env[key];
  run(npm(), [command, '--global=false', `--prefix=${root}`, '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund'], env);
  const still = needed.filter((name) => !packageDir(name));
  if (still.length > 0) fail(`prepare: still missing after npm ${command}: ${still.join(', ')}`);
}
const inGitClone = isNpmGitClone();
// The commit in npm's clone is built to be installed: no type checking (CI does it), ~3 s less.
run([process.execPath, path.join(root, 'scripts', 'build.mjs')], inGitClone ? ['--no-typecheck'] : [], process.env);
if (inGitClone) unlinkGlobalCloneLink();

/** Whether this folder is the temporary clone npm makes of a git dependency (pacote's `<cache>/_cacache/tmp/git-clone*`). */
function isNpmGitClone() {
  const cache = process.env.npm_config_cache;
  if (!cache || !path.basename(root).startsWith('git-clone')) return false;
  try {
    return fs.realpathSync(path.dirname(root)) === fs.realpathSync(path.join(cache, '_cacache', 'tmp'));
  } catch {
    return false;
  }
}

/** Problem 2 above: the global node_modules/<name> that links to this clone becomes the folder it replaced. */
function unlinkGlobalCloneLink() {
  const prefix = process.env.npm_config_global_prefix || process.env.npm_config_prefix;
  if (process.env.npm_config_global !== 'true' || !prefix) return;
  const link = path.join(prefix, process.platform === 'win32' ? '' : 'lib', 'node_modules', manifest.name);
  try {
    if (!fs.lstatSync(link).isSymbolicLink() || fs.realpathSync(link) !== fs.realpathSync(root)) return;
  } catch {
    return; // no such link: nothing to undo
  }
  fs.unlinkSync(link);
  const retired = retirePath(link);
  if (fs.existsSync(retired)) fs.renameSync(retired, link);
  else fs.mkdirSync(link);
  process.stderr.write(`prepare: ${link} was a link to npm's temporary clone (npm/cli#3692): the package will be unpacked there instead\n`);
}

/** Where npm's arborist moves a folder it replaces (its lib/retire-path.js, npm 7 to 11). */
function retirePath(from) {
  const hash = createHash('sha1').update(from).digest('base64').replace(/[^a-zA-Z0-9]+/g, '').slice(0, 8);
  return path.resolve(path.dirname(from), `.${path.basename(from)}-${hash}`);
}

/** The npm that runs this script (npm_execpath), so npm 10 installs with npm 10; else npm on PATH. */
function npm() {
  const execPath = process.env.npm_execpath;
  if (execPath && /npm-cli\.js$/.test(execPath)) return [process.execPath, execPath];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm'];
}

function run([command, ...first], rest, env) {
  const r = spawnSync(command, [...first, ...rest], { cwd: root, env, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' && command.endsWith('.cmd') });
  if (r.status !== 0) fail(`prepare: ${[command, ...first, ...rest].join(' ')} failed (${r.error?.message ?? r.signal ?? `exit ${r.status}`})`);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
