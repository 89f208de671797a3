/** The built executable, as users and CI run it: a real process, real exit codes, real streams. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

const BIN = path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs');

function kubeproof(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the kubeproof executable', () => {
  it('is built (npm test builds before testing)', () => {
    expect(fs.existsSync(BIN), 'run `npm run build` first').toBe(true);
    expect(fs.readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('checks the example overlays cleanly', () => {
    const r = kubeproof(['validate', 'overlays-example']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ no problems, 6 notes; checked 16 resources in 15 files\n$/);
  });

  it('exits 1 on findings and 2 on a missing path, with no stack trace', () => {
    expect(kubeproof(['validate', 'test/fixtures/mixed']).code).toBe(1);
    const missing = kubeproof(['validate', 'no-such-dir']);
    expect(missing).toMatchObject({ code: 2, stderr: 'kubeproof: error: no-such-dir: no such file or directory\n' });
  });

  it('reads standard input', () => {
    const r = kubeproof(['validate', '-', '--stdin-filename', 'in.yaml', '-f', 'json'], 'apiVersion: v1\nkind: Pod\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ ruleId: 'missing-name', file: 'in.yaml', line: 1, column: 1 });
  });

  it('exits 2 on a usage error', () => {
    const r = kubeproof(['validate', '--format', 'yaml', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'yaml' is invalid");
  });
});
