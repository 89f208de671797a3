/**
 * The long fuzz campaign's worker, run by scripts/fuzz.mjs through vitest (vitest runs the
 * TypeScript sources as they are, no build needed). Not part of `npm test`: the file name does
 * not end in .test.ts, and only test/fuzz/vitest.campaign.config.ts includes it.
 *
 * The driver passes everything in the environment:
 *   FUZZ_MODE       campaign | replay | save
 *   FUZZ_CASE       target:seed (replay, save)
 *   FUZZ_LABEL      the campaign's name: with the input's index it makes the input's seed
 *   FUZZ_START      the index to start at (after a hang, the driver restarts past it)
 *   FUZZ_DEADLINE   epoch milliseconds to stop at
 *   FUZZ_TARGETS    comma-separated targets to rotate through
 *   FUZZ_BUDGET     milliseconds of CPU an input may take
 *   FUZZ_STATUS     file to write progress and results to (JSON)
 *   FUZZ_HEARTBEAT  file to write "index target seed started-at" to before each input
 *   FUZZ_CRASHES    directory for failing inputs
 */
import * as fs from 'node:fs';
import { it } from 'vitest';
import { BUDGET_MS, caseSeed, CRASH_DIR, makeCase, reproCommand, runCase, saveCrash, warmUp } from './runner.js';
import { TARGET_NAMES, type TargetName } from './targets.js';

const env = process.env;

interface TargetStats {
  runs: number;
  failures: number;
  totalMs: number;
  slowestMs: number;
  slowestCpuMs: number;
  slowestSeed: number | null;
}

interface Status {
  mode: string;
  inputs: number;
  nextIndex: number;
  done: boolean;
  perTarget: Record<string, TargetStats>;
  failures: { target: TargetName; seed: number; index: number; saved: string | null; reproduce: string; first: string }[];
  /** Warm-up, in milliseconds (not charged to any input). */
  warmUpMs: number;
  replay?: { violations: string[]; ms: number; cpuMs: number; origin: string; ops: string[] };
  saved?: string;
}

function parseCase(spec: string | undefined): { target: TargetName; seed: number } {
  const [target, seed] = (spec ?? '').split(':');
  if (!TARGET_NAMES.includes(target as TargetName) || !/^\d+$/.test(seed ?? '')) throw new Error(`FUZZ_CASE must be target:seed with a target of ${TARGET_NAMES.join(', ')}`);
  return { target: target as TargetName, seed: Number(seed) };
}

/** A failure's kind, for saving only a few inputs of each (a bug found once is found a thousand times). */
function signature(target: string, violation: string): string {
  return `${target}: ${violation.split('\n')[0]!.replace(/\d+/g, 'N').replace(/"[^"]*"/g, '""').slice(0, 160)}`;
}

it(
  'fuzz campaign',
  async () => {
    const statusFile = env.FUZZ_STATUS;
    const heartbeat = env.FUZZ_HEARTBEAT;
    const budget = Number(env.FUZZ_BUDGET ?? BUDGET_MS);
    const crashes = env.FUZZ_CRASHES ?? CRASH_DIR;
    const mode = env.FUZZ_MODE ?? 'campaign';
    const status: Status = { mode, inputs: 0, nextIndex: Number(env.FUZZ_START ?? 0), done: false, perTarget: {}, failures: [], warmUpMs: 0 };
    const write = () => statusFile && fs.writeFileSync(statusFile, JSON.stringify(status));

    if (mode === 'save') {
      const { target, seed } = parseCase(env.FUZZ_CASE);
      status.saved = saveCrash(makeCase(target, seed), [env.FUZZ_WHY ?? 'hang: the input never finished'], crashes);
      status.done = true;
      write();
      return;
    }

    const t0 = performance.now();
    warmUp();
    status.warmUpMs = Math.round(performance.now() - t0);

    if (mode === 'replay') {
      const { target, seed } = parseCase(env.FUZZ_CASE);
      const c = makeCase(target, seed);
      if (heartbeat) fs.writeFileSync(heartbeat, `0 ${target} ${seed} ${Date.now()}`);
      const r = await runCase(c, budget);
      status.replay = { violations: r.violations, ms: r.ms, cpuMs: r.cpuMs, origin: c.origin, ops: c.ops };
      if (r.violations.length && env.FUZZ_SAVE_REPLAY) status.saved = saveCrash(c, r.violations, crashes);
      status.inputs = 1;
      status.done = true;
      write();
      return;
    }

    const targets = (env.FUZZ_TARGETS ?? TARGET_NAMES.join(',')).split(',').filter(Boolean) as TargetName[];
    for (const t of targets) if (!TARGET_NAMES.includes(t)) throw new Error(`unknown target ${t}`);
    const label = env.FUZZ_LABEL ?? 'campaign';
    const deadline = Number(env.FUZZ_DEADLINE ?? Date.now() + 60_000);
    const savedPerSignature = new Map<string, number>();
    let lastWrite = 0;
    for (let index = status.nextIndex; Date.now() < deadline; index++) {
      const target = targets[index % targets.length]!;
      const seed = caseSeed(label, target, index);
      if (heartbeat) fs.writeFileSync(heartbeat, `${index} ${target} ${seed} ${Date.now()}`);
      const c = makeCase(target, seed);
      const r = await runCase(c, budget);
      const s = (status.perTarget[target] ??= { runs: 0, failures: 0, totalMs: 0, slowestMs: 0, slowestCpuMs: 0, slowestSeed: null });
      s.runs++;
      s.totalMs += r.ms;
      if (r.cpuMs > s.slowestCpuMs) Object.assign(s, { slowestMs: Math.round(r.ms), slowestCpuMs: Math.round(r.cpuMs), slowestSeed: seed });
      status.inputs++;
      status.nextIndex = index + 1;
      if (r.violations.length) {
        s.failures++;
        const sig = signature(target, r.violations[0]!);
        const n = savedPerSignature.get(sig) ?? 0;
        savedPerSignature.set(sig, n + 1);
        const saved = n < 3 && status.failures.length < 200 ? saveCrash(c, r.violations, crashes) : null;
        if (status.failures.length < 1000) status.failures.push({ target, seed, index, saved, reproduce: reproCommand(target, seed), first: r.violations[0]!.split('\n')[0]!.slice(0, 300) });
      }
      if (Date.now() - lastWrite > 1000) {
        write();
        lastWrite = Date.now();
      }
    }
    status.done = true;
    write();
  },
  0, // no timeout: the campaign keeps its own deadline, and the driver watches for hangs
);
