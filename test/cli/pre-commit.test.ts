/**
 * The pre-commit hook, driven the way pre-commit drives it: read .pre-commit-hooks.yaml, select
 * the staged files by the hook's `files`/`exclude`/`types`, build the command line from `entry`
 * + `args` + those file names, run it from the repository root, and judge by the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { check } from '../../src/api/check.js';
import { formatReport } from '../../src/api/format.js';
import { exitCodeFor } from '../../src/api/validate.js';
import { addTargetOptions, resolveTargets, type TargetOptions } from '../../src/cli/commands/targets.js';
import { REPO_ROOT, runCli } from '../helpers.js';
import { deploy, repo } from '../api/repo-fixture.js';
import { manifestProblems, selectForHook, tagsOf, type Hook } from './pre-commit-identify.js';

const hooks = parse(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'kubeproof')!;

const selectFiles = (staged: string[], root: string) => selectForHook(hook, staged, root);

/** entry split as shlex splits it (no quoting in ours), then args, then the file names. */
function commandLine(staged: string[], root: string): string[] {
  expect(hook.entry).not.toMatch(/["'\\]/);
  return [...hook.entry.trim().split(/\s+/), ...(hook.args ?? []), ...selectFiles(staged, root)];
}

/** A git work tree of the shared fixture: two overlays of one base, plain manifests. */
function gitRepo(extra: Record<string, string> = {}): string {
  const dir = repo(extra);
  fs.mkdirSync(path.join(dir, '.git'));
  return dir;
}

/** The check command with this feature's flags, as program.ts will wire it, without the rest of the CLI. */
async function runOwnCheck(argv: string[], cwd: string): Promise<{ code: number; targets: string[]; stdout: string }> {
  let out = { code: -1, targets: [] as string[], stdout: '' };
  const program = new Command('kubeproof').exitOverride();
  addTargetOptions(program.command('check').argument('<paths...>')).action((paths: string[], opts: TargetOptions) => {
    const targets = resolveTargets(paths, opts, cwd);
    const result = check(targets, { cwd });
    out = { code: exitCodeFor(result), targets, stdout: formatReport('text', result, { color: false }) };
  });
  await program.parseAsync(argv, { from: 'user' });
  return out;
}

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook that runs `kubeproof check --affected` on staged manifests, in one process', () => {
    expect(hook).toMatchObject({ name: 'kubeproof', language: 'node', entry: 'kubeproof check --affected', require_serial: true });
    expect(hook.pass_filenames).not.toBe(false);
    // The executable pre-commit installs from this repository (npm pack + npm install -g) is package.json's bin.
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook.entry.split(' ')[0]);
  });

  it('is a manifest pre-commit accepts: required and known keys, a known language, real file-type tags', () => {
    for (const h of hooks) expect(manifestProblems(h as unknown as Record<string, unknown>)).toEqual([]);
    // the checker itself catches what pre-commit would refuse
    expect(manifestProblems({ id: 'x', name: 'x', entry: 'x', language: 'nodejs', types: ['yml'], file: 'x' })).toEqual(['unexpected key file', 'unknown language nodejs', 'types: unknown tag yml']);
  });

  it('classifies files as identify does', () => {
    const root = gitRepo({ 'README.md': '# docs\n', 'plain/list.json': '{}\n' });
    fs.symlinkSync('cm.yaml', path.join(root, 'plain', 'link.yaml'));
    expect([...tagsOf(path.join(root, 'plain', 'cm.yaml'))].sort()).toEqual(['file', 'non-executable', 'text', 'yaml']);
    expect([...tagsOf(path.join(root, 'plain', 'list.json'))].sort()).toEqual(['file', 'json', 'non-executable', 'text']);
    expect([...tagsOf(path.join(root, 'standalone', 'Kustomization'))].sort()).toEqual(['file', 'non-executable', 'text']);
    expect([...tagsOf(path.join(root, 'plain', 'link.yaml'))]).toEqual(['symlink']);
  });

  it('selects YAML, JSON and Kustomization files, not the rest of a commit', () => {
    const root = gitRepo({ 'README.md': '# docs\n', 'plain/list.json': '{"apiVersion": "v1", "kind": "List", "items": []}\n' });
    fs.symlinkSync('cm.yaml', path.join(root, 'plain', 'link.yaml'));
    const staged = ['README.md', 'base/app.conf', 'standalone/Kustomization', 'plain/cm.yaml', 'plain/list.json', 'plain/link.yaml', 'overlays/a/patch.yaml'];
    expect(selectFiles(staged, root)).toEqual(['standalone/Kustomization', 'plain/cm.yaml', 'plain/list.json', 'overlays/a/patch.yaml']);
    expect(selectFiles(['README.md', 'base/app.conf'], root)).toEqual([]); // pre-commit skips the hook: nothing to pass
  });
});

describe('the hook command line', () => {
  const staged = ['README.md', 'base/deploy.yaml', 'overlays/a/patch.yaml', 'plain/cm.yaml'];

  it('renders the overlays a staged base file reaches, and fails on a base mistake (through this feature’s own wiring)', async () => {
    const root = gitRepo({ 'base/deploy.yaml': deploy('"two"'), 'README.md': '# docs\n' });
    const argv = commandLine(staged, root);
    expect(argv).toEqual(['kubeproof', 'check', '--affected', 'base/deploy.yaml', 'overlays/a/patch.yaml', 'plain/cm.yaml']);
    const r = await runOwnCheck(argv.slice(1), root);
    expect(r.targets).toEqual(['overlays/a', 'overlays/b', 'plain/cm.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^base\/deploy\.yaml\n +6:13 +error +spec\.replicas: Invalid value: "two": must be an integer/m);
    expect(r.stdout.match(/base\/deploy\.yaml\n/g)).toHaveLength(1); // seen through two overlays, reported once
  });

  it('passes a clean commit', async () => {
    const root = gitRepo({ 'README.md': '# docs\n' });
    const r = await runOwnCheck(commandLine(staged, root).slice(1), root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/in 3 files\n$/);
  });

  it('runs as the real CLI (kubeproof check --affected, wired in program.ts)', async () => {
    const root = gitRepo({ 'base/deploy.yaml': deploy('"two"'), 'README.md': '# docs\n' });
    const bad = await runCli(commandLine(staged, root).slice(1), { cwd: root });
    expect(bad.stderr).toBe('');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^base\/deploy\.yaml\n +6:13 +error +spec\.replicas/m);
    expect(bad.stdout).toContain('in 3 files');

    fs.writeFileSync(path.join(root, 'base', 'deploy.yaml'), deploy('2'));
    const good = await runCli(commandLine(staged, root).slice(1), { cwd: root });
    expect(good).toMatchObject({ code: 0, stderr: '' });

    // Only deleted or unrelated files staged: nothing to check is a pass.
    const none = await runCli(['check', '--affected', 'gone.yaml', 'base/values.yaml'], { cwd: root });
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect((await runCli(['check', '--affected', '-'], { cwd: root })).code).toBe(2);
  });
});
