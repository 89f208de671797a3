/**
 * Nothing lost: a run interrupted by Ctrl-C (SIGINT) or SIGTERM at any moment leaves either the
 * whole report or none, never half of one and never a temporary file; inputs are never modified.
 */
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs');

function corpus(): string {
  const files: Record<string, string> = {};
  for (let f = 0; f < 20; f++) {
    const docs: string[] = [];
    for (let i = 0; i < 100; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c-${f}-${i}, labels: {app: a${i % 7}}}\ndata: {key: "value ${i}", other: x${i}}\nbogus: ${i}\n`);
    files[`m/f${f}.yaml`] = docs.join('---\n');
  }
  return tempTree(files);
}

function digest(dir: string): string {
  const h = crypto.createHash('sha256');
  for (const f of fs.readdirSync(path.join(dir, 'm')).sort()) h.update(fs.readFileSync(path.join(dir, 'm', f)));
  return h.digest('hex');
}

function interrupted(dir: string, signal: NodeJS.Signals, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'validate', 'm', '--format', 'json', '--output', 'out/report.json'], { cwd: dir, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('exit', () => (clearTimeout(timer), resolve()));
  });
}

describe('an interrupted run', () => {
  it('leaves the whole report or none, no temporary file, and the inputs as they were', async () => {
    const dir = corpus();
    fs.mkdirSync(path.join(dir, 'out'));
    const before = digest(dir);
    const outcomes = new Set<string>();
    // Interrupts spread over the run, so some land before, some during and some after the write.
    for (const [i, ms] of [20, 60, 120, 200, 300, 400, 500, 650, 800, 1000, 1300, 1700].entries()) {
      fs.rmSync(path.join(dir, 'out', 'report.json'), { force: true });
      await interrupted(dir, i % 2 === 0 ? 'SIGINT' : 'SIGTERM', ms);
      const left = fs.readdirSync(path.join(dir, 'out'));
      expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (left.includes('report.json')) {
        expect(() => JSON.parse(fs.readFileSync(path.join(dir, 'out', 'report.json'), 'utf8'))).not.toThrow();
        outcomes.add('whole');
      } else outcomes.add('none');
    }
    expect(digest(dir)).toBe(before);
    expect(outcomes.size).toBeGreaterThan(0);
  }, 60_000);
});
