// npm run bench: kubeproof's performance targets, measured. A benchmark, not a test: it prints
// every case (median of fresh-process runs, peak memory), the in-process time of each pipeline
// stage, and each target with PASS / MISS, and writes bench/results/latest.json for comparison.
//
//   node bench/run.mjs [--compare OLD.json] [--against DIST] [--dist DIST] [--only a,b] [--quick] [--out FILE]
//
//   --compare OLD.json  after the run, print the change of every figure against an earlier results file
//   --against DIST      A/B on a noisy machine: every CLI case runs alternately with this other build
//                       (a dist/ directory) and with --dist; prints both side by side
//   --dist DIST         the build to measure (default: dist/ of this repository)
//   --only a,b          only the cases whose id starts with one of these (cold, lint, render, schedule, ratio,
//                       stages, floor, mem, crd, lsp); targets of cases not run show SKIP
//                       (lsp: bench/lsp.mjs, the language server's didChange -> publishDiagnostics; --dist only)
//   --quick             sizes 1,1000,10000 and fewer runs, no memory cases (about a minute)
//   --out FILE          where to write the results (default bench/results/latest.json)
//
// Environment: BENCH_SIZES=1,1000,10000,50000 (the default) picks the lint corpus sizes;
// BENCH_MEM_MIB=50,200 (the default) the sizes of the memory cases: `validate` and `check` of one
// file of that many MiB and of the same apps one file each, one run each under /usr/bin/time;
// BENCH_RUNS=n overrides the runs of every case; BENCH_KEEP=1 keeps the generated corpus (its
// directory is printed).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareResults } from './compare.mjs';
import { measureLsp } from './lsp.mjs';
import { writeCorpus, writeInventory, writeLargeFile, writeLargeTree, writeOverlayTree, writeSingleFile, writeWorkloads } from './corpus.mjs';
import { busyPercent, cliOf, fmtInt, fmtMiB, fmtMs, hasGnuTime, median, round, table, timedSpawn } from './lib.mjs';
import { judge, limitText } from './targets.mjs';
import { judgeRatios, ratioGroups, ratioTable, runRatioGroups } from './ratios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);

