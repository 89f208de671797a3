// The ratio targets of `npm run bench` (issue 19): each figure beside a floor measured in the same
// run, interleaved run by run, so that two runs on machines of different speed or load can be
// compared by their ratios. Floors: `node -e 0` for a cold run (what node's own start-up costs),
// the bare yaml parse of the same corpus (bench/yaml-floor.mjs) for throughput.
//
// A group runs its members in turn, round after round (floor, case, case, floor, case, case...),
// so a burst of other work on the machine falls on all of them alike; the figure is the median
// of the rounds. CPU is user + system time of the whole process (GNU time's %U + %S), which
// another process on the same cores slows far less than wall time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmtInt, fmtMiB, fmtMs, median, round, table, timedSpawn } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `validate` of the 10k corpus, wall time over the yaml floor's, on commit 27f8cc8 (before issue
 * 19's work): `BENCH_SIZES=10000 node bench/run.mjs --only ratio` gave 10.6 s against 5.34 s, the
 * medians of 5 interleaved rounds, load average 9 on 2 cores. Wall time on a shared machine is
 * noisy: rerun both builds with --against to compare them directly. The target is 0.7 times this.
 */
export const WALL_RATIO_BEFORE = 1.99;

/** The groups to run: each member is a floor (`floor: true`) or a kubeproof command. */
export function ratioGroups({ work, corpora, quick }) {
  const cm = path.join(work, 'ratio', 'configmap.yaml');
  fs.mkdirSync(path.dirname(cm), { recursive: true });
  fs.writeFileSync(cm, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: shop\ndata:\n  LOG_LEVEL: info\n');
  const out = (name) => path.join(work, 'ratio', name);
  const groups = [
    {
      id: 'ratio-cold',
      runs: 11,
      members: [
        { id: 'floor-node', title: 'floor: node -e 0', floor: true, argv: ['-e', '0'] },
        { id: 'cold-configmap', title: 'validate one ConfigMap, cold', args: ['validate', cm, '--format', 'json', '--output', out('cm.json')] },
      ],
    },
  ];
  const c10k = corpora.get(10000);
  if (c10k) {
    groups.push({
      id: 'ratio-10k',
      runs: 5,
      members: [
        { id: 'floor-yaml-10k', title: 'floor: bare yaml parse, 10,000 documents', floor: true, argv: [path.join(here, 'yaml-floor.mjs'), c10k.dir] },
        { id: 'validate-10k', title: 'validate 10,000 documents', args: ['validate', c10k.dir, '--format', 'json', '--output', out('validate-10k.json')] },
        { id: 'lint-10k', title: 'lint 10,000 documents', args: ['lint', c10k.dir, '--format', 'json', '--output', out('lint-10k.json')] },
      ],
    });
  }
  const c50k = corpora.get(50000);
  if (c50k && !quick) {
    groups.push({
      id: 'ratio-50k',
      runs: 3,
      members: [{ id: 'validate-50k', title: 'validate 50,000 documents', args: ['validate', c50k.dir, '--format', 'json', '--output', out('validate-50k.json')] }],
    });
  }
  return groups;
}

/** Runs every group, interleaving its members (and each build of a kubeproof member): figures by build label and member id. */
export function runRatioGroups(groups, builds, { work, runs, log }) {
  const figures = Object.fromEntries(builds.map((b) => [b.label, {}]));
  for (const g of groups) {
    const n = Math.max(runs(g.runs), g.runs >= 5 ? 5 : 1);
    log(`  ${g.id}: ${n} interleaved rounds of ${g.members.map((m) => m.id).join(', ')}${builds.length > 1 ? ` (${builds.length} builds)` : ''}`);
    // Each run of a member, in the order of a round; floors run once per round, whatever the builds.
    const slots = g.members.flatMap((m) => (m.floor ? [{ m, builds }] : builds.map((b) => ({ m, builds: [b] }))));
    const spawn = (slot) => (slot.m.floor ? timedSpawn(process.execPath, slot.m.argv, { cwd: work, okStatus: [0] }) : timedSpawn(process.execPath, [slot.builds[0].cli, ...slot.m.args], { cwd: work }));
    for (const slot of slots) spawn(slot); // warm-up: the file cache, not counted
    const samples = slots.map(() => ({ ms: [], cpu: [], rss: [] }));
    for (let r = 0; r < n; r++) {
      slots.forEach((slot, i) => {
        const res = spawn(slot);
        samples[i].ms.push(res.ms);
        if (res.cpuMs !== undefined) samples[i].cpu.push(res.cpuMs);
        if (res.rssMiB !== undefined) samples[i].rss.push(res.rssMiB);
      });
    }
    slots.forEach((slot, i) => {
      const s = samples[i];
      const figure = {
        id: slot.m.id,
        title: slot.m.title,
        command: slot.m.floor ? ['node', ...slot.m.argv].join(' ').replace(work, '$WORK').replace(path.dirname(here), '.') : ['kubeproof', ...slot.m.args].join(' ').replaceAll(work, '$WORK'),
        runs: n,
        wallMs: round(median(s.ms), 1),
        cpuMs: s.cpu.length ? round(median(s.cpu), 1) : undefined,
        peakRssMiB: s.rss.length ? round(median(s.rss), 1) : undefined,
        samples: { wallMs: s.ms.map((x) => round(x, 1)), cpuMs: s.cpu.map((x) => round(x, 1)), rssMiB: s.rss.map((x) => round(x, 1)) },
      };
      for (const b of slot.builds) figures[b.label][slot.m.id] = figure;
    });
  }
  return figures;
}

/** The ratio targets of issue 19, each a figure over its floor, judged against its limit. */
export const RATIO_TARGETS = [
  { id: 'validate-10k-cpu', title: 'validate 10k: CPU over the bare yaml parse', figure: ['validate-10k', 'cpuMs'], floor: ['floor-yaml-10k', 'cpuMs'], limit: 1.3 },
  { id: 'validate-10k-wall', title: `validate 10k: wall over the bare yaml parse (0.7 x ${WALL_RATIO_BEFORE} before)`, figure: ['validate-10k', 'wallMs'], floor: ['floor-yaml-10k', 'wallMs'], limit: round(0.7 * WALL_RATIO_BEFORE, 2) },
  { id: 'lint-10k-cpu', title: "lint 10k: CPU over validate 10k's", figure: ['lint-10k', 'cpuMs'], floor: ['validate-10k', 'cpuMs'], limit: 1.15 },
  { id: 'validate-50k-rss', title: 'validate 50k: peak RSS (floor: node -e 0)', figure: ['validate-50k', 'peakRssMiB'], floor: ['floor-node', 'peakRssMiB'], absolute: 250 },
  { id: 'cold-configmap-cpu', title: "one ConfigMap cold: CPU over node's start-up", figure: ['cold-configmap', 'cpuMs'], floor: ['floor-node', 'cpuMs'], limit: 1.4 },
];

/**
 * With --against, the wall target is also judged directly: this build's wall time over the other
 * build's, from the same interleaved rounds (the floor is then the other build's run).
 */
const WALL_AGAINST = { id: 'validate-10k-wall-ab', title: 'validate 10k: wall over the --against build', figure: ['validate-10k', 'wallMs'], floor: ['validate-10k', 'wallMs'], limit: 0.7 };

/** Each ratio target with its figure, floor, ratio and PASS / MISS / SKIP; `before`: the --against build's figures. */
export function judgeRatios(figures, before) {
  return [...RATIO_TARGETS, ...(before ? [WALL_AGAINST] : [])].map((t) => {
    const f = figures[t.figure[0]];
    const fl = (t === WALL_AGAINST ? before : figures)[t.floor[0]];
    const value = f?.[t.figure[1]];
    const floor = fl?.[t.floor[1]];
    const unit = t.figure[1] === 'peakRssMiB' ? 'MiB' : 'ms';
    const base = { id: t.id, title: t.title, unit, command: f?.command, floorCommand: fl?.command, runs: f?.runs };
    if (value === undefined || floor === undefined) return { ...base, status: 'SKIP', limitText: t.absolute !== undefined ? `<= ${t.absolute} MiB` : `<= ${t.limit}x` };
    const ratio = round(value / floor, 2);
    const pass = t.absolute !== undefined ? value <= t.absolute : ratio <= t.limit;
    return { ...base, value: round(value), floor: round(floor), ratio, limitText: t.absolute !== undefined ? `<= ${t.absolute} MiB` : `<= ${t.limit}x`, status: pass ? 'PASS' : 'MISS' };
  });
}

/** The printed table: one row per target, then the commands that measured them. */
export function ratioTable(judged, label) {
  const show = (x, unit) => (x === undefined ? 'n/a' : unit === 'MiB' ? fmtMiB(x) : fmtMs(x));
  const rows = judged.map((t) => [t.title, show(t.value, t.unit), show(t.floor, t.unit), t.ratio === undefined ? 'n/a' : `${t.ratio.toFixed(2)}x`, t.limitText, t.status]);
  const lines = [table([`RATIO TARGET${label ? ` (${label})` : ''}: medians of interleaved rounds`, 'figure', 'floor', 'ratio', 'limit', 'status'], rows, ['l', 'r', 'r', 'r', 'r', 'l'])];
  const commands = new Map();
  for (const t of judged) for (const c of [t.command, t.floorCommand]) if (c) commands.set(c, t.runs);
  for (const [c, n] of commands) lines.push(`  ${c}${n ? `  (${fmtInt(n)} rounds)` : ''}`);
  return lines.join('\n');
}
