// Builds every kustomization directory under ../shared/realworld/ (or the folder given as the first
// argument) with kubeproof and, when the plain kubectl 1.32 binary is on the machine, with real
// kustomize v5.5, and counts how the two compare. `--diff` also prints the first differing lines
// of each directory whose outputs differ. Nothing is cached between runs.
//   npm run realworld [-- [--diff] [--jobs N] [DIR]]
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const showDiff = args.includes('--diff');
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args[jobsAt + 1]) : 2;
const rootArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--jobs');
const root = path.resolve(rootArg ?? path.join(repo, '..', 'shared', 'realworld'));
// gcloud's `kubectl` is a wrapper that prints klog lines; the plain binary is the oracle.
const KUBECTL = process.env.KUBECTL ?? '/usr/lib/google-cloud-sdk/bin/kubectl.1.32';
const CLI = path.join(repo, 'dist', 'cli', 'main.cjs');
const NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

if (!fs.existsSync(root)) {
  console.log(`realworld: ${path.relative(process.cwd(), root) || root} is absent; nothing to compare`);
  process.exit(0);
}
if (!fs.existsSync(CLI)) {
  console.error('realworld: dist/cli/main.cjs is missing; run `npm run build` first');
  process.exit(2);
}
const haveKustomize = fs.existsSync(KUBECTL);

/** Every directory holding a kustomization file, sorted. */
function findDirs(dir, out = []) {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  if (entries.some((e) => e.isFile() && NAMES.includes(e.name))) out.push(dir);
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory()) findDirs(path.join(dir, e.name), out);
  return out;
}

function run(cmd, argv) {
  return new Promise((resolve) => {
    execFile(cmd, argv, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => resolve({ ok: !err, stdout, stderr }));
  });
}

/** A refusal's reason, short enough to group by: the first quoted field kubeproof names, else the message's start. */
function reason(stderr) {
  const line = stderr.split('\n').find((l) => l.startsWith('kubeproof: error:')) ?? stderr.split('\n')[0] ?? '';
  const message = line.replace(/^kubeproof: error: \S+:\d+:\d+: /, '');
  if (/^remote resource/.test(message)) return 'remote';
  const field = /^'([^']+)'/.exec(message);
  if (field) return field[1];
  return message.replace(/\/\S+/g, '<path>').slice(0, 80);
}

function firstDiff(a, b, context = 3) {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const lines = [`  line ${i + 1}:`];
  for (let j = i; j < Math.min(i + context, Math.max(x.length, y.length)); j++) {
    if (j < y.length) lines.push(`    kustomize: ${JSON.stringify(y[j])}`);
    if (j < x.length) lines.push(`    kubeproof: ${JSON.stringify(x[j])}`);
  }
  return lines.join('\n');
}

async function compare(dir) {
  const ours = await run(process.execPath, [CLI, 'render', dir]);
  const theirs = haveKustomize ? await run(KUBECTL, ['kustomize', dir]) : undefined;
  return { dir, ours, theirs };
}

const dirs = findDirs(root);
const results = new Array(dirs.length);
let next = 0;
await Promise.all(Array.from({ length: Math.max(1, jobs) }, async () => {
  while (next < dirs.length) {
    const i = next++;
    results[i] = await compare(dirs[i]);
  }
}));

const rel = (d) => path.relative(root, d);
const groups = { identical: [], differ: [], weRefuse: [], bothRefuse: [], theyRefuse: [] };
const reasons = new Map();
for (const r of results) {
  if (!r.theirs) continue;
  if (r.ours.ok && r.theirs.ok) (r.ours.stdout === r.theirs.stdout ? groups.identical : groups.differ).push(r);
  else if (!r.ours.ok && r.theirs.ok) {
    groups.weRefuse.push(r);
    const why = reason(r.ours.stderr);
    reasons.set(why, [...(reasons.get(why) ?? []), rel(r.dir)]);
  } else if (!r.ours.ok) groups.bothRefuse.push(r);
  else groups.theyRefuse.push(r);
}

console.log(`realworld: ${dirs.length} kustomization directories under ${rel(repo) === '' ? root : path.relative(process.cwd(), root)}`);
if (!haveKustomize) {
  const built = results.filter((r) => r.ours.ok).length;
  console.log(`kustomize (${KUBECTL}) is absent: kubeproof built ${built}, refused ${dirs.length - built}`);
  process.exit(0);
}
console.log(`both build, byte-identical:      ${groups.identical.length}`);
console.log(`both build, differ:              ${groups.differ.length}`);
console.log(`kustomize builds, kubeproof refuses: ${groups.weRefuse.length}`);
for (const [why, list] of [...reasons].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${String(list.length).padStart(4)}  ${why}`);
console.log(`both refuse:                     ${groups.bothRefuse.length}`);
console.log(`kubeproof builds, kustomize refuses: ${groups.theyRefuse.length}`);
for (const r of groups.theyRefuse) console.log(`  ${rel(r.dir)}: ${r.theirs.stderr.split('\n')[0].slice(0, 160)}`);
if (showDiff) {
  for (const r of groups.differ) console.log(`\n${rel(r.dir)}\n${firstDiff(r.ours.stdout, r.theirs.stdout)}`);
  for (const [why, list] of reasons) console.log(`\nrefused (${why}):\n  ${list.join('\n  ')}`);
  const firstError = (text) => (text.split('\n').find((l) => /error/i.test(l)) ?? '').slice(0, 200);
  for (const r of groups.bothRefuse) console.log(`\nboth refuse ${rel(r.dir)}\n    kustomize: ${firstError(r.theirs.stderr)}\n    kubeproof: ${firstError(r.ours.stderr)}`);
}
