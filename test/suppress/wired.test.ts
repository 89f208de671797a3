/** check() and validate() apply suppressions themselves, and --no-suppressions turns them off. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { applySuppressions, fileTextReader } from '../../src/suppress/index.js';
import { runCli, tempTree } from '../helpers.js';

const web = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    kubeproof.dev/ignore: "missing-probes # probes come from the mesh"
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        # kubeproof-ignore-next-line latest-tag -- pinned by the release job
        image: nginx:latest
        # kubeproof-ignore-next-line privileged
        resources: {}
`;

describe('suppressions in a run', () => {
  it('are applied by check(): the same result as applying them to the raw findings', () => {
    const dir = tempTree({ 'web.yaml': web });
    const raw = check(['.'], { cwd: dir, suppressions: false });
    const expected = applySuppressions(raw.diagnostics, { resources: raw.resources, files: raw.files.map((f) => f.file), text: fileTextReader({ cwd: dir }) });
    const applied = check(['.'], { cwd: dir });
    expect(applied.diagnostics).toEqual(expected);
    expect(raw.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['latest-tag', 'missing-probes']));
    expect(applied.diagnostics.map((d) => d.ruleId)).not.toContain('latest-tag');
    expect(applied.diagnostics.map((d) => d.ruleId)).not.toContain('missing-probes');
  });

  it('reports an unused suppression through the CLI, and --no-suppressions reports everything', async () => {
    const dir = tempTree({ 'web.yaml': web });
    const r = await runCli(['lint', 'web.yaml', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string; line: number; column: number }) => `${d.line}:${d.column} ${d.ruleId}`);
    expect(found).toContain('16:9 unused-suppression');
    expect(found.some((f: string) => f.endsWith(' latest-tag'))).toBe(false);
    const all = await runCli(['lint', 'web.yaml', '--format', 'json', '--no-suppressions'], { cwd: dir });
    const ids = JSON.parse(all.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids).toContain('latest-tag');
    expect(ids).not.toContain('unused-suppression');
  });

  it('read suppression comments in standard input', async () => {
    const r = await runCli(['lint', '-', '--stdin-filename', 'web.yaml', '--format', 'json'], { stdin: web });
    const ids = JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids).not.toContain('latest-tag');
    expect(ids).toContain('unused-suppression');
  });
});

describe('--stdin, as editors pipe a buffer', () => {
  it('checks standard input under the given name, and wants some path', async () => {
    const r = await runCli(['lint', '--stdin', '--stdin-filename', 'deploy/web.yaml', '--format', 'json'], { stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: "80"}]\n' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`)).toContain('deploy/web.yaml:5 invalid-type');
    const none = await runCli(['lint']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no paths given: name files or directories, or use --stdin');
  });
});
