/**
 * A FIFO or device named on the command line is read once, with a bound (issue 15): before,
 * the suppression pass opened a FIFO a second time and waited for a writer that had gone, and
 * /dev/zero was read without end.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');
const MANIFEST = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n# kubeproof-ignore-next-line unknown-field -- planted\nbogus: 1\nzzz: 2\n';

function cli(args: string[], cwd: string, timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs); // a hang fails the test, not the suite
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

describe('special files named on the command line', () => {
  it('reads a FIFO once: its findings, and its suppression comments honoured without opening it again', async () => {
    const dir = tempTree({ 'source.yaml': MANIFEST });
    const fifo = path.join(dir, 'pipe.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const writer = spawn('sh', ['-c', `cat source.yaml > pipe.yaml`], { cwd: dir });
    const r = await cli(['validate', 'pipe.yaml', '--no-config', '-f', 'json'], dir);
    writer.kill();
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string; line: number; message: string }) => `${d.ruleId}@${d.line} ${d.message}`);
    expect(found).toEqual(['unknown-field@6 unknown field "zzz"']); // line 5's is suppressed by the comment read from the same bytes
  });

  it.skipIf(!fs.existsSync('/dev/zero'))('reads an endless device only to one byte past --max-file-size', async () => {
    const started = Date.now();
    const r = await cli(['validate', '/dev/zero', '--no-config', '--max-file-size', '100000'], tempTree());
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('file-too-large');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
