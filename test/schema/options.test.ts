import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { FIXTURES, runCli, tempTree } from '../helpers.js';

const CORPUS = path.join(import.meta.dirname, 'corpus');
const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, kind: Widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {size: {type: integer}}}}}}
`;
const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: big}\n';

describe('schema options', () => {
  it('gives the same findings with precompiled and run-time compiled validators', () => {
    const files = ['invalid', 'valid'];
    const pre = validate(files, { cwd: CORPUS });
    const runtime = validate(files, { cwd: CORPUS, precompiled: false });
    expect(runtime.diagnostics).toEqual(pre.diagnostics);
    expect(pre.diagnostics.length).toBeGreaterThan(50);
  });

  it('validates custom resources against CRDs given with --crds', async () => {
    const dir = tempTree({ 'crds/widget.yaml': crd, 'app/widget.yaml': widget });
    const without = await runCli(['validate', 'app', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(without.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['missing-schema']);
    const withCrds = await runCli(['validate', 'app', '--crds', 'crds', '-f', 'github'], { cwd: dir });
    expect(withCrds.stdout).toBe('::error file=app/widget.yaml,line=4,col=14,endColumn=17,title=kubeproof(invalid-type)::spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"\n');
    expect(withCrds.code).toBe(1);
  });

  it('downgrades missing schemas with --ignore-missing-schemas and skips --skip-kinds', async () => {
    const dir = tempTree({ 'widget.yaml': widget });
    const ignored = await runCli(['validate', '.', '--ignore-missing-schemas', '-f', 'json'], { cwd: dir });
    expect(ignored.code).toBe(0);
    expect(JSON.parse(ignored.stdout).diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['warning']);
    const skipped = await runCli(['validate', '.', '--skip-kinds', 'Deployment,example.com/v1/Widget', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(skipped.stdout).diagnostics).toEqual([]);
  });

  it('validates against the Kubernetes version asked for', async () => {
    const dir = tempTree({ 'claim.yaml': 'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata: {name: c}\nspec: {}\n' });
    expect((await runCli(['validate', '.'], { cwd: dir })).code).toBe(0);
    const old = await runCli(['validate', '.', '--kubernetes-version', '1.33'], { cwd: dir });
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('no matches for kind "ResourceClaim" in version "resource.k8s.io/v1": not served by Kubernetes 1.33 (served in 1.34, 1.35)');
    const bad = await runCli(['validate', '.', '--kubernetes-version', '1.20'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument '1.20' is invalid");
  });

  it('never prints the values of a Secret, whatever is wrong with them', async () => {
    const secret = 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  token: "hunter2-not-base64!"\n  other: [hunter3]\nstringData:\n  num: 12345678\n';
    const dir = tempTree({ 'secret.yaml': secret });
    for (const format of ['text', 'json', 'sarif', 'junit', 'github']) {
      const r = await runCli(['validate', '.', '-f', format], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('redacted');
      for (const leaked of ['hunter2', 'hunter3', '12345678']) expect(r.stdout, format).not.toContain(leaked);
    }
  });

  it('keeps checking the example tree clean', () => {
    const r = validate(['mixed/good.yaml'], { cwd: FIXTURES });
    expect(r.diagnostics).toEqual([]);
  });
});
