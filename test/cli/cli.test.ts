import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempTree } from '../helpers.js';

const good = path.join(FIXTURES, 'mixed', 'good.yaml');
const tagged = path.join(FIXTURES, 'mixed', 'nested', 'tagged.yml');
const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';

describe('kubeproof validate', () => {
  it('exits 0 on clean input and says what it checked', async () => {
    const r = await runCli(['validate', 'mixed/good.yaml'], { cwd: FIXTURES });
    expect(r).toEqual({ code: 0, stdout: '✔ no problems; checked 2 resources in 1 file\n', stderr: '' });
  });

  it('exits 1 when there are errors', async () => {
    const r = await runCli(['validate', 'mixed'], { cwd: FIXTURES });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('mixed/duplicates.yaml\n  5:3  error    duplicate key "name": it is already set on line 4 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)  duplicate-key\n');
    expect(r.stderr).toBe('');
  });

  it('exits 2 with one line per missing path, still reporting the others', async () => {
    const r = await runCli(['validate', 'missing.yaml', 'mixed/good.yaml', 'gone/'], { cwd: FIXTURES });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kubeproof: error: missing.yaml: no such file or directory\nkubeproof: error: gone/: no such file or directory\n');
    expect(r.stdout).toContain('checked 2 resources in 1 file');
  });

  it('treats warnings as passing unless --max-warnings is exceeded', async () => {
    expect((await runCli(['validate', tagged])).code).toBe(0);
    expect((await runCli(['validate', tagged, '--max-warnings', '1'])).code).toBe(0);
    const over = await runCli(['validate', tagged, '--max-warnings', '0']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('kubeproof: 1 warnings, more than --max-warnings 0\n');
  });

  it('--quiet reports errors only', async () => {
    const r = await runCli(['validate', 'mixed', '--quiet', '--format', 'json'], { cwd: FIXTURES });
    const severities = new Set(JSON.parse(r.stdout).diagnostics.map((d: { severity: string }) => d.severity));
    expect(severities).toEqual(new Set(['error']));
    expect(r.code).toBe(1);
  });

  it('reads standard input under --stdin-filename', async () => {
    const r = await runCli(['validate', '-', '--stdin-filename', 'deploy/app.yaml', '-f', 'github'], { stdin: `${cm}  name: again\n` });
    expect(r.stdout).toBe('::error file=deploy/app.yaml,line=5,col=3,endColumn=7,title=kubeproof(duplicate-key)::duplicate key "name": it is already set on line 4 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)\n');
    expect(r.code).toBe(1);
  });

  it('writes --output atomically and prints nothing to stdout', async () => {
    const dir = tempTree({ 'a.yaml': cm });
    const r = await runCli(['validate', 'a.yaml', '--format', 'sarif', '--output', 'out/../report.sarif'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.yaml', 'report.sarif']); // no temporary file left behind
  });

  it('exits 2 with one line when the report cannot be written', async () => {
    const dir = tempTree({ 'a.yaml': cm });
    const r = await runCli(['validate', 'a.yaml', '--output', 'no/such/dir/report.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubeproof: error: cannot write ${path.join(dir, 'no/such/dir/report.txt')}: no such directory\n`);
  });

  it('colours text on a terminal only, and never with NO_COLOR or --no-color', async () => {
    const args = ['validate', tagged];
    expect((await runCli(args, { tty: true })).stdout).toContain('\u001b[');
    expect((await runCli(args, { tty: false })).stdout).not.toContain('\u001b[');
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--color'], { tty: false })).stdout).toContain('\u001b[');
  });

  it('gives the same bytes on every run', async () => {
    for (const format of ['text', 'json', 'sarif', 'junit', 'github', 'html']) {
      const a = await runCli(['validate', 'mixed', '-f', format], { cwd: FIXTURES });
      const b = await runCli(['validate', 'mixed', '-f', format], { cwd: FIXTURES });
      expect(b.stdout).toBe(a.stdout);
    }
  });
});

describe('usage', () => {
  it('--help and --version succeed', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate [options] [paths...]');
    const sub = await runCli(['validate', '--help']);
    expect(sub.stdout).toContain('--max-warnings <n>');
    expect(sub.stdout.replace(/\s+/g, ' ')).toContain('repeatable: text, json, sarif, junit, github, html; FORMAT=FILE');
    const version = await runCli(['--version']);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('exits 2 on usage errors, with a hint and no stack trace', async () => {
    for (const args of [['validate'], ['validate', good, '--format', 'xml'], ['validate', good, '--bogus'], ['validate', good, '--max-warnings', 'many'], ['frobnicate']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^(kubeproof: )?error: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
