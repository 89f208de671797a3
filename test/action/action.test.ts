/**
 * action.yml, the composite GitHub Action: its inputs are declared and used, and its shell
 * steps run the real CLI with a made-up GITHUB_* environment (composite.ts plays the runner).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';
import { expressionsIn, readAction, runComposite } from './composite.js';
import { sarifErrors } from '../report/sarif-schema.js';

const ACTION = path.join(REPO_ROOT, 'action.yml');
const spec = readAction(ACTION);

/** A repository with one overlay whose base has an error, and a plain manifest with a warning only. */
function repository(): string {
  return tempTree({
    'deploy/base/kustomization.yaml': 'resources: [cm.yaml]\n',
    'deploy/base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1"}\nbogus: true\n',
    'deploy/prod/kustomization.yaml': 'namespace: prod\nresources: [../base]\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
  });
}

const warningOnly = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "nginx:latest"}]\n';

function run(inputs: Record<string, string>, workspace = repository()) {
  const temp = tempTree();
  return { workspace, temp, result: runComposite(spec, { 'setup-node': 'false', ...inputs }, { workspace, actionPath: REPO_ROOT, temp }) };
}

const stepNamed = (r: ReturnType<typeof runComposite>, name: string) => r.steps.find((s) => s.name === name)!;

describe('action.yml', () => {
  it('is a composite action whose inputs are all used and whose expressions name only declared inputs', () => {
    expect(spec.runs.using).toBe('composite');
    const text = fs.readFileSync(ACTION, 'utf8');
    // Expressions: every ${{ }}, and each step's `if:`, which is one without the braces.
    const expressions = [...expressionsIn(text), ...spec.runs.steps.flatMap((s) => (s.if ? [s.if] : []))];
    const used = new Set(expressions.flatMap((e) => [...e.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!)));
    expect([...used].sort()).toEqual(Object.keys(spec.inputs).sort());
    for (const step of spec.runs.steps) {
      if (step.run) {
        expect(step.shell, step.name).toBe('bash');
        // Inputs reach scripts through env:, never pasted into the script text.
        expect(expressionsIn(step.run), step.name).toEqual([]);
      }
    }
    for (const [name, input] of Object.entries(spec.inputs)) expect(input.description.length, name).toBeGreaterThan(10);
  });

  it('checks once: the text report in the log, annotations, SARIF for code scanning, JUnit, and fails the job on errors', () => {
    const workspace = repository();
    fs.mkdirSync(path.join(workspace, 'reports'));
    const { result: r } = run({ paths: 'deploy', 'junit-file': 'reports/junit.xml', 'upload-sarif': 'true' }, workspace);
    const check = stepNamed(r, 'Check');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('error    unknown field "bogus"  unknown-field');
    expect(check.stdout).toContain('::error file=deploy/base/cm.yaml,line=5,col=1,endColumn=6,title=kubeproof(unknown-field)::unknown field "bogus"');
    expect(check.stdout.match(/unknown field "bogus"/g)).toHaveLength(2); // one check: once in the report, once as an annotation
    expect(r.outputs['exit-code']).toBe('1');
    const sarifFile = r.outputs['sarif-file']!;
    expect(sarifFile).toBe(path.join(fs.realpathSync(workspace), 'kubeproof.sarif'));
    const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'deploy/base/cm.yaml', uriBaseId: '%SRCROOT%' });
    expect(XMLValidator.validate(fs.readFileSync(path.join(workspace, 'reports/junit.xml'), 'utf8'))).toBe(true);
    expect(stepNamed(r, 'Upload SARIF to code scanning').with).toEqual({ sarif_file: sarifFile, category: 'kubeproof' });
    expect(stepNamed(r, 'Verdict').code).toBe(1);
    expect(r.code).toBe(1);
  });

  it('fails with exit 2 when the run could not check, whatever fail-on says', () => {
    const r = run({ paths: 'deploy', 'junit-file': 'no/such/dir/junit.xml', 'fail-on': 'never' }).result;
    expect(r.outputs['exit-code']).toBe('2');
    expect(stepNamed(r, 'Verdict').code).toBe(2);
  });

  it('fail-on: never reports without failing; warning fails on warnings; a bad value is refused', () => {
    const never = run({ paths: 'deploy', 'fail-on': 'never' }).result;
    expect(never.outputs['exit-code']).toBe('1');
    expect(never.code).toBe(0);
    expect(stepNamed(never, 'Upload SARIF to code scanning').ran).toBe(false); // upload-sarif defaults to false
    const warnings = tempTree({ 'pod.yaml': warningOnly, '.git/HEAD': '' });
    expect(run({ paths: 'pod.yaml' }, warnings).result.code).toBe(0);
    const strict = run({ paths: 'pod.yaml', 'fail-on': 'warning' }, warnings).result;
    expect(strict.outputs['exit-code']).toBe('1');
    expect(strict.code).toBe(1);
    const bad = run({ paths: 'pod.yaml', 'fail-on': 'sometimes' }, warnings).result;
    expect(stepNamed(bad, 'Check').stdout).toContain('::error title=kubeproof::fail-on must be error, warning or never, not "sometimes"');
    expect(bad.code).toBe(2);
  });

  it('passes nodes, config, the Kubernetes version, the working directory and extra args through; never runs an input as shell', () => {
    const workspace = tempTree({
      'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: "nginx:1.27", resources: {requests: {cpu: "2"}}}]\n',
      'k8s/nodes.yaml': 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: small}\nspec: {count: 2, allocatable: {cpu: "2", memory: 4Gi}}\n',
      'k8s/kubeproof.yaml': 'rules:\n  missing-probes: off\n',
      '.git/HEAD': '',
    });
    const { result } = run({ 'working-directory': 'k8s', paths: 'app.yaml $(touch pwned)', nodes: 'nodes.yaml', config: 'kubeproof.yaml', 'kubernetes-version': '1.34', args: '--disable latest-tag', 'sarif-file': '' }, workspace);
    const check = stepNamed(result, 'Check');
    expect(check.stdout).toContain('unschedulable');
    expect(check.stdout).toContain('0/2 nodes are available: 2 Insufficient cpu.');
    expect(check.stdout).not.toContain('missing-probes');
    expect(check.stderr).toContain('$(touch'); // taken as a path name, and reported missing
    expect(fs.existsSync(path.join(workspace, 'k8s', 'pwned'))).toBe(false);
    expect(fs.existsSync(path.join(workspace, 'pwned'))).toBe(false);
    expect(result.outputs['sarif-file']).toBe('');
  });
});
