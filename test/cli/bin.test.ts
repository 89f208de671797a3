/** The built executable, as users and CI run it: a real process, real exit codes, real streams. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

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

  it('is the one the package installs', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(path.join(REPO_ROOT, manifest.bin.kubeproof!)).toBe(BIN);
  });

  // Issue 19 item 6: what a cold one-file run costs over Node's own start-up.
  it('starts a one-file validate without the ES module loader or the modules only other runs use', () => {
    const probe = path.join(REPO_ROOT, 'test', 'cli', 'module-load-list.cjs');
    const dir = tempTree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n' });
    const r = spawnSync(process.execPath, ['--require', probe, BIN, 'validate', 'cm.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = r.stderr.split('\n');
    for (const unused of ['internal/modules/esm/module_job', 'internal/modules/esm/translators', 'crypto', 'zlib', 'worker_threads', 'child_process', 'v8']) expect(loaded).not.toContain(`NativeModule ${unused}`);
  });

  it('makes no stream at all when the report goes to a file: process.stdout is made only to be written', () => {
    const probe = path.join(REPO_ROOT, 'test', 'cli', 'module-load-list.cjs');
    const dir = tempTree({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  LOG_LEVEL: info\n' });
    const r = spawnSync(process.execPath, ['--require', probe, BIN, 'validate', 'cm.yaml', '--format', 'json', '--output', 'report.json'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).diagnostics).toEqual([]);
    const loaded = r.stderr.split('\n');
    for (const unused of ['stream', 'net', 'tty', 'child_process', 'v8']) expect(loaded).not.toContain(`NativeModule ${unused}`);
  });

  it('has a code cache for validate and one for the other commands, both accepted by this Node', () => {
    const bundle = path.join(REPO_ROOT, 'dist', 'cli', 'kubeproof.cjs');
    // In a plain Node process: V8 checks a cache against its flags, and the test runner's may differ.
    const probe = `const fs = require('node:fs'), vm = require('node:vm'), { Module } = require('node:module');
      const source = Module.wrap(fs.readFileSync(process.argv[1], 'utf8'));
      for (const cache of ['.cache', '.validate.cache']) console.log(cache, new vm.Script(source, { filename: process.argv[1], cachedData: fs.readFileSync(process.argv[1] + cache) }).cachedDataRejected);`;
    const r = spawnSync(process.execPath, ['-e', probe, bundle], { encoding: 'utf8' });
    expect(r.stdout, r.stderr).toBe('.cache false\n.validate.cache false\n');
    // validate's holds no render, scheduler nor most rules: less for every cold validate to deserialize.
    expect(fs.statSync(`${bundle}.validate.cache`).size).toBeLessThan(fs.statSync(`${bundle}.cache`).size * 0.85);
  });

  it('is a bundle of ASCII only: V8 reads it as a one-byte string, not as twice its size in UTF-16', () => {
    const lines = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'cli', 'kubeproof.cjs'), 'latin1').split('\n');
    const nonAscii = lines.flatMap((line, i) => (/[^\x00-\x7f]/.test(line) ? [`line ${i + 1}: ${line.trim().slice(0, 80)}`] : []));
    expect(nonAscii, 'a comment esbuild keeps has a non-ASCII character (esbuild escapes those of strings)').toEqual([]);
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
