import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { REPO_ROOT, runCli, tempTree } from '../helpers.js';

function brokenOverlayTree(): string {
  const dir = tempTree();
  fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), dir, { recursive: true });
  const deployment = path.join(dir, 'base', 'web.yaml');
  fs.writeFileSync(deployment, fs.readFileSync(deployment, 'utf8').replace(/cpu: \S+/, 'cpu: 100mm'));
  fs.writeFileSync(path.join(dir, 'overlays', 'production', 'patch-bad.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: three\n');
  const k = path.join(dir, 'overlays', 'production', 'kustomization.yaml');
  fs.writeFileSync(k, fs.readFileSync(k, 'utf8') + 'patchesStrategicMerge:\n- patch-bad.yaml\n');
  return dir;
}

describe('kubeproof check on overlays', () => {
  it('renders the overlays and finds nothing wrong in the example', async () => {
    const r = await runCli(['check', 'overlays-example/overlays/dev', 'overlays-example/overlays/staging', 'overlays-example/overlays/production']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('points findings in rendered output at the base or the patch that wrote them, once', () => {
    const dir = brokenOverlayTree();
    const result = check(['overlays/production', 'overlays/dev'], { cwd: dir });
    const found = result.diagnostics.map((d) => `${d.file} ${d.ruleId} ${d.message.split(':')[0]}`);
    expect(found).toContain('base/web.yaml invalid-quantity spec.template.spec.containers[0].resources.requests[cpu]');
    expect(found).toContain('overlays/production/patch-bad.yaml invalid-type spec.replicas');
    expect(found.filter((f) => f.includes('invalid-quantity'))).toHaveLength(1);
    const patchFinding = result.diagnostics.find((d) => d.ruleId === 'invalid-type')!;
    expect(patchFinding).toMatchObject({ line: 6, column: 13 });
  });

  it('refuses a generated ConfigMap or Secret over the API server\'s 1 MiB, at the generator entry', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const dir = tempTree({
      'kustomization.yaml': 'configMapGenerator:\n- name: settings\n  files: [big.txt]\n- name: fine\n  files: [small.txt]\nsecretGenerator:\n- name: creds\n  files: [secret.txt]\n',
      'big.txt': big,
      // Secret inputs are remembered for the life of the worker and scrubbed from every later output: nothing another test prints.
      'secret.txt': '0123456789abcdef'.repeat(64 * 1024 + 1),
      'small.txt': 'x'.repeat(1024 * 1024),
    });
    const r = await runCli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; column: number; ruleId: string; message: string }) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
    expect(found).toEqual([
      'kustomization.yaml:2:3 invalid-value: []: Too long: may not be more than 1048576 bytes',
      'kustomization.yaml:7:3 invalid-value: data: Too long: may not be more than 1048576 bytes',
    ]);
  });

  it('reports a build error at the kustomization entry that causes it, exit 1', async () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources:\n- a.yaml\n- missing.yaml\n', 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    const r = await runCli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout).diagnostics[0];
    expect(d).toMatchObject({ ruleId: 'kustomize-build', file: 'kustomization.yaml', line: 3, column: 3, path: '/resources/1' });
  });

  it('refuses a missing or non-directory path with exit code 2 and one line', async () => {
    expect(await runCli(['render', 'no-such-dir'])).toEqual({ code: 2, stdout: '', stderr: 'kubeproof: error: no-such-dir: no such file or directory\n' });
    const file = await runCli(['render', 'README.md']);
    expect(file).toMatchObject({ code: 2, stderr: 'kubeproof: error: README.md: not a directory (render builds a kustomization directory)\n' });
  });

  it('renders from the command line, identical to the recorded kustomize output', async () => {
    const r = await runCli(['render', 'test/render/cases/prefix-name-references/root']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(fs.readFileSync(path.join(REPO_ROOT, 'test/render/cases/prefix-name-references/expected.yaml'), 'utf8'));
    const bad = await runCli(['render', 'test/render/cases/error-duplicate-id/root']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^kubeproof: error: test\/render\/cases\/error-duplicate-id\/root\/kustomization.yaml:\d+:\d+: may not add resource with an already registered id/);
  });
});
