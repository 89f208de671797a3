/**
 * Running fuzz cases: each timed (CPU time, so a busy machine does not fail a case that is not
 * itself slow), each failure saved with what reproduces it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeThrow, prototypePollution } from './properties.js';
import { deriveSeed } from './prng.js';
import { manifestSeeds, REPO_ROOT, treeSeeds } from './seeds.js';
import { TARGETS, TARGET_NAMES, type FuzzCase, type TargetName } from './targets.js';
import { check } from '../../src/api/check.js';
import { validate } from '../../src/api/validate.js';

/** Every input must finish within this (CPU milliseconds)... */
export const BUDGET_MS = 1000;

/**
 * ...plus this much per MiB of input past the first: a hang is time out of proportion to the
 * input. Reading, hashing and writing back an 18 MB generator file takes about 1.1 s; that is
 * throughput, not a hang (kubeproof moves plain data at roughly 20 MB/s and parses YAML at 2-3).
 */
export const BUDGET_MS_PER_MIB = 60;

/** The budget of a case: BUDGET_MS (or the campaign's own), and more for a big input. */
export function budgetFor(c: FuzzCase, base = BUDGET_MS): number {
  const bytes = Object.values(c.files).reduce((n, f) => n + (typeof f === 'string' ? Buffer.byteLength(f) : f.length), 0);
  return base + Math.max(0, bytes / 1048576 - 1) * BUDGET_MS_PER_MIB;
}

export const CRASH_DIR = path.join(REPO_ROOT, 'test', 'fuzz', 'crashes');

export interface CaseResult {
  target: TargetName;
  seed: number;
  /** Wall-clock milliseconds. */
  ms: number;
  /** CPU milliseconds (user + system) of this process while the case ran. */
  cpuMs: number;
  violations: string[];
}

export async function runCase(c: FuzzCase, base = BUDGET_MS): Promise<CaseResult> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let violations: string[];
  try {
    violations = await c.run();
  } catch (err) {
    violations = [describeThrow(err)];
  }
  violations.push(...prototypePollution());
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const budgetMs = Math.round(budgetFor(c, base) + (c.extraBudgetMs ?? 0));
  if (cpuMs > budgetMs && ms > budgetMs) violations.push(`took ${Math.round(ms)} ms (${Math.round(cpuMs)} ms of CPU), over the ${budgetMs} ms budget`);
  return { target: c.target, seed: c.seed, ms, cpuMs, violations };
}

/** The seed of input `index` of a campaign (or of the seeded test run) for a target. */
export function caseSeed(campaign: string, target: TargetName, index: number): number {
  return deriveSeed(`${campaign}/${target}`, index);
}

export function makeCase(target: TargetName, seed: number): FuzzCase {
  return TARGETS[target](seed);
}

export function reproCommand(target: TargetName, seed: number): string {
  return `npm run fuzz -- --replay ${target}:${seed}`;
}

/** Writes a failing (or hanging) case's input and report under test/fuzz/crashes/<target>-<seed>/; returns the directory. */
export function saveCrash(c: FuzzCase, what: string[], dir = CRASH_DIR): string {
  const out = path.join(dir, `${c.target}-${c.seed}`);
  fs.mkdirSync(out, { recursive: true });
  for (const [rel, bytes] of Object.entries(c.files)) {
    const p = path.join(out, 'input', rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
  }
  const report = [
    `target: ${c.target}`,
    `seed: ${c.seed}`,
    `from: ${c.origin}`,
    `mutations:`,
    ...c.ops.map((o) => `  - ${o}`),
    `reproduce: ${reproCommand(c.target, c.seed)}`,
    `failures:`,
    ...what.map((w) => `  - ${w.replace(/\n/g, '\n    ')}`),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(out, 'REPORT.txt'), report);
  return out;
}

let warm = false;
/**
 * Compiles what the first run of each kind compiles (schema validators, rule modules) on the
 * unmutated corpus, so one-time start-up cost is not charged to the first input that needs it.
 */
export function warmUp(): void {
  if (warm) return;
  warm = true;
  for (const s of manifestSeeds()) {
    const bytes = Buffer.from(s.text);
    try {
      check(['-'], { readStdin: () => bytes, stdinFilename: 'warm.yaml', cwd: REPO_ROOT });
      validate(['-'], { readStdin: () => bytes, stdinFilename: 'warm.yaml', cwd: REPO_ROOT, kubernetesVersion: '1.33' });
    } catch {
      // a crash here is found again, and reported, by the fuzz case that meets it
    }
  }
  treeSeeds();
  for (const target of TARGET_NAMES) makeCase(target, 1);
}
