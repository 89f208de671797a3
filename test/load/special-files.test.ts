/**
 * A FIFO or device named on the command line is read once, with a bound (issue 15): before,
 * the suppression pass opened a FIFO a second time and waited for a writer that had gone, and
 * /dev/zero was read without end.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs');
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  n: 1\n'; // a number where a string goes: one finding

/** Runs the built CLI; a run still going after `limitMs` is killed and reported as hung. */
function cli(args: string[], cwd: string, stdin?: string, limitMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string; hung: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let hung = false;
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => ((hung = true), child.kill('SIGKILL')), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, hung });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

describe('special files named on the command line', () => {
  it('reads a FIFO exactly once: written once, checked, the right exit code', async () => {
    const dir = tempTree();
    const fifo = path.join(dir, 'manifests.fifo');
    execFileSync('mkfifo', [fifo]);
    // The writer opens the FIFO once and closes it: a second open by the reader would wait for ever.
    const writer = fs.promises.writeFile(fifo, MANIFEST);
    const run = await cli(['validate', '--no-config', 'manifests.fifo', '-f', 'json'], dir);
    await writer;
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; line: number }[]; summary: { resources: number } };
    expect(report.summary.resources).toBe(1);
    expect(report.diagnostics.map((d) => `${d.ruleId}@${d.line}`)).toEqual(['invalid-type@6']);
  });

  it('honours a FIFO\'s suppression comments, read from the same bytes, without opening it again', async () => {
    const dir = tempTree();
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const writer = fs.promises.writeFile(fifo, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n# kubeproof-ignore-next-line unknown-field -- planted\nbogus: 1\nzzz: 2\n');
    const run = await cli(['validate', 'pipe.yaml', '--no-config', '-f', 'json'], dir);
    await writer;
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    const found = JSON.parse(run.stdout).diagnostics.map((d: { ruleId: string; line: number; message: string }) => `${d.ruleId}@${d.line} ${d.message}`);
    expect(found).toEqual(['unknown-field@6 unknown field "zzz"']); // line 5's is suppressed by the comment
  });

  it('reads /dev/stdin once', async () => {
    const run = await cli(['validate', '--no-config', '/dev/stdin', '-f', 'json'], tempTree(), MANIFEST);
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { summary: { resources: number } }).summary.resources).toBe(1);
  });

  it('refuses an endless device at the size limit instead of reading it for ever', async () => {
    const run = await cli(['validate', '--no-config', '/dev/zero', '--max-file-size', '65536', '-f', 'json'], tempTree());
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string; line: number; column: number }[] };
    expect(report.diagnostics).toMatchObject([{ ruleId: 'file-too-large', message: 'file is more than 65536 bytes, over the 64.0 KiB limit (--max-file-size): reading stopped there', line: 1, column: 1 }]);
  });

  it('refuses endless standard input at the size limit too', async () => {
    const dir = tempTree();
    const zero = fs.openSync('/dev/zero', 'r');
    const child = spawn(process.execPath, [BIN, 'validate', '--no-config', '-', '--max-file-size', '65536', '-f', 'json'], { cwd: dir, stdio: [zero, 'pipe', 'pipe'] });
    fs.closeSync(zero);
    let stdout = '';
    child.stdout!.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise((ok) => child.on('close', ok));
    clearTimeout(timer);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { diagnostics: { ruleId: string }[] }).diagnostics.map((d) => d.ruleId)).toEqual(['file-too-large']);
  });
});
