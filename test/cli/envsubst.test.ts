/** --envsubst and envsubst: in kubeproof.yaml, end to end: what is validated is what Flux applies after substitution. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, validate } from '../../src/index.js';
import { forgetSecrets } from '../../src/core/index.js';
import { REPO_ROOT, runCli, tempTree, where } from '../helpers.js';

const deployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: "${APP}"',
  'spec:',
  '  replicas: ${REPLICAS}',
  '  paused: ${PAUSED:=false}',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec:',
  '      containers:',
  '      - name: web',
  '        image: "nginx:${TAG}"',
  '',
].join('\n');

describe('--envsubst', () => {
  it('validates the substituted values: an integer and a boolean typed from the text, the name from the file', async () => {
    const dir = tempTree({ 'd.yaml': deployment, 'vars.env': 'APP=web\nREPLICAS=3\nTAG=1.27\n' });
    const before = await runCli(['validate', 'd.yaml', '--no-config', '-f', 'json'], { cwd: dir });
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string; line: number; column: number }) => `${d.ruleId}@${d.line}:${d.column}`);
    expect(ids(before)).toEqual(['invalid-name@4:9', 'invalid-type@6:13', 'invalid-type@7:11']);
    expect(JSON.parse(before.stdout).diagnostics[0].message).toMatch(/^metadata\.name: Invalid value: "\$\{APP\}": a lowercase RFC 1123 subdomain .*; it is a \$\{VAR\} placeholder: pass --envsubst FILE to validate the substituted value$/);
    const after = await runCli(['validate', 'd.yaml', '--no-config', '-f', 'json', '--envsubst', 'vars.env'], { cwd: dir });
    expect(after.code).toBe(0);
    expect(ids(after)).toEqual([]);
    expect(validate(['d.yaml'], { cwd: dir, envsubst: { files: ['vars.env'] } }).files[0]!.resources[0]!.name).toBe('web');
  });

  it('a finding about a substituted value points at the placeholder the user wrote', () => {
    const dir = tempTree({ 'd.yaml': deployment, 'vars.env': 'APP=Web_App\nREPLICAS=three\nTAG=1\n' });
    const r = validate(['d.yaml'], { cwd: dir, envsubst: { files: ['vars.env'] } });
    expect(r.diagnostics.map(where)).toEqual(['invalid-name@4:9', 'invalid-type@6:13']);
    expect(r.diagnostics[0]!.message).toContain('Invalid value: "Web_App"');
    expect(r.diagnostics[0]!.message).not.toContain('placeholder');
  });

  it('strict by default: an unset variable is an error at its line and column, exit 1; --no-envsubst-strict substitutes an empty string', async () => {
    const dir = tempTree({ 'd.yaml': deployment, 'vars.env': 'APP=web\nREPLICAS=3\n' });
    const strict = await runCli(['validate', 'd.yaml', '--no-config', '--envsubst', 'vars.env'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('14:23  error    variable substitution failed: variable not set (strict mode): "TAG"; set it in an --envsubst file or give it a default, ${TAG:=value}  unset-variable');
    const lax = await runCli(['validate', 'd.yaml', '--no-config', '--envsubst', 'vars.env', '--no-envsubst-strict', '-f', 'json'], { cwd: dir });
    // image: nginx:${TAG} becomes `image: nginx:`, which Flux cannot read back either (a plain scalar may not end in `:`).
    expect(JSON.parse(lax.stdout).diagnostics.map((d: { ruleId: string; line: number; column: number }) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual(['bad-substitution@14:16']);
  });

  it('substitutes a rendered kustomize overlay, each finding at the base or patch that wrote the placeholder', () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources: [d.yaml]\n',
      'base/d.yaml': deployment,
      'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n- path: patch.yaml\n',
      'overlay/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: "${APP}"}\nspec:\n  replicas: ${OVERLAY_REPLICAS}\n',
      'vars.env': 'APP=web\nREPLICAS=3\nTAG=1\nOVERLAY_REPLICAS=many\n',
    });
    const r = check(['overlay'], { cwd: dir, envsubst: { files: ['vars.env'] }, rules: false });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${where(d)}`)).toEqual(['overlay/patch.yaml:invalid-type@5:13']);
    expect(r.resources.find((x) => x.id.kind === 'Deployment')!.id.name).toBe('web');
    expect(r.readFiles).toContain(`${dir}/vars.env`);
  });

  it('never prints a value a Secret took from the file, wherever else it shows', async () => {
    forgetSecrets();
    const secretValue = 'Hunter2_Secret';
    const dir = tempTree({
      'm.yaml': [
        'apiVersion: v1',
        'kind: Secret',
        'metadata: {name: creds}',
        'stringData: {password: "prefix-${PASSWORD}"}',
        '---',
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: "${PASSWORD}"}',
        '',
      ].join('\n'),
      'vars.env': `PASSWORD=${secretValue}\n`,
    });
    for (const format of ['text', 'json', 'sarif']) {
      const r = await runCli(['check', 'm.yaml', '--no-config', '--envsubst', 'vars.env', '-f', format], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('metadata.name: Invalid value: ');
      expect(r.stdout).toContain('<redacted>');
      expect(r.stdout + r.stderr).not.toContain(secretValue);
    }
  });

  it('envsubst: in kubeproof.yaml, files relative to it; the flag replaces its files', async () => {
    const dir = tempTree({ 'd.yaml': deployment, 'env/a.env': 'APP=web\nREPLICAS=3\nTAG=1\n', 'env/b.env': 'APP=Bad_Name\nREPLICAS=3\nTAG=1\n', 'kubeproof.yaml': 'envsubst:\n  files: [env/a.env]\n' });
    const fromConfig = await runCli(['validate', 'd.yaml'], { cwd: dir });
    expect(fromConfig.code).toBe(0);
    const fromFlag = await runCli(['validate', 'd.yaml', '--envsubst', 'env/b.env'], { cwd: dir });
    expect(fromFlag.code).toBe(1);
    expect(fromFlag.stdout).toContain('Invalid value: "Bad_Name"');
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "x${UNSET}"}\n';
    const lax = tempTree({ 'c.yaml': configMap, 'a.env': 'APP=web\n', 'kubeproof.yaml': 'envsubst: {files: [a.env], strict: false}\n' });
    expect((await runCli(['validate', 'c.yaml'], { cwd: lax })).code).toBe(0);
    const strict = tempTree({ 'c.yaml': configMap, 'a.env': 'APP=web\n', 'kubeproof.yaml': 'envsubst: {files: [a.env]}\n' });
    expect((await runCli(['validate', 'c.yaml'], { cwd: strict })).stdout).toContain('unset-variable');
    const bad = tempTree({ 'd.yaml': deployment, 'kubeproof.yaml': 'envsubst: {file: a.env}\n' });
    const refused = await runCli(['validate', 'd.yaml'], { cwd: bad });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('envsubst');
  });

  it('a missing or malformed file is an input error (exit 2), in words that name it', async () => {
    const dir = tempTree({ 'd.yaml': deployment, 'bad.env': 'A=1\n1BAD=2\n' });
    const missing = await runCli(['check', 'd.yaml', '--no-config', '--envsubst', 'nope.env'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('kubeproof: error: --envsubst file nope.env does not exist\n');
    const bad = await runCli(['validate', 'd.yaml', '--no-config', '--envsubst', 'bad.env'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("kubeproof: error: bad.env:2: '1BAD' var name is invalid, must match '^[_[:alpha:]][_[:alpha:][:digit:]]*$'\n");
  });

  it('--fix never writes a fix computed from substituted values over the placeholders', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n    env:\n    - name: DEBUG\n      value: ${DEBUG}\n';
    const dir = tempTree({ 'p.yaml': pod, 'vars.env': 'DEBUG=true\n' });
    const plain = tempTree({ 'p.yaml': pod.replace('${DEBUG}', 'true') });
    const withoutSubstitution = await runCli(['check', 'p.yaml', '--no-config', '--fix'], { cwd: plain });
    expect(withoutSubstitution.stderr).toContain('kubeproof: fixed');
    const r = await runCli(['check', 'p.yaml', '--no-config', '--fix', '--envsubst', 'vars.env'], { cwd: dir });
    expect(r.stdout).toContain('invalid-type');
    expect(r.stderr).not.toContain('fixed');
    expect(fs.readFileSync(path.join(dir, 'p.yaml'), 'utf8')).toBe(pod);
  });

  it('schedule places the substituted replicas with the substituted requests', async () => {
    const d = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${REPLICAS}\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources: {requests: {cpu: "${CPU:=100m}", memory: 64Mi}}\n';
    const dir = tempTree({ 'd.yaml': d, 'vars.env': 'REPLICAS=4\n' });
    const nodes = path.join(REPO_ROOT, 'overlays-example', 'nodes.yaml');
    const r = await runCli(['schedule', 'd.yaml', '--no-config', '--nodes', nodes, '--envsubst', 'vars.env', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).summary).toMatchObject({ pods: 4, scheduled: 4, pending: 0 });
    expect(r.code).toBe(0);
  });

  it('the same input gives the same report', async () => {
    const dir = tempTree({ 'd.yaml': deployment, 'vars.env': 'APP=Web\n' });
    const a = await runCli(['check', 'd.yaml', '--no-config', '--envsubst', 'vars.env', '-f', 'json'], { cwd: dir });
    const b = await runCli(['check', 'd.yaml', '--no-config', '--envsubst', 'vars.env', '-f', 'json'], { cwd: dir });
    expect(a.stdout).toBe(b.stdout);
  });
});
