/** `kubeproof check --fix` (issue 20, item 4): each finding's one obvious edit, written to the input files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      contaners:
      - name: web
        image: web:1
        resources:
          limits: {cpu: 500m, memory: 128Mi}
`;

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('check --fix', () => {
  it('fixes a misspelled field, a value YAML reads as a number, a Service selector typo and a removed apiVersion; then reports what is left', async () => {
    const dir = tempTree({
      'app.yaml': DEPLOYMENT,
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  version: 1.10\n  enabled: yes\n',
      'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector:\n    ap: web\n  ports:\n  - port: 80\n',
      'np.yaml': 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n',
    });
    const before = await runCli(['check', '.', '--disable', 'missing-probes,service-port-mismatch', '--kubernetes-version', '1.33'], { cwd: dir });
    expect(before.code).toBe(1);
    const run = await runCli(['check', '.', '--fix', '--disable', 'missing-probes,service-port-mismatch', '--kubernetes-version', '1.33'], { cwd: dir });
    expect(read(dir, 'app.yaml')).toBe(DEPLOYMENT.replace('contaners', 'containers'));
    expect(read(dir, 'cm.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  version: "1.10"\n  enabled: "yes"\n');
    expect(read(dir, 'svc.yaml')).toContain('  selector:\n    app: web\n');
    expect(read(dir, 'np.yaml')).toBe('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: {}\n');
    expect(run.stderr.split('\n').filter((l) => l.startsWith('kubeproof: fixed')).sort()).toEqual([
      'kubeproof: fixed app.yaml:12:7 unknown-field: Change "contaners" to "containers"',
      'kubeproof: fixed cm.yaml:5:12 invalid-type: Quote the value: a string',
      'kubeproof: fixed cm.yaml:6:12 invalid-type: Quote the value: a string',
      'kubeproof: fixed np.yaml:2:7 unknown-kind: Change apiVersion to networking.k8s.io/v1',
      'kubeproof: fixed svc.yaml:6:5 service-no-pods: Change selector key "ap" to "app"',
    ].sort());
    // Everything was fixable: the re-check finds nothing, and the exit code says so.
    expect(run.stdout).not.toMatch(/error|warning/);
    expect(run.code).toBe(0);
  });

  it('adds a resources.requests stub below the container name, indented as its keys, and only where there is no resources yet', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n    - name: b\n      image: b:1\n      resources:\n        limits: {cpu: 100m}\n';
    const dir = tempTree({ 'pod.yaml': text });
    const run = await runCli(['check', 'pod.yaml', '--fix', '--disable', 'missing-probes,missing-limits'], { cwd: dir });
    expect(read(dir, 'pod.yaml')).toBe(text.replace('    - name: a\n', '    - name: a\n      resources:\n        requests:\n          cpu: 250m\n          memory: 256Mi\n'));
    // b has limits (cpu is defaulted from them) and no memory: a person decides, so it stays a finding.
    expect(run.stdout).toContain('container "b" requests no memory');
    expect(run.code).toBe(0); // a warning, within --max-warnings
  });

  it('a last line without a newline gets one before the stub', async () => {
    const dir = tempTree({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: a:1\n    name: a' });
    await runCli(['check', 'pod.yaml', '--fix', '--disable', 'missing-probes,missing-limits'], { cwd: dir });
    expect(read(dir, 'pod.yaml')).toBe('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: a:1\n    name: a\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi\n');
  });

  it("never edits a Secret's values, even when quoting would fix them", async () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  pin: 1234\n';
    const dir = tempTree({ 's.yaml': text });
    const run = await runCli(['check', 's.yaml', '--fix'], { cwd: dir });
    expect(read(dir, 's.yaml')).toBe(text);
    expect(run.stderr).not.toContain('fixed');
    expect(run.code).toBe(1);
  });

  it('offers no successor the object does not validate under', async () => {
    const ingress = 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  backend:\n    serviceName: web\n    servicePort: 80\n';
    const dir = tempTree({ 'ing.yaml': ingress, 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  portz:\n  - port: 80\n' });
    const run = await runCli(['check', '.', '--fix'], { cwd: dir });
    expect(read(dir, 'ing.yaml')).toBe(ingress);
    expect(run.stdout).toContain('unknown-kind');
    // "portz" is one edit from "ports" only: that one is fixed.
    expect(read(dir, 'svc.yaml')).toContain('  ports:\n');
  });

  it('fixes a patch of an overlay in the patch file, and the base in the base; the rendered result is nowhere written', async () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources:\n- cm.yaml\n',
      'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "1"\n',
      'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: patch.yaml\n',
      'overlay/patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  b: 2\n',
    });
    const files = () => fs.readdirSync(dir, { recursive: true }).map(String).sort();
    const listed = files();
    const run = await runCli(['check', 'overlay', '--fix'], { cwd: dir });
    expect(read(dir, 'overlay/patch.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  b: "2"\n');
    expect(read(dir, 'base/cm.yaml')).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "1"\n');
    expect(files()).toEqual(listed);
    expect(run.stderr).toContain('kubeproof: fixed overlay/patch.yaml:5:6 invalid-type: Quote the value: a string');
    expect(run.code).toBe(0);
  });

  it('a base two overlays build gets its stub once', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: a:1\n';
    const dir = tempTree({
      'base/kustomization.yaml': 'resources:\n- pod.yaml\n',
      'base/pod.yaml': pod,
      'dev/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: dev-\n',
      'prod/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: prod-\n',
    });
    await runCli(['check', 'dev', 'prod', '--fix', '--disable', 'missing-probes,missing-limits'], { cwd: dir });
    expect(read(dir, 'base/pod.yaml')).toBe(pod.replace('  - name: a\n', '  - name: a\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi\n'));
  });

  it('writes nothing for standard input', async () => {
    const run = await runCli(['check', '-', '--fix'], { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: 1\n', cwd: tempTree() });
    expect(run.stderr).not.toContain('fixed');
    expect(run.code).toBe(1);
  });
});
