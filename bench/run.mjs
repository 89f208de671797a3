// npm run bench: loader throughput and one-file cold start. A benchmark, not a test:
// it prints a table and writes bench/results/latest.json so runs can be compared.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { document, writeCorpus } from './corpus.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'dist', 'cli', 'main.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-bench-'));
const sizes = (process.env.BENCH_SIZES ?? '1,1000,10000').split(',').map(Number);
const rows = [];
const hasGnuTime = fs.existsSync('/usr/bin/time');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A fresh process per run, so each figure includes start-up, as a CI job or hook sees it. */
function timeRun(args, runs) {
  const times = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    // GNU time reports peak memory of the child; without it, memory is not measured.
    const res = hasGnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], { encoding: 'utf8', cwd: work })
      : spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: work });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.status !== 0 && res.status !== 1) throw new Error(`kubeproof exited ${res.status}: ${res.stderr}`);
    if (hasGnuTime) rss = Math.max(rss, Number(res.stderr.trim().split('\n').pop()) * 1024);
  }
  return { ms: median(times), rss };
}

for (const docs of sizes) {
  const dir = writeCorpus(path.join(work, `corpus-${docs}`), docs, docs === 1 ? 1 : 20);
  const runs = docs <= 1000 ? 9 : 3;
  const { ms, rss } = timeRun(['validate', dir, '--format', 'json', '--output', path.join(work, 'out.json')], runs);
  rows.push({ case: docs === 1 ? 'cold validate, 1 file' : `validate ${docs} documents`, docs, runs, medianMs: Math.round(ms), docsPerSecond: Math.round((docs / ms) * 1000), peakRssMiB: hasGnuTime ? Math.round(rss / 1048576) : 'n/a' });
}

// A 500-resource overlay over a base: namespace, prefix, labels, images, a generator.
{
  const dir = path.join(work, 'overlay-500');
  fs.mkdirSync(path.join(dir, 'base'), { recursive: true });
  const docs = [];
  for (let i = 0; i < 500; i++) docs.push(document(i));
  fs.writeFileSync(path.join(dir, 'base', 'r.yaml'), docs.join('---\n'));
  fs.writeFileSync(path.join(dir, 'base', 'kustomization.yaml'), 'resources: [r.yaml]\nconfigMapGenerator: [{name: shared, literals: [a=1]}]\n');
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [base]\nnamespace: prod\nnamePrefix: p-\nlabels: [{pairs: {team: x}, includeSelectors: true}]\nimages: [{name: registry.example.com/shop/app-1, newTag: "2"}]\n');
  const { ms, rss } = timeRun(['render', dir, '--output', path.join(work, 'out.yaml')], 5);
  rows.push({ case: 'render 500-resource overlay', docs: 500, runs: 5, medianMs: Math.round(ms), docsPerSecond: Math.round((500 / ms) * 1000), peakRssMiB: hasGnuTime ? Math.round(rss / 1048576) : 'n/a' });
}

// 10,000 pods (200 Deployments of 50 replicas, half behind Services, some spread over zones)
// on 5,000 nodes (five pools over three zones, one tainted).
{
  const dir = path.join(work, 'schedule');
  fs.mkdirSync(dir, { recursive: true });
  const pools = [];
  for (let p = 0; p < 5; p++) {
    const taint = p === 4 ? '  taints: [{key: dedicated, value: batch, effect: NoSchedule}]\n' : '';
    pools.push(`apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: pool-${p}}\nspec:\n  count: 1000\n  zones: [a, b, c]\n${taint}  allocatable: {cpu: "8", memory: 32Gi, pods: "110"}\n`);
  }
  fs.writeFileSync(path.join(dir, 'nodes.yaml'), pools.join('---\n'));
  const apps = [];
  for (let d = 0; d < 200; d++) {
    const spread = d % 4 === 0 ? `      topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: app-${d}}}}]\n` : '';
    apps.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${d}, namespace: ns-${d % 10}}\nspec:\n  replicas: 50\n  selector: {matchLabels: {app: app-${d}}}\n  template:\n    metadata: {labels: {app: app-${d}}}\n    spec:\n${spread}      containers: [{name: c, image: app:1, resources: {requests: {cpu: ${100 + (d % 5) * 100}m, memory: ${128 * (1 + (d % 4))}Mi}}}]\n`);
    if (d % 2 === 0) apps.push(`apiVersion: v1\nkind: Service\nmetadata: {name: app-${d}, namespace: ns-${d % 10}}\nspec:\n  selector: {app: app-${d}}\n  ports: [{port: 80}]\n`);
  }
  fs.writeFileSync(path.join(dir, 'apps.yaml'), apps.join('---\n'));
  const { ms, rss } = timeRun(['schedule', path.join(dir, 'apps.yaml'), '--nodes', path.join(dir, 'nodes.yaml'), '--format', 'json', '--output', path.join(work, 'schedule.json')], 3);
  rows.push({ case: 'schedule 10000 pods on 5000 nodes', docs: 10000, runs: 3, medianMs: Math.round(ms), docsPerSecond: Math.round((10000 / ms) * 1000), peakRssMiB: hasGnuTime ? Math.round(rss / 1048576) : 'n/a' });
}

const node = process.version;
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
console.log(`kubeproof bench (node ${node}, ${os.cpus().length} cores, commit ${commit})`);
console.table(rows);
fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify({ node, commit, cores: os.cpus().length, rows }, null, 2) + '\n');
fs.rmSync(work, { recursive: true, force: true });