// --- options -------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
};
const known = new Set(['--compare', '--against', '--dist', '--only', '--quick', '--out', '--help']);
for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (see the top of bench/run.mjs)`);
if (flag('--help')) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}
const quick = flag('--quick');
const dist = path.resolve(value('--dist') ?? path.join(root, 'dist'));
const against = value('--against') && path.resolve(value('--against'));
const only = value('--only')?.split(',').filter(Boolean);
const outFile = path.resolve(value('--out') ?? path.join(here, 'results', 'latest.json'));
const compareWith = value('--compare');
const sizes = (process.env.BENCH_SIZES ?? (quick ? '1,1000,10000' : '1,1000,10000,50000')).split(',').map(Number).filter((n) => n > 0);
const runsOverride = process.env.BENCH_RUNS ? Number(process.env.BENCH_RUNS) : undefined;
const runs = (n) => runsOverride ?? (quick ? Math.max(3, Math.ceil(n / 2)) : n);
const wanted = (id) => !only || only.some((p) => id.startsWith(p));
// Memory cases take minutes (a 200 MiB run is about 2 minutes of CPU): not in --quick unless asked for by --only.
const memSizes = quick && !only?.some((p) => p.startsWith('mem')) ? [] : (process.env.BENCH_MEM_MIB ?? '50,200').split(',').map(Number).filter((n) => n > 0);

const builds = [{ label: 'main', dist }, ...(against ? [{ label: 'against', dist: against }] : [])].map((b) => ({ ...b, cli: cliOf(b.dist) }));

// --- the corpus ----------------------------------------------------------------------------
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-bench-'));
const loadStart = os.loadavg();
// What else runs: other processes' CPU use over one second before the first case (Linux).
const busyBefore = busyPercent(1000);
const started = new Date();
const log = (s) => process.stderr.write(`${s}\n`);
log(`kubeproof bench: generating the corpus in ${work}`);
const single = writeSingleFile(path.join(work, 'one', 'app.yaml'));
const corpora = new Map(sizes.map((n) => [n, writeCorpus(path.join(work, `corpus-${n}`), n)]));
const overlay = writeOverlayTree(path.join(work, 'overlay-500'), 500);
const inventory = writeInventory(path.join(work, 'schedule', 'nodes.yaml'), 5000);
const workloads = writeWorkloads(path.join(work, 'schedule', 'apps.yaml'), 10000);
const memInputs = memSizes.flatMap((mib) => {
  const cases = [];
  if (wanted(`mem-${mib}-file`)) cases.push({ mib, shape: 'file', ...writeLargeFile(path.join(work, `mem-${mib}`, 'all.yaml'), mib * 1048576) });
  if (wanted(`mem-${mib}-tree`)) cases.push({ mib, shape: 'tree', ...writeLargeTree(path.join(work, `mem-${mib}-tree`), mib * 1048576) });
  return cases;
});
const out = (name) => path.join(work, name);
// What custom resource definitions cost a run (issue 17): Istio's 14 CRDs from the real-world
// trees, beside one VirtualService, against the same run with no CRD at all.
const istioCrds = path.join(root, '..', 'shared', 'realworld', 'kubeflow-manifests', 'common', 'istio', 'istio-crds', 'base', 'crd.yaml');
const customResource = out('crd/virtualservice.yaml');
fs.mkdirSync(path.dirname(customResource), { recursive: true });
fs.writeFileSync(customResource, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: web, namespace: shop}\nspec:\n  hosts: [web]\n  http:\n  - route:\n    - destination: {host: web}\n');

// --- CLI cases: fresh process per run ------------------------------------------------------
const cases = [];
const cli = [
  { id: 'floor-node', title: 'floor: node -e 0', runs: 11, args: null },
  { id: 'floor-version', title: 'floor: kubeproof --version', runs: 11, args: ['--version'] },
  { id: 'cold-check', title: `cold check, 1 file (${single.docs} docs, one app)`, docs: single.docs, runs: 21, args: ['check', single.file, '--format', 'json', '--output', out('cold.json')] },
  ...sizes.map((n) => ({
    id: `lint-${n}`,
    title: n === 1 ? 'cold lint, 1 document' : `lint ${fmtInt(n)} documents (${fmtInt(corpora.get(n).files)} files)`,
    docs: n,
    runs: n <= 1 ? 21 : n <= 1000 ? 7 : n <= 10000 ? 5 : 3,
    args: ['lint', corpora.get(n).dir, '--format', 'json', '--output', out(`lint-${n}.json`)],
  })),
  { id: 'render-500', title: 'render 500-resource overlay', docs: 500, runs: 11, args: ['render', overlay.overlay, '--output', out('render.yaml')] },
  { id: 'schedule-10000', title: `schedule ${fmtInt(workloads.pods)} pods on ${fmtInt(inventory.nodes)} nodes`, docs: workloads.pods, runs: 5, args: ['schedule', workloads.file, '--nodes', inventory.file, '--format', 'json', '--output', out('schedule.json')] },
  ...(fs.existsSync(istioCrds)
    ? [
        { id: 'crd-with', title: 'validate 1 custom resource with 14 CRDs (Istio)', docs: 1, runs: 11, args: ['validate', '--no-config', customResource, '--crds', istioCrds, '--format', 'json', '--output', out('crd-with.json')] },
        { id: 'crd-without', title: 'validate 1 custom resource, no CRD', docs: 1, runs: 11, args: ['validate', '--no-config', customResource, '--ignore-missing-schemas', '--format', 'json', '--output', out('crd-without.json')] },
      ]
    : []),
  // Peak memory on large inputs: one run each (no warm-up), peak RSS from GNU time, judged against 4 x input + 150 MiB.
  ...memInputs.flatMap((m) =>
    ['validate', 'check'].map((command) => ({
      id: `mem-${m.mib}-${m.shape}-${command}`,
      title: `${command} ${m.mib} MiB, ${m.shape === 'file' ? 'one file' : `${fmtInt(m.files)} files`} (${fmtInt(m.docs)} docs)`,
      docs: m.docs,
      inputMiB: round(m.bytes / 1048576, 1),
      runs: 1,
      warmUp: false,
      args: [command, '--no-config', m.shape === 'file' ? m.file : m.dir, '--max-file-size', String(2 * m.bytes), '--format', 'json', '--output', out(`mem-${m.mib}-${m.shape}-${command}.json`)],
    })),
  ),
];

function summarize(c, samples, rss, cpu = []) {
  const ms = median(samples);
  return {
    id: c.id,
    title: c.title,
    command: c.args ? ['kubeproof', ...c.args.map((a) => a.replace(work, '$WORK'))].join(' ') : 'node -e 0',
    docs: c.docs,
    runs: samples.length,
    medianMs: round(ms, 1),
    minMs: round(Math.min(...samples), 1),
    maxMs: round(Math.max(...samples), 1),
    samplesMs: samples.map((x) => round(x, 1)),
    ...(c.docs && { docsPerSecond: Math.round((c.docs / ms) * 1000) }),
    ...(c.inputMiB && { inputMiB: c.inputMiB }),
    peakRssMiB: rss.length ? round(Math.max(...rss), 1) : undefined,
    medianCpuMs: cpu.length ? round(median(cpu), 1) : undefined,
  };
}

const againstCases = [];
for (const c of cli) {
  if (!wanted(c.id)) continue;
  const n = c.runs === 1 ? 1 : runs(c.runs);
  log(`  ${c.title}: ${n} run${n === 1 ? '' : 's'}${against ? ' x 2 builds, interleaved' : ''}`);
  const samples = builds.map(() => ({ ms: [], rss: [], cpu: [] }));
  // One warm-up run per build (fills the file cache), not counted.
  if (c.warmUp !== false) for (const b of builds) if (c.args) timedSpawn(process.execPath, [b.cli, ...c.args], { cwd: work });
  for (let r = 0; r < n; r++) {
    builds.forEach((b, i) => {
      const res = c.args ? timedSpawn(process.execPath, [b.cli, ...c.args], { cwd: work }) : timedSpawn(process.execPath, ['-e', '0'], { cwd: work, okStatus: [0] });
      samples[i].ms.push(res.ms);
      if (res.rssMiB !== undefined) samples[i].rss.push(res.rssMiB);
      if (res.cpuMs !== undefined) samples[i].cpu.push(res.cpuMs);
    });
  }
  cases.push(summarize(c, samples[0].ms, samples[0].rss, samples[0].cpu));
  if (against) againstCases.push(summarize(c, samples[1].ms, samples[1].rss, samples[1].cpu));
}
// What the CRDs add: CPU, not wall time (the machine has two cores and other work on them).
const crdWith = cases.find((c) => c.id === 'crd-with');
const crdWithout = cases.find((c) => c.id === 'crd-without');
if (crdWith?.medianCpuMs !== undefined && crdWithout?.medianCpuMs !== undefined) {
  cases.push({ id: 'crd-cost', title: 'CPU the 14 CRDs add to a run', command: `${crdWith.command}  vs  ${crdWithout.command}`, runs: crdWith.runs, cpuAboveMs: round(crdWith.medianCpuMs - crdWithout.medianCpuMs, 1) });
}

// --- ratio targets: each figure beside its floor, interleaved (bench/ratios.mjs) ----------
const ratioFigures = runRatioGroups(ratioGroups({ work, corpora, quick }).filter((g) => wanted(g.id)), builds, { work, runs, log });
const ratioTargets = Object.fromEntries(builds.map((b) => [b.label, judgeRatios(ratioFigures[b.label], b.label === 'main' && against ? ratioFigures.against : undefined)]));

// --- stages: in-process, one fresh process per run ----------------------------------------
const stageCases = [
  { id: 'stages-lint-10000', title: 'lint 10,000 documents', size: 10000, runs: 3, spec: () => ({ pipeline: 'lint', paths: [corpora.get(10000)?.dir] }), docs: 10000, unit: 'documents' },
  { id: 'stages-overlay-500', title: 'check 500-resource overlay', runs: 5, spec: () => ({ pipeline: 'lint', paths: [overlay.overlay] }), docs: 500, unit: 'resources' },
  { id: 'stages-schedule-10000', title: `schedule ${fmtInt(workloads.pods)} pods on ${fmtInt(inventory.nodes)} nodes`, runs: 3, spec: () => ({ pipeline: 'schedule', paths: [workloads.file], nodes: [inventory.file] }), docs: workloads.pods, unit: 'pods' },
];
const stages = [];
const againstStages = [];
function summarizeStages(s, n, results) {
  const names = Object.keys(results[0].stages);
  const total = median(results.map((x) => x.stages.total));
  const ruleIds = Object.keys(results[0].rules ?? {});
  return {
    id: s.id,
    title: s.title,
    docs: s.docs,
    unit: s.unit,
    runs: n,
    resources: results[0].resources,
    stages: names.map((name) => ({ name, medianMs: round(median(results.map((x) => x.stages[name])), 1), samplesMs: results.map((x) => round(x.stages[name], 1)) })),
    docsPerSecond: Math.round((s.docs / (total - median(results.map((x) => x.stages.import)))) * 1000),
    peakRssMiB: round(Math.max(...results.map((x) => x.rssMiB)), 1),
    slowestRules: ruleIds.map((id) => ({ id, medianMs: round(median(results.map((x) => x.rules[id])), 1) })).sort((a, b) => b.medianMs - a.medianMs).slice(0, 5),
    ...(results[0].summary && { summary: results[0].summary }),
  };
}
for (const s of stageCases) {
  if (!wanted(s.id)) continue;
  if (s.size && !corpora.has(s.size)) continue;
  const n = runs(s.runs);
  log(`  stages of ${s.title}: ${n} runs${against ? ' x 2 builds, interleaved' : ''}`);
  const results = builds.map(() => []);
  for (let r = 0; r < n; r++) {
    builds.forEach((b, i) => {
      const res = timedSpawn(process.execPath, [path.join(here, 'stages.mjs'), JSON.stringify({ ...s.spec(), dist: b.dist, cwd: work })], { cwd: work, okStatus: [0] });
      results[i].push(JSON.parse(res.stdout.trim().split('\n').pop()));
    });
  }
  stages.push(summarizeStages(s, n, results[0]));
  if (against) againstStages.push(summarizeStages(s, n, results[1]));
}

// --- the language server: single edits over the protocol, wall time and the server's CPU --------
if (wanted('lsp')) {
  const edits = runs(21);
  log(`  kubeproof lsp, didChange -> publishDiagnostics: ${edits} edits each of a plain manifest and of a base file of three overlays`);
  const lsp = await measureLsp(dist, edits);
  const lspCase = (id, title, m) => ({
    id,
    title,
    command: 'node bench/lsp.mjs',
    runs: m.wallMs.length,
    medianMs: round(median(m.wallMs), 1),
    minMs: round(Math.min(...m.wallMs), 1),
    maxMs: round(Math.max(...m.wallMs), 1),
    samplesMs: m.wallMs.map((x) => round(x, 1)),
    medianCpuMs: m.cpuMs.length ? round(median(m.cpuMs), 1) : undefined,
  });
  cases.push(lspCase('lsp-edit-plain', 'lsp: edit of a plain manifest -> its diagnostics', lsp.plain));
  cases.push(lspCase('lsp-edit-overlay', 'lsp: edit of a base file -> three overlays re-rendered, its diagnostics', lsp.overlay));
}

// --- targets, tables, results --------------------------------------------------------------
const stageNote = (id) => {
  const s = stages.find((x) => x.id === id);
  if (!s) return '';
  const parts = s.stages.filter((x) => x.name !== 'total').map((x) => `${x.name} ${fmtMs(x.medianMs)}`);
  return ` In-process: ${parts.join(', ')}${s.slowestRules.length ? `; slowest rules ${s.slowestRules.slice(0, 3).map((r) => `${r.id} ${fmtMs(r.medianMs)}`).join(', ')}` : ''}.`;
};
const targets = judge(cases).map((t) => {
  if (t.status !== 'MISS') return t;
  const extra = { 'lint-10k': stageNote('stages-lint-10000'), 'render-500': stageNote('stages-overlay-500'), 'schedule-10k': stageNote('stages-schedule-10000') }[t.id] ?? '';
  return { ...t, note: t.note + extra };
});

const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const dirty = (() => {
  try {
    return execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts', 'package.json'], { cwd: root, encoding: 'utf8' }).trim().length > 0;
  } catch {
    return undefined;
  }
})();
const cpus = os.cpus();
const results = {
  schema: 1,
  date: started.toISOString(),
  commit,
  dirty,
  node: process.version,
  machine: {
    cpu: cpus[0]?.model,
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.(),
    memoryMiB: Math.round(os.totalmem() / 1048576),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadavgStart: loadStart.map((x) => round(x, 2)),
    loadavgEnd: os.loadavg().map((x) => round(x, 2)),
    busyPercentBefore: busyBefore,
    busyPercentAfter: busyPercent(1000),
    gnuTime: hasGnuTime,
  },
  dist: dist.replace(root, '.'),
  ...(against && { against: against.replace(root, '.') }),
  sizes,
  durationS: round((Date.now() - started.getTime()) / 1000, 1),
  cases,
  stages,
  targets,
  ratios: { figures: ratioFigures.main, targets: ratioTargets.main },
  ...(against && { againstCases, againstStages, againstRatios: { figures: ratioFigures.against, targets: ratioTargets.against } }),
};

const print = (s = '') => process.stdout.write(`${s}\n`);
print(`kubeproof bench — ${results.date}, commit ${commit}${dirty ? ' (src modified)' : ''}, node ${process.version}, ${results.machine.cores} × ${results.machine.cpu}, ${results.machine.memoryMiB} MiB; load average ${results.machine.loadavgStart.join(' ')} → ${results.machine.loadavgEnd.join(' ')}; CPU busy with other work before/after: ${results.machine.busyPercentBefore ?? '?'}% / ${results.machine.busyPercentAfter ?? '?'}%`);
print('');
print(table(['case (CLI, fresh process per run)', 'runs', 'median', 'min', 'max', 'docs/s', 'peak RSS'], cases.map((c) => [c.title, c.runs, fmtMs(c.medianMs), fmtMs(c.minMs), fmtMs(c.maxMs), fmtInt(c.docsPerSecond), fmtMiB(c.peakRssMiB)])));
for (const s of stages) {
  print('');
  const total = s.stages.find((x) => x.name === 'total').medianMs;
  print(table([`stages: ${s.title} (in-process, ${s.runs} runs, ${fmtInt(s.resources)} resources)`, 'median', 'share'], s.stages.map((x) => [x.name, fmtMs(x.medianMs), x.name === 'total' ? '' : `${Math.round((100 * x.medianMs) / total)}%`])));
  print(`  ${fmtInt(s.docsPerSecond)} ${s.unit}/s after import; peak RSS ${fmtMiB(s.peakRssMiB)}${s.slowestRules.length ? `; slowest rules: ${s.slowestRules.map((r) => `${r.id} ${fmtMs(r.medianMs)}`).join(', ')}` : ''}`);
}
print('');
print(table(['TARGET', 'limit', 'measured', 'status'], targets.map((t) => [t.title, limitText(t), t.measured === null ? 'n/a' : `${t.measured} ${t.unit}`, t.status]), ['l', 'r', 'r', 'l']));
for (const t of targets) if (t.note) print(`\n${t.status} ${t.id}: ${t.note}`);
print('');
print(ratioTable(ratioTargets.main, against ? `after: ${results.dist}` : ''));
if (against) print(`\n${ratioTable(ratioTargets.against, `before: ${results.against}`)}`);

if (against) {
  print('');
  print(`A/B, interleaved runs: before = ${results.against}, after = ${results.dist}`);
  print(compareResults({ ...results, cases: againstCases, stages: againstStages, targets: judge(againstCases), dist: against }, results));
}
if (compareWith) {
  print('');
  print(`compared with ${compareWith}:`);
  print(compareResults(JSON.parse(fs.readFileSync(compareWith, 'utf8')), results));
}

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');
print(`\nwrote ${path.relative(process.cwd(), outFile) || outFile} (${results.durationS} s)`);
if (process.env.BENCH_KEEP) print(`corpus kept in ${work}`);
else fs.rmSync(work, { recursive: true, force: true });
