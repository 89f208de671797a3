/**
 * kubeproof as a CI gate, run as the README's GitHub Actions job runs it: over a whole
 * repository with several kustomization roots (--kustomize-roots auto), once per format,
 * each report written with --output and parsed back as the consumer (code scanning, a JUnit
 * reader, the Actions runner, a script) would parse it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, tempTree } from '../helpers.js';

let repo: string;

/** The example shop, plus a second application with a broken overlay, as one repository. */
beforeAll(() => {
  repo = tempTree({
    'apps/billing/base/kustomization.yaml': 'resources: [deploy.yaml]\n',
    'apps/billing/base/deploy.yaml':
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: billing}\nspec:\n  replicas: "2"\n  selector: {matchLabels: {app: billing}}\n  template:\n    metadata: {labels: {app: billing}}\n    spec:\n      containers: [{name: billing, image: "billing:1.4"}]\n',
    'apps/billing/prod/kustomization.yaml': 'namespace: billing\nresources: [../base]\n',
    'docs/not-kubernetes.yaml': 'title: a page\n',
  });
  fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), path.join(repo, 'apps/shop'), { recursive: true });
});

async function gate(format: string, extra: string[] = []) {
  const out = `report.${format}`;
  const r = await runCli(['check', '--kustomize-roots', 'auto', '.', '--format', format, '--output', out, ...extra], { cwd: repo });
  return { ...r, report: fs.readFileSync(path.join(repo, out), 'utf8') };
}

describe('a CI run over a repository with several kustomization roots', () => {
  it('json: checks each overlay once and fails on the broken one', async () => {
    const { code, report } = await gate('json');
    expect(code).toBe(1);
    const parsed = JSON.parse(report);
    const files = parsed.diagnostics.map((d: { file: string }) => d.file);
    expect(files).toContain('apps/billing/base/deploy.yaml');
    const errors = parsed.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.map((d: { file: string; line: number; ruleId: string }) => `${d.file}:${d.line} ${d.ruleId}`)).toEqual(['apps/billing/base/deploy.yaml:5 invalid-type']);
    // Four roots (billing/prod and the shop's three overlays), none of the bases on their own,
    // and the one manifest no kustomization reads (the shop's node inventory).
    const rendered = parsed.summary.resources;
    const once = JSON.parse((await runCli(['check', 'apps/billing/prod', 'apps/shop/overlays/dev', 'apps/shop/overlays/staging', 'apps/shop/overlays/production', 'apps/shop/nodes.yaml', '--format', 'json'], { cwd: repo })).stdout).summary.resources;
    expect(rendered).toBe(once);
  });

  it('sarif: what GitHub code scanning reads', async () => {
    const { code, report } = await gate('sarif');
    expect(code).toBe(1);
    const log = JSON.parse(report);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'invalid-type');
    expect(result.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'apps/billing/base/deploy.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 13 } });
    const rule = run.tool.driver.rules[result.ruleIndex];
    expect(rule).toMatchObject({ id: 'invalid-type', helpUri: expect.stringMatching(/docs\/rules\.md#invalid-type$/) });
    expect(Object.keys(result.partialFingerprints)).toEqual(['kubeproof/v1']);
  });

  it('junit: a failing testcase for the broken Deployment, as GitLab and Jenkins read it', async () => {
    const { code, report } = await gate('junit');
    expect(code).toBe(1);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(report);
    const suites = [xml.testsuites.testsuite].flat();
    // The testcase sits under the overlay that rendered the Deployment; the failure names the base line to edit.
    const billing = suites.find((s: { name: string }) => s.name === 'apps/billing/prod/kustomization.yaml');
    expect(billing).toMatchObject({ failures: '1' });
    const failing = [billing.testcase].flat().find((t: { failure?: unknown }) => t.failure);
    expect(failing.name).toBe('Deployment billing/billing');
    expect(failing.failure.type).toBe('invalid-type');
    expect(failing.failure.message).toMatch(/^apps\/billing\/base\/deploy\.yaml:\d+:\d+: /);
    // One testcase per resource: the Deployment is not listed again under the base file.
    expect(suites.map((s: { name: string }) => s.name)).not.toContain('apps/billing/base/deploy.yaml');
    expect(Number(xml.testsuites.failures)).toBe(1);
  });

  it('github: one workflow command per finding, as the Actions runner parses them', async () => {
    const { code, report } = await gate('github');
    expect(code).toBe(1);
    const commands = report
      .trimEnd()
      .split('\n')
      .map((line) => /^::(error|warning|notice) (.*?)::(.*)$/.exec(line));
    expect(commands.every(Boolean)).toBe(true);
    const error = commands.find((c) => c![1] === 'error')!;
    const props = Object.fromEntries(error[2]!.split(',').map((kv) => kv.split('=') as [string, string]));
    expect(props).toMatchObject({ file: 'apps/billing/base/deploy.yaml', line: '5', col: '13', title: 'kubeproof(invalid-type)' });
  });

  it('--max-warnings fails a run whose only findings are warnings, and a config can set it', async () => {
    fs.writeFileSync(path.join(repo, 'apps/billing/base/deploy.yaml'), fs.readFileSync(path.join(repo, 'apps/billing/base/deploy.yaml'), 'utf8').replace('replicas: "2"', 'replicas: 2'));
    const clean = await gate('json');
    expect(JSON.parse(clean.report).summary.errors).toBe(0);
    expect(clean.code).toBe(0);
    expect((await gate('json', ['--max-warnings', '0'])).code).toBe(1);
    fs.writeFileSync(path.join(repo, 'kubeproof.yaml'), 'maxWarnings: 0\n');
    expect((await gate('json')).code).toBe(1);
    fs.rmSync(path.join(repo, 'kubeproof.yaml'));
  });
});
