/**
 * Limits on hostile input, each refused fast with a precise message and a documented exit
 * code, never a stack trace: alias bombs, deep nesting, huge files, and kustomizations that
 * reach outside their root (path traversal, symbolic links) or loop.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeKubernetes, scanKustomizations } from '../../src/api/roots.js';
import { check, validate } from '../../src/index.js';
import { REPO_ROOT, runCli, tempTree } from '../helpers.js';

async function json(args: string[], cwd: string) {
  const started = performance.now();
  const r = await runCli([...args, '--format', 'json'], { cwd });
  expect(r.stderr).not.toMatch(/\n\s+at /);
  const ms = performance.now() - started;
  return { code: r.code, ms, found: JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; column: number; ruleId: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`) as string[] };
}

describe('hostile YAML', () => {
  it('refuses an alias bomb in well under a second', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const dir = tempTree({ 'bomb.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n` });
    const { code, ms, found } = await json(['validate', 'bomb.yaml'], dir);
    expect(code).toBe(1);
    expect(found.join('\n')).toContain('alias-bomb');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses nesting deeper than the limit, with the limit in the message', async () => {
    const dir = tempTree({ 'deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n` });
    const { code, found } = await json(['validate', 'deep.yaml'], dir);
    expect(code).toBe(1);
    expect(found[0]).toMatch(/^deep.yaml:4:263 nesting-too-deep: document 1 nests collections more than 256 levels deep$/);
  });

  it('refuses a file over --max-file-size and still checks the others', async () => {
    const dir = tempTree({ 'big.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: "${'x'.repeat(4096)}"}\n`, 'small.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\nbogus: 1\n' });
    const { code, found } = await json(['validate', '.', '--max-file-size', '1024'], dir);
    expect(code).toBe(1);
    expect(found.some((f) => f.startsWith('big.yaml:1:1 file-too-large'))).toBe(true);
    expect(found.some((f) => f.startsWith('small.yaml:4:1 unknown-field'))).toBe(true);
  });
});

describe('--max-file-size holds for every file a kustomization reads, and for standard input', () => {
  const BIG = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {k: "${'x'.repeat(4096)}"}\n`;
  const SMALL = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n';
  const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: nginx:1.27}]}\n';
  const other = { 'other.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\nbogus: 1\n' };

  // [what, the kustomization, its other files, where the entry is (in app/kustomization.yaml unless named), the name the message gives]
  const cases: [string, string, Record<string, string>, string, string][] = [
    ['a resource', 'resources:\n- small.yaml\n- big.yaml\n', { 'big.yaml': BIG, 'small.yaml': SMALL }, '3:3', 'big.yaml'],
    ['a patch file', 'resources: [small.yaml]\npatches:\n- path: big.yaml\n', { 'big.yaml': BIG.replace('name: big', 'name: small'), 'small.yaml': SMALL }, '3:3', 'big.yaml'],
    ['a strategic merge patch file', 'resources: [small.yaml]\npatchesStrategicMerge:\n- big.yaml\n', { 'big.yaml': BIG.replace('name: big', 'name: small'), 'small.yaml': SMALL }, '3:3', 'big.yaml'],
    ['a configMapGenerator file', 'configMapGenerator:\n- name: g\n  files:\n  - big.txt\n', { 'big.txt': 'x'.repeat(4096) }, '4:5', 'big.txt'],
    ['a secretGenerator env file', 'secretGenerator:\n- name: g\n  envs:\n  - big.env\n', { 'big.env': `A=${'x'.repeat(4096)}\n` }, '4:5', 'big.env'],
    ['a replacements file', 'resources: [small.yaml]\nreplacements:\n- path: big.yaml\n', { 'big.yaml': `# ${'x'.repeat(4096)}\n- source: {kind: ConfigMap, name: small}\n  targets: []\n`, 'small.yaml': SMALL }, '3:3', 'big.yaml'],
    ['a base\'s kustomization file', 'resources:\n- base\n', { 'base/kustomization.yaml': `# ${'x'.repeat(4096)}\nresources: [d.yaml]\n`, 'base/d.yaml': DEPLOYMENT }, '2:3', 'base/kustomization.yaml'],
    ['a resource of a base', 'resources:\n- base\n', { 'base/kustomization.yaml': 'resources:\n- big.yaml\n', 'base/big.yaml': BIG }, 'base/kustomization.yaml:2:3', 'big.yaml'],
    ['a component\'s kustomization file', 'resources: [small.yaml]\ncomponents:\n- comp\n', { 'small.yaml': SMALL, 'comp/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n# ${'x'.repeat(4096)}\n` }, '3:3', 'comp/kustomization.yaml'],
  ];
  for (const [what, kustomization, files, at, name] of cases) {
    it(`refuses ${what} over the limit, at the entry that names it, and checks the rest`, async () => {
      const dir = tempTree({ 'app/kustomization.yaml': kustomization, ...Object.fromEntries(Object.entries(files).map(([f, t]) => [`app/${f}`, t])), ...other });
      const { code, found } = await json(['check', 'app', 'other.yaml', '--max-file-size', '1024'], dir);
      expect(code).toBe(1);
      const where = at.includes('.yaml:') ? `app/${at}` : `app/kustomization.yaml:${at}`;
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`^${where} file-too-large: ${name.replace('.', '\\.')}: file is \\d\\.\\d KiB, over the 1\\.0 KiB limit \\(--max-file-size\\)$`)));
      expect(found).toContainEqual(expect.stringMatching(/^other\.yaml:4:1 unknown-field/)); // the other input is still checked
      // Under the limit, the same tree builds.
      expect((await json(['check', 'app'], dir)).found.filter((f) => /file-too-large|kustomize-build/.test(f))).toEqual([]);
    });
  }

  it('in kubeproof render too (--max-file-size)', async () => {
    const dir = tempTree({ 'app/kustomization.yaml': 'resources: [big.yaml]\n', 'app/big.yaml': BIG });
    const r = await runCli(['render', 'app', '--max-file-size', '1024'], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'kubeproof: error: app/kustomization.yaml:1:13: big.yaml: file is 4.1 KiB, over the 1.0 KiB limit (--max-file-size)\n' });
    expect((await runCli(['render', 'app'], { cwd: dir })).code).toBe(0);
  });

  it('finding kustomization roots (--kustomize-roots auto, --affected, watch) reads no file whole past the limit', async () => {
    // A manifest is judged by its first bytes only; a kustomization file over the limit is not parsed (rendering refuses it).
    const dir = tempTree({ 'app/kustomization.yaml': `# ${'x'.repeat(4096)}\nresources: [d.yaml]\n`, 'app/d.yaml': DEPLOYMENT, 'app/late.yaml': `# ${'x'.repeat(4096)}\napiVersion: v1\nkind: ConfigMap\n` });
    expect(looksLikeKubernetes(path.join(dir, 'app/late.yaml'))).toBe(true);
    expect(looksLikeKubernetes(path.join(dir, 'app/late.yaml'), 1024)).toBe(false);
    const node = (limit?: number) => [...scanKustomizations(dir, limit).nodes.values()][0]!;
    expect(node().opaque).toBe(false);
    expect(node(1024).opaque).toBe(true);
    const { code, found } = await json(['check', '--kustomize-roots', 'auto', '.', '--max-file-size', '1024'], dir);
    expect(code).toBe(1);
    expect(found).toContainEqual(expect.stringMatching(/^app\/kustomization\.yaml:1:1 file-too-large: kustomization\.yaml: file is 4\.\d KiB, over the 1\.0 KiB limit \(--max-file-size\)$/));
  });

  it('through the library: check() takes maxFileSize for the files a build reads', () => {
    const dir = tempTree({ 'app/kustomization.yaml': 'resources: [big.yaml]\n', 'app/big.yaml': BIG });
    const result = check(['app'], { cwd: dir, maxFileSize: 1024 });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`)).toEqual(['app/kustomization.yaml:1:13 file-too-large: big.yaml: file is 4.1 KiB, over the 1.0 KiB limit (--max-file-size)']);
  });

  it('refuses standard input over the limit, with its size, and still checks the files', async () => {
    const dir = tempTree(other);
    const r = await runCli(['validate', '-', 'other.yaml', '--max-file-size', '1024', '--format', 'json'], { cwd: dir, stdin: BIG });
    expect(r.code).toBe(1);
    const shown = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; column: number; ruleId: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
    expect(shown).toContain('<stdin>:1:1 file-too-large: file is 4.1 KiB, over the 1.0 KiB limit (--max-file-size)');
    expect(shown).toContainEqual(expect.stringMatching(/^other\.yaml:4:1 unknown-field/));
    const library = validate(['-'], { cwd: dir, maxFileSize: 1024, readStdin: () => Buffer.from(BIG) });
    expect(library.diagnostics.map((d) => d.ruleId)).toEqual(['file-too-large']);
  });

  it('stops reading an endless pipe one byte past the limit', { timeout: 30_000 }, async () => {
    // The real command line, its standard input a pipe that is never closed: it must not wait for the end.
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist/cli/main.cjs'), 'validate', '-', '--max-file-size', '1024', '--format', 'json'], { cwd: tempTree() });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stdin.on('error', () => undefined); // EPIPE once it stops reading
    const line = Buffer.from('# endless\n'.repeat(1000));
    const feed = setInterval(() => child.stdin.writable && child.stdin.write(line), 5);
    const stuck = setTimeout(() => child.kill('SIGKILL'), 20_000); // a run that reads to the end never stops: do not leave it behind
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(feed);
    clearTimeout(stuck);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).diagnostics.map((d: { ruleId: string; message: string }) => `${d.ruleId}: ${d.message}`)).toEqual(['file-too-large: standard input is more than 1024 bytes, over the 1.0 KiB limit (--max-file-size): reading stopped there']);
  });
});

describe('kustomizations reaching outside their root, as kustomize refuses them', () => {
  const outside = (kustomization: string, extra: Record<string, string> = {}) =>
    tempTree({ 'secret/creds.env': 'password=hunter2\n', 'secret/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', 'app/kustomization.yaml': kustomization, ...extra });

  for (const [what, kustomization] of [
    ['a resource', 'resources: [../secret/cm.yaml]\n'],
    ['a patch', 'patches: [{path: ../secret/cm.yaml}]\n'],
    ['generator files', 'configMapGenerator: [{name: g, files: [../secret/creds.env]}]\n'],
    ['generator envs', 'secretGenerator: [{name: g, envs: [../secret/creds.env]}]\n'],
  ] as const) {
    it(`refuses ${what} outside the root, at the reference`, async () => {
      const dir = outside(kustomization);
      const { code, found } = await json(['check', 'app'], dir);
      expect(code).toBe(1);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^app\/kustomization\.yaml:1:\d+ kustomize-build: security; file '.*\/secret\/(cm\.yaml|creds\.env)' is not in or below '.*\/app'$/);
      expect(found[0]).not.toContain('hunter2');
    });
  }

  it('refuses a symbolic link that points outside the root', async () => {
    const dir = outside('configMapGenerator: [{name: g, files: [link.env]}]\n');
    fs.symlinkSync(path.join(dir, 'secret/creds.env'), path.join(dir, 'app/link.env'));
    const { code, found } = await json(['check', 'app'], dir);
    expect(code).toBe(1);
    expect(found[0]).toMatch(/security; file '.*\/secret\/creds\.env' is not in or below/);
  });

  it('reports a symbolic link loop instead of following it', async () => {
    const dir = outside('resources: [loop]\n');
    fs.symlinkSync(path.join(dir, 'app/loop2'), path.join(dir, 'app/loop'));
    fs.symlinkSync(path.join(dir, 'app/loop'), path.join(dir, 'app/loop2'));
    const { code, found } = await json(['check', 'app'], dir);
    expect(code).toBe(1);
    expect(found[0]).toMatch(/too many levels of symbolic links/);
  });
});
