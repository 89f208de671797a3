/**
 * Limits on hostile input, each refused fast with a precise message and a documented exit
 * code, never a stack trace: alias bombs, deep nesting, huge files, and kustomizations that
 * reach outside their root (path traversal, symbolic links) or loop.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

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
