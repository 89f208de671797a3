#!/usr/bin/env node
// The long fuzz campaign (`npm run fuzz`): rotates through the targets of test/fuzz/targets.ts
// (loader, render, quantity, selectors, schedule, cli) for a while, every input seeded so a
// failure replays exactly. The inputs run in a vitest child (it runs the TypeScript sources, no
// build needed); this driver watches it, and when an input hangs it kills the child, saves the
// input and starts a new child past it. Failing inputs go to test/fuzz/crashes/ (git-ignored),
// each with a REPORT.txt that names the command reproducing it.
//
//   npm run fuzz                               10 minutes (or FUZZ_MINUTES)
//   npm run fuzz -- --minutes 60 --label nightly-1
//   npm run fuzz -- --seconds 30 --targets loader,render
//   npm run fuzz -- --replay loader:123456     run one input again, print what it broke
//
// Options: --minutes N, --seconds N, --label TEXT (default: the current time; the same label and
// targets give the same inputs), --targets LIST, --budget MS (CPU time an input may take,
// default 1000), --hang-seconds N (an input running this long is a hang, default 30),
// --save (with --replay: save the input under test/fuzz/crashes/).
// Exit code: 0 when every input held every property, 1 otherwise, 2 on a usage error.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const config = path.join('test', 'fuzz', 'vitest.campaign.config.ts');
const crashes = path.join(root, 'test', 'fuzz', 'crashes');
const TARGETS = ['loader', 'render', 'quantity', 'selectors', 'schedule', 'cli'];

