/** kubeproof.yaml: discovery, positioned validation with did-you-mean, and what it changes in a run. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownRules, loadConfig } from '../../src/api/config.js';
import { closest, findConfigFile, parseConfig, starterConfig } from '../../src/config/index.js';
import { runCli, tempTree } from '../helpers.js';

const problems = (yaml: string) =>
  parseConfig(yaml, '/repo/kubeproof.yaml', '/repo', knownRules()).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

const deployment = (name: string, image = 'app:1.0') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: app
        image: ${image}
`;

describe('finding the config', () => {
  it('walks up from the working directory, kubeproof.yaml before .kubeproof.yaml', () => {
    const dir = tempTree({ '.kubeproof.yaml': '', 'a/b/x.yaml': '' });
    expect(findConfigFile(path.join(dir, 'a/b'))).toBe(path.join(dir, '.kubeproof.yaml'));
    fs.writeFileSync(path.join(dir, 'kubeproof.yaml'), '');
    expect(findConfigFile(path.join(dir, 'a/b'))).toBe(path.join(dir, 'kubeproof.yaml'));
    fs.writeFileSync(path.join(dir, 'a/kubeproof.yaml'), '');
    expect(findConfigFile(path.join(dir, 'a/b'))).toBe(path.join(dir, 'a/kubeproof.yaml'));
  });

  it('takes --config over the nearest one, and --no-config over both', () => {
    const dir = tempTree({ 'kubeproof.yaml': 'strictRefs: true\n', 'other.yaml': 'strictRefs: false\n' });
    expect(loadConfig(dir).config?.strictRefs).toBe(true);
    expect(loadConfig(dir, { file: 'other.yaml' }).config?.strictRefs).toBe(false);
    expect(loadConfig(dir, { none: true }).config).toBeUndefined();
    expect(() => loadConfig(dir, { file: 'missing.yaml' })).toThrow('config file missing.yaml does not exist');
  });
});

describe('validating the config', () => {
  it('accepts the starter file that kubeproof init writes', () => {
    expect(problems(starterConfig({ kubernetesVersion: '1.35' }))).toEqual([]);
  });

  it('reports unknown keys at their position, with a did-you-mean', () => {
    expect(problems('kubernetesVersion: "1.35"\nrulse:\n  latest-tag: off\n')).toEqual(['2:1 invalid-config unknown key "rulse" (did you mean "rules"?)']);
    expect(problems('overrides:\n- files: [a]\n  rules: {}\n  fils: [b]\n')).toEqual(['4:3 invalid-config unknown key "fils" in overrides[0] (did you mean "files"?)']);
  });

  it('reports unknown rule ids with a did-you-mean, also in overrides', () => {
    expect(problems('rules:\n  latest-tags: error\noverrides:\n- files: [x/**]\n  rules: {missing-probe: off}\n')).toEqual([
      '2:3 invalid-config unknown rule "latest-tags" (did you mean "latest-tag"?); `kubeproof rules` lists them',
      '5:11 invalid-config unknown rule "missing-probe" (did you mean "missing-probes"?); `kubeproof rules` lists them',
    ]);
  });

  it('explains wrong values by what the value was trying to be', () => {
    expect(problems('kubernetesVersion: "1.30"\nmaxWarnings: many\nrules:\n  latest-tag: fatal\n  missing-probes: {severty: error}\n  privileged: [error]\n')).toEqual([
      '1:20 invalid-config kubernetesVersion: must be one of 1.33, 1.34, 1.35',
      '2:14 invalid-config maxWarnings: must be an integer',
      '4:15 invalid-config rules.latest-tag: must be one of off, info, warning, error',
      '5:20 invalid-config unknown key "severty" in rules.missing-probes (did you mean "severity"?)',
      '6:15 invalid-config rules.privileged: must be a severity (off, info, warning, error) or a map with severity and options',
    ]);
  });

  it("checks rule options against the rule's own schema", () => {
    expect(problems('rules:\n  missing-probes:\n    options: {probes: [readinesProbe]}\n')).toEqual(['3:24 invalid-config rules.missing-probes.options.probes[0]: must be equal to one of the allowed values readinessProbe, livenessProbe, startupProbe']);
    expect(problems('rules:\n  missing-probes:\n    options: {probe: [readinessProbe]}\n')).toEqual(['3:15 invalid-config rule "missing-probes" has no option "probe" (did you mean "probes"?)']);
    expect(problems('rules:\n  latest-tag: {severity: error, options: {x: 1}}\n')).toEqual(['2:33 invalid-config rule "latest-tag" takes no options']);
  });

  it('reports YAML problems and a second document as config problems', () => {
    expect(problems('rules: [\n')[0]).toMatch(/^1:8 invalid-config this `\[` is never closed: add `\]` after its last item /);
    expect(problems('strictRefs: true\n---\nstrictRefs: false\n')).toEqual(['1:1 invalid-config a config file holds one YAML document']);
  });

  it('suggests nothing when nothing is close', () => {
    expect(closest('zzzzzz', ['rules', 'include'])).toBeUndefined();
  });
});

describe('a run with a config', () => {
  it('stops with exit 2 and positioned errors when the config is broken, in the chosen format', async () => {
    const dir = tempTree({ 'kubeproof.yaml': 'rule:\n  latest-tag: off\n', 'app.yaml': deployment('web') });
    const r = await runCli(['lint', 'app.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.map((d: { file: string; line: number; column: number; message: string }) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual(['kubeproof.yaml:1:1 unknown key "rule" (did you mean "rules"?)']);
    expect(r.stderr).toContain('the configuration file has 1 problem; fix it or run with --no-config');
    expect((await runCli(['lint', 'app.yaml', '--no-config', '--format', 'json'], { cwd: dir })).code).toBe(0);
  });

  it('sets severities per rule, and per file through overrides (later ones win)', async () => {
    const dir = tempTree({
      'kubeproof.yaml': 'rules:\n  latest-tag: error\n  missing-probes: info\noverrides:\n- files: ["test/**"]\n  rules: {latest-tag: off, missing-probes: warning}\n- files: ["test/keep/**"]\n  rules: {latest-tag: warning}\n',
      'app.yaml': deployment('web', 'app:latest'),
      'test/app.yaml': deployment('t', 'app:latest'),
      'test/keep/app.yaml': deployment('k', 'app:latest'),
    });
    const r = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(r.stdout).diagnostics.filter((d: { ruleId: string }) => ['latest-tag', 'missing-probes'].includes(d.ruleId)).map((d: { file: string; ruleId: string; severity: string }) => `${d.file} ${d.ruleId} ${d.severity}`);
    expect(found).toEqual([
      'app.yaml missing-probes info',
      'app.yaml latest-tag error',
      'test/app.yaml missing-probes warning',
      'test/keep/app.yaml missing-probes warning',
      'test/keep/app.yaml latest-tag warning',
    ]);
  });

  it('runs a rule that is off at the top but on in an override, only for those files', async () => {
    const dir = tempTree({
      'kubeproof.yaml': 'rules: {latest-tag: off}\noverrides:\n- files: [prod/**]\n  rules: {latest-tag: error}\n',
      'dev/app.yaml': deployment('d', 'app:latest'),
      'prod/app.yaml': deployment('p', 'app:latest'),
    });
    const r = await runCli(['lint', '.', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'latest-tag').map((d: { file: string }) => d.file)).toEqual(['prod/app.yaml']);
  });

  it('passes rule options to the rule', async () => {
    const dir = tempTree({ 'kubeproof.yaml': 'rules:\n  missing-probes: {options: {probes: [startupProbe]}}\n', 'app.yaml': deployment('web') });
    const r = await runCli(['lint', 'app.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'missing-probes').map((d: { message: string }) => d.message)).toEqual(['container "app" has no startupProbe']);
  });

  it('reads only the included files and none of the excluded ones', async () => {
    const dir = tempTree({
      'kubeproof.yaml': 'include: ["deploy/**"]\nexclude: ["**/testdata/**"]\n',
      'deploy/app.yaml': deployment('web'),
      'deploy/testdata/broken.yaml': 'kind: [\n',
      'docs/broken.yaml': 'kind: [\n',
    });
    const r = await runCli(['validate', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
    const plain = await runCli(['validate', '.', '--format', 'json', '--no-config'], { cwd: dir });
    // kubeproof.yaml itself is never read as a manifest.
    expect(JSON.parse(plain.stdout).summary.files).toBe(3);
  });

  it('takes the Kubernetes version, strictRefs and maxWarnings from the config, and flags over them', async () => {
    const dir = tempTree({ 'kubeproof.yaml': 'kubernetesVersion: "1.33"\nmaxWarnings: 0\n', 'app.yaml': deployment('web', 'app:latest') });
    const fromConfig = await runCli(['lint', 'app.yaml', '--format', 'json'], { cwd: dir });
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stderr).toContain('more than --max-warnings 0');
    const flagged = await runCli(['lint', 'app.yaml', '--format', 'json', '--max-warnings', '-1'], { cwd: dir });
    expect(flagged.code).toBe(0);
  });

  it('schedules on the config\'s node inventory when --nodes is not given', async () => {
    const dir = tempTree({
      'kubeproof.yaml': 'nodes: [inventory/nodes.yaml]\n',
      'inventory/nodes.yaml': 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: small}\nspec:\n  count: 1\n  allocatable: {cpu: "1", memory: 1Gi}\n',
      'app.yaml': deployment('web').replace('image: app:1.0', 'image: app:1.0\n        resources: {requests: {cpu: "2"}}'),
    });
    const r = await runCli(['schedule', 'app.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).pods[0].message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });
});

describe('kubeproof init and kubeproof rules', () => {
  it('init writes a starter config that a run accepts, and will not overwrite it', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web') });
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'kubeproof.yaml'), 'utf8')).toContain('# kubeproof.yaml');
    expect((await runCli(['lint', 'app.yaml'], { cwd: dir })).code).not.toBe(2);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('kubeproof.yaml already exists; use --force to overwrite it');
    expect((await runCli(['init', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('rules lists every rule with the severity the config gives it and a docs link', async () => {
    const dir = tempTree({ 'kubeproof.yaml': 'rules: {latest-tag: error}\n' });
    const r = await runCli(['rules', '--format', 'json'], { cwd: dir });
    const list = JSON.parse(r.stdout) as { id: string; severity: string; defaultSeverity: string; docs: string }[];
    expect(list.find((x) => x.id === 'latest-tag')).toMatchObject({ severity: 'error', defaultSeverity: 'warning', docs: 'https://github.com/kubeproof/kubeproof/blob/main/docs/rules.md#latest-tag' });
    expect(list.map((x) => x.id)).toEqual(expect.arrayContaining(['unschedulable', 'invalid-config', 'yaml-syntax', 'selector-mismatch']));
    expect(list.find((x) => x.id === 'privileged')).toMatchObject({ securitySeverity: 8.8 });
    expect(list.find((x) => x.id === 'latest-tag')).not.toHaveProperty('securitySeverity');
    const text = await runCli(['rules'], { cwd: dir });
    expect(text.stdout).toMatch(/^latest-tag +error +/m);
    expect(text.stdout).toMatch(/^privileged +warning +.*\(security severity 8\.8\)$/m);
  });
});

