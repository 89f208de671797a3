import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { render } from '../../src/render/index.js';
import { tempTree } from '../helpers.js';

const K = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- base
patches:
- target:
    kind: Deployment
    name: web
  patch: |-
    - op: replace
      path: /spec/replicas
      value: 3
- target:
    kind: Deploymnet
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: x}
    spec: {replicas: 2}
`;
const BASE_K = `resources:\n- web.yaml\npatchesJson6902:\n- target: {group: apps, version: v1, kind: Deployment, name: gone}\n  patch: |-\n    - op: remove\n      path: /spec/replicas\n`;
const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n';

function tree(): string {
  const dir = tempTree();
  fs.mkdirSync(path.join(dir, 'base'));
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), K);
  fs.writeFileSync(path.join(dir, 'base', 'kustomization.yaml'), BASE_K);
  fs.writeFileSync(path.join(dir, 'base', 'web.yaml'), WEB);
  return dir;
}

describe('unmatched-patch', () => {
  it('warns at each patch entry whose target selects nothing, in the overlay and in its base', () => {
    const dir = tree();
    const found = check(['.'], { cwd: dir }).diagnostics.filter((d) => d.ruleId === 'unmatched-patch');
    expect(found.map((d) => [d.file, d.line, d.column, d.severity])).toEqual([
      ['base/kustomization.yaml', 4, 3, 'warning'],
      ['kustomization.yaml', 13, 3, 'warning'],
    ]);
    expect(found[1]!.message).toContain('{kind: Deploymnet} selects no resource');
  });

  it('names the one field that keeps the target from a resource, and offers the fix', () => {
    const dir = tree();
    const [base, overlay] = check(['.'], { cwd: dir }).diagnostics.filter((d) => d.ruleId === 'unmatched-patch');
    // {group: apps, version: v1, kind: Deployment, name: gone}: only the name differs from Deployment/web.
    expect(base!.message).toMatch(/; Deployment\/web matches it but for name, which is "web"$/);
    expect(base!.suggestion).toEqual({ title: 'Change name to "web"', edits: [{ file: 'base/kustomization.yaml', line: 4, column: 62, endLine: 4, endColumn: 66, newText: 'web' }] });
    expect(overlay!.message).toMatch(/; Deployment\/web matches it but for kind, which is "Deployment"$/);
    // A Service patched as if it were in group apps: the core group is "".
    const svc = tempTree({ 'kustomization.yaml': 'resources:\n- svc.yaml\npatches:\n- target: {group: apps, version: v1, kind: Service, name: api}\n  patch: |-\n    - {op: add, path: /spec/type, value: NodePort}\n', 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n' });
    const [found] = check(['.'], { cwd: svc }).diagnostics.filter((d) => d.ruleId === 'unmatched-patch');
    expect(found!.message).toMatch(/; Service\/api matches it but for group, which is "" \(the core group\)$/);
    expect(found!.suggestion?.edits[0]?.newText).toBe('""');
    // Two fields off: no guess.
    const far = tempTree({ 'kustomization.yaml': 'resources:\n- svc.yaml\npatches:\n- target: {group: apps, kind: Service, name: nope}\n  patch: |-\n    - {op: add, path: /spec/type, value: NodePort}\n', 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: api}\nspec: {ports: [{port: 80}]}\n' });
    const [none] = check(['.'], { cwd: far }).diagnostics.filter((d) => d.ruleId === 'unmatched-patch');
    expect(none!.message).toMatch(/ships without its change$/);
    expect(none!.suggestion).toBeUndefined();
  });

  it('leaves render silent and its output kustomize\'s', () => {
    const rendered = render(tree());
    expect(rendered.diagnostics).toEqual([]);
    expect(rendered.findings.map((d) => d.ruleId)).toEqual(['unmatched-patch', 'unmatched-patch']);
    expect(rendered.yaml).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n');
  });

  it('says nothing about a Component built on its own, whose patches are for its includer', () => {
    const dir = tempTree({ 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n- target: {kind: Deployment}\n  patch: |-\n    - op: add\n      path: /spec/paused\n      value: true\n' });
    expect(render(dir).findings).toEqual([]);
  });
});