function usage(message) {
  process.stderr.write(`fuzz: ${message}\n(see the top of scripts/fuzz.mjs for the options)\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const opts = { minutes: Number(process.env.FUZZ_MINUTES ?? 10), label: undefined, targets: TARGETS, budget: 1000, hangSeconds: 30, replay: undefined, save: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const value = () => {
    const v = args[++i];
    if (v === undefined) usage(`${a} needs a value`);
    return v;
  };
  const number = () => {
    const n = Number(value());
    if (!Number.isFinite(n) || n <= 0) usage(`${a} needs a positive number`);
    return n;
  };
  if (a === '--minutes') opts.minutes = number();
  else if (a === '--seconds') opts.minutes = number() / 60;
  else if (a === '--label') opts.label = value();
  else if (a === '--targets') opts.targets = value().split(',').map((t) => t.trim()).filter(Boolean);
  else if (a === '--budget') opts.budget = number();
  else if (a === '--hang-seconds') opts.hangSeconds = number();
  else if (a === '--replay') opts.replay = value();
  else if (a === '--save') opts.save = true;
  else usage(`unknown option ${a}`);
}
for (const t of opts.targets) if (!TARGETS.includes(t)) usage(`unknown target ${t} (targets: ${TARGETS.join(', ')})`);
if (!Number.isFinite(opts.minutes) || opts.minutes <= 0) usage('the duration must be a positive number of minutes');
if (opts.replay !== undefined && !/^[a-z]+:\d+$/.test(opts.replay)) usage('--replay takes target:seed, as a REPORT.txt names it');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-fuzz-run-'));
const statusFile = path.join(work, 'status.json');
const heartbeatFile = path.join(work, 'heartbeat');
const logFile = path.join(work, 'vitest.log');
const seconds = (ms) => `${Math.floor(ms / 60_000)}:${String(Math.floor((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** Runs one vitest child; resolves with its exit code, or 'hang' (and the heartbeat) after killing it. */
function runChild(env) {
  for (const f of [statusFile, heartbeatFile]) fs.rmSync(f, { force: true });
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [vitest, 'run', '--config', config], {
    cwd: root,
    env: { ...process.env, FUZZ_STATUS: statusFile, FUZZ_HEARTBEAT: heartbeatFile, FUZZ_BUDGET: String(opts.budget), FUZZ_CRASHES: crashes, ...env },
    stdio: ['ignore', log, log],
    detached: true, // its own process group: a hang is killed with vitest's worker
  });
  return new Promise((resolve) => {
    let settled = false;
    const timer = setInterval(() => {
      const beat = readHeartbeat();
      if (beat && Date.now() - beat.startedAt > opts.hangSeconds * 1000) {
        settled = true;
        clearInterval(timer);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        resolve({ code: 'hang', beat });
      }
    }, 500);
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      fs.closeSync(log);
      if (!settled) resolve({ code: code ?? signal, beat: readHeartbeat() });
    });
  });
}

function readHeartbeat() {
  try {
    const [index, target, seed, startedAt] = fs.readFileSync(heartbeatFile, 'utf8').split(' ');
    return { index: Number(index), target, seed: Number(seed), startedAt: Number(startedAt) };
  } catch {
    return undefined;
  }
}

function readStatus() {
  try {
    return JSON.parse(fs.readFileSync(statusFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function logTail() {
  try {
    return fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}

async function replay() {
  const [target, seed] = opts.replay.split(':');
  const r = await runChild({ FUZZ_MODE: 'replay', FUZZ_CASE: `${target}:${seed}`, ...(opts.save && { FUZZ_SAVE_REPLAY: '1' }) });
  if (r.code === 'hang') {
    process.stdout.write(`${target}:${seed}: still running after ${opts.hangSeconds} s (a hang)\n`);
    return 1;
  }
  const status = readStatus();
  if (!status?.replay) {
    process.stdout.write(`the fuzz worker failed (exit ${r.code}):\n${logTail()}\n`);
    return 1;
  }
  const { violations, ms, cpuMs, origin, ops } = status.replay;
  process.stdout.write(`${target}:${seed} from ${origin}\n  ${ops.join('\n  ')}\n${Math.round(ms)} ms (${Math.round(cpuMs)} ms CPU)\n`);
  process.stdout.write(violations.length ? `FAILED:\n  ${violations.join('\n  ')}\n` : 'every property held\n');
  if (status.saved) process.stdout.write(`input saved in ${path.relative(root, status.saved)}\n`);
  return violations.length ? 1 : 0;
}

async function campaign() {
  const label = opts.label ?? `campaign-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const started = Date.now();
  const deadline = started + opts.minutes * 60_000;
  const totals = { inputs: 0, perTarget: {}, failures: [], hangs: [], warmUpMs: [] };
  process.stdout.write(`fuzz: ${opts.minutes} min over ${opts.targets.join(', ')}, label ${label}; each input within ${opts.budget} ms of CPU, a hang after ${opts.hangSeconds} s\n`);
  const progress = setInterval(() => {
    const s = readStatus();
    const inputs = totals.inputs + (s?.inputs ?? 0);
    const failures = totals.failures.length + totals.hangs.length + (s?.failures.length ?? 0);
    process.stdout.write(`[${seconds(Date.now() - started)}] ${inputs} inputs, ${failures} failing\n`);
  }, 30_000);

  let start = 0;
  while (Date.now() < deadline - 5_000) {
    const r = await runChild({ FUZZ_MODE: 'campaign', FUZZ_LABEL: label, FUZZ_START: String(start), FUZZ_DEADLINE: String(deadline), FUZZ_TARGETS: opts.targets.join(',') });
    const s = readStatus();
    if (s) {
      totals.inputs += s.inputs;
      totals.warmUpMs.push(s.warmUpMs);
      totals.failures.push(...s.failures);
      for (const [t, x] of Object.entries(s.perTarget)) {
        const into = (totals.perTarget[t] ??= { runs: 0, failures: 0, totalMs: 0, slowestMs: 0, slowestCpuMs: 0, slowestSeed: null });
        into.runs += x.runs;
        into.failures += x.failures;
        into.totalMs += x.totalMs;
        if (x.slowestCpuMs > into.slowestCpuMs) Object.assign(into, { slowestMs: x.slowestMs, slowestCpuMs: x.slowestCpuMs, slowestSeed: x.slowestSeed });
      }
    }
    if (r.code === 0 && s?.done) break;
    // A hang, or a worker that died (out of memory, a fatal V8 error): the input it was on is the failure.
    const beat = r.beat;
    if (!beat) {
      clearInterval(progress);
      process.stdout.write(`fuzz: the worker failed before running any input (exit ${r.code}):\n${logTail()}\n`);
      return 1;
    }
    const why = r.code === 'hang' ? `hang: still running after ${opts.hangSeconds} s` : `the worker process died (exit ${r.code}) while running this input`;
    const saved = await runChild({ FUZZ_MODE: 'save', FUZZ_CASE: `${beat.target}:${beat.seed}`, FUZZ_WHY: why });
    const where = readStatus()?.saved;
    totals.hangs.push({ target: beat.target, seed: beat.seed, index: beat.index, saved: where ?? null, first: why, reproduce: `npm run fuzz -- --replay ${beat.target}:${beat.seed}` });
    process.stdout.write(`fuzz: ${beat.target}:${beat.seed}: ${why}${where ? ` (saved in ${path.relative(root, where)})` : saved.code === 0 ? '' : ' (could not be saved)'}\n`);
    start = beat.index + 1;
  }
  clearInterval(progress);

  const elapsed = Date.now() - started;
  const rows = Object.entries(totals.perTarget).sort(([a], [b]) => TARGETS.indexOf(a) - TARGETS.indexOf(b));
  let slowest = { ms: 0, cpuMs: 0, name: '-' };
  for (const [t, x] of rows) if (x.slowestCpuMs > slowest.cpuMs) slowest = { ms: x.slowestMs, cpuMs: x.slowestCpuMs, name: `${t}:${x.slowestSeed}` };
  const lines = [
    '',
    `fuzz summary (label ${label})`,
    `  duration        ${seconds(elapsed)} (warm-up ${totals.warmUpMs.map((m) => `${m} ms`).join(', ')})`,
    `  inputs          ${totals.inputs}`,
    ...rows.map(([t, x]) => `  ${t.padEnd(10)}      ${String(x.runs).padStart(7)} inputs, ${String(x.failures).padStart(4)} failing, mean ${(x.totalMs / Math.max(1, x.runs)).toFixed(1)} ms, slowest ${x.slowestMs} ms (${x.slowestCpuMs} ms CPU, ${t}:${x.slowestSeed})`),
    `  slowest input   ${slowest.ms} ms (${slowest.cpuMs} ms CPU): ${slowest.name}`,
    `  failing inputs  ${totals.failures.length}, hangs ${totals.hangs.length}`,
  ];
  const all = [...totals.hangs, ...totals.failures];
  const kinds = new Map();
  for (const f of all) {
    const key = `${f.target}: ${f.first.replace(/\d+/g, 'N').slice(0, 140)}`;
    if (!kinds.has(key)) kinds.set(key, f);
  }
  for (const [key, f] of kinds) lines.push(`    ${key}\n      e.g. ${f.reproduce}${f.saved ? `  (${path.relative(root, f.saved)})` : ''}`);
  process.stdout.write(lines.join('\n') + '\n');
  return all.length ? 1 : 0;
}

process.exitCode = opts.replay ? await replay() : await campaign();
fs.rmSync(work, { recursive: true, force: true });
