import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { expandKustomizeRoots, findKustomizationRoots, planKustomizeRoots, scanKustomizations, treeFiles } from '../../src/api/roots.js';
import { render } from '../../src/render/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';
import { deploy, k, cm, repo } from './repo-fixture.js';

const rel = (dir: string, files: string[]) => files.map((f) => path.relative(fs.realpathSync(dir), f).split(path.sep).join('/'));

describe('findKustomizationRoots', () => {
  it('finds the kustomizations nothing builds, and the manifests no kustomization reads', () => {
    const dir = repo();
    const found = findKustomizationRoots(dir);
    expect(rel(dir, found.roots)).toEqual(['overlays/a', 'overlays/b', 'standalone']);
    // base/deploy.yaml is listed by base; overlays/a/patch.yaml is a patch; components/extra/extra.yaml belongs to the component.
    expect(rel(dir, found.plainFiles)).toEqual(['base/stray.yaml', 'plain/cm.yaml']);
  });

  it('counts a transformers directory as built by its kustomization, not as a root', () => {
    const dir = tempTree({
      'app/kustomization.yaml': k('resources:\n- cm.yaml\ntransformers:\n- t\n'),
      'app/cm.yaml': cm('c'),
      'app/t/kustomization.yaml': k('resources:\n- l.yaml\n'),
      'app/t/l.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: l}\nlabels: {a: b}\nfieldSpecs: [{path: metadata/labels, create: true}]\n',
    });
    expect(rel(dir, findKustomizationRoots(dir).roots)).toEqual(['app']);
  });

  it('checks a base as a root when nothing in the walked folder builds it', () => {
    const dir = repo();
    expect(rel(dir, findKustomizationRoots(path.join(dir, 'base')).roots)).toEqual(['base']);
  });

  it('still checks kustomizations that build each other in a cycle (the first of them), so the cycle is reported', () => {
    const dir = tempTree({
      'a/kustomization.yaml': k('resources:\n- ../b\n'),
      'b/kustomization.yaml': k('resources:\n- ../a\n'),
      'c/kustomization.yaml': k('resources:\n- ../c\n'),
    });
    expect(rel(dir, findKustomizationRoots(dir).roots)).toEqual(['a', 'c']);
    const result = check(expandKustomizeRoots(['.'], dir), { cwd: dir });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['kustomize-build', 'kustomize-build']);
    expect(result.diagnostics[0]!.message).toContain('cycle detected');
  });

  it('treats an unreadable kustomization as owning its folder: a root, its files not checked twice', () => {
    const dir = tempTree({ 'broken/kustomization.yaml': 'resources: [unclosed\n', 'broken/r.yaml': cm('r'), 'ok.yaml': cm('ok') });
    const found = findKustomizationRoots(dir);
    expect(rel(dir, found.roots)).toEqual(['broken']);
    expect(rel(dir, found.plainFiles)).toEqual(['ok.yaml']);
  });

  it('follows a symbolic link loop once and a linked folder once', () => {
    const dir = tempTree({ 'app/kustomization.yaml': k('resources:\n- r.yaml\n'), 'app/r.yaml': cm('r'), 'plain/p.yaml': cm('p') });
    fs.symlinkSync('..', path.join(dir, 'plain', 'loop'));
    fs.symlinkSync(path.join(dir, 'plain'), path.join(dir, 'again'));
    const found = findKustomizationRoots(dir);
    expect(rel(dir, found.roots)).toEqual(['app']);
    expect(rel(dir, found.plainFiles)).toEqual(['plain/p.yaml']);
  });

  it('recognises a stray Kubernetes object in minified JSON, and ignores helper JSON', () => {
    const dir = repo({ 'base/extra.json': '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}', 'base/settings.json': '{"kind": "of"}' });
    expect(rel(dir, findKustomizationRoots(dir).plainFiles)).toEqual(['base/extra.json', 'base/stray.yaml', 'plain/cm.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('hands a folder it cannot read to the check, which reports it (exit 2)', () => {
    const dir = repo({ 'locked/cm.yaml': cm('locked') });
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const targets = expandKustomizeRoots(['.'], dir);
      expect(targets).toContain('locked');
      expect(check(targets, { cwd: dir }).errors.map((e) => e.message)).toEqual(['locked: cannot read: permission denied']);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('is the same whatever order the folders were created in', () => {
    const one = repo();
    const two = repo({ 'zz/kustomization.yaml': k('resources:\n- ../overlays/a\n') });
    expect(rel(one, findKustomizationRoots(one).roots)).toEqual(['overlays/a', 'overlays/b', 'standalone']);
    // An overlay of an overlay: overlays/a is built by zz now, so it is no longer a root.
    expect(rel(two, findKustomizationRoots(two).roots)).toEqual(['overlays/b', 'standalone', 'zz']);
  });
});

describe('expandKustomizeRoots', () => {
  it('turns each directory into its roots and plain manifests, each once, relative to cwd, in argument order', () => {
    const dir = repo();
    expect(expandKustomizeRoots(['.', 'overlays/a', 'plain/cm.yaml', 'missing.yaml', '-'], dir)).toEqual([
      'overlays/a',
      'overlays/b',
      'standalone',
      'base/stray.yaml',
      'plain/cm.yaml',
      'missing.yaml', // passed through: check reports it (exit 2)
      '-',
    ]);
  });

  it('reads a kustomization file as its folder, and a root given directly as itself', () => {
    const dir = repo();
    expect(expandKustomizeRoots(['overlays/b/kustomization.yaml'], dir)).toEqual(['overlays/b']);
    // Outside cwd: shown absolute, as the loader shows such files.
    expect(expandKustomizeRoots(['../overlays/b'], path.join(dir, 'plain'))).toEqual([path.join(fs.realpathSync(dir), 'overlays', 'b')]);
    expect(expandKustomizeRoots([dir], dir)).toContain('overlays/a');
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(expandKustomizeRoots(['empty'], dir)).toEqual([]); // nothing to check there
  });

  it('lists the files the targets read, bases outside the given folder included', () => {
    const dir = repo();
    const plan = planKustomizeRoots(['overlays/a'], dir);
    expect(plan.targets).toEqual(['overlays/a']);
    expect(rel(dir, plan.files)).toEqual(['base/app.conf', 'base/deploy.yaml', 'base/kustomization.yaml', 'base/svc.yaml', 'overlays/a/kustomization.yaml', 'overlays/a/patch.yaml']);
  });

  it('checks each overlay once, a base mistake reported once, at the base', () => {
    const dir = repo({ 'base/deploy.yaml': deploy('"two"') });
    const result = check(expandKustomizeRoots(['.'], dir), { cwd: dir });
    expect(result.files.map((f) => f.file)).toEqual([
      'overlays/a/kustomization.yaml',
      'overlays/b/kustomization.yaml',
      'standalone/Kustomization',
      'base/stray.yaml',
      'plain/cm.yaml',
    ]);
    expect(result.files[0]!.resources.map((r) => `${r.kind}/${r.name}`)).toEqual([expect.stringMatching(/^ConfigMap\/a-conf-[a-z0-9]{10}$/), 'Service/a-web', 'Deployment/a-web']);
    const replicas = result.diagnostics.filter((d) => d.path === '/spec/replicas');
    expect(replicas.map((d) => `${d.file}:${d.line}`)).toEqual(['base/deploy.yaml:6']);
    expect(result.errors).toEqual([]);
  });
});

describe('static reading against what render reads', () => {
  // Every file a render reads must be in the static tree, or pre-commit and watch would miss a change to it.
  const cases = path.join(REPO_ROOT, 'test', 'render', 'cases');
  const roots = [
    ...fs.readdirSync(cases).sort().map((name) => path.join(cases, name, 'root')),
    ...['dev', 'staging', 'production'].map((o) => path.join(REPO_ROOT, 'overlays-example', 'overlays', o)),
  ];

  it('records what each render read', () => {
    const rendered = render(path.join(REPO_ROOT, 'overlays-example', 'overlays', 'production'));
    const base = path.join(REPO_ROOT, 'overlays-example', 'base');
    expect(rendered.files).toContain(path.join(base, 'nginx.conf'));
    expect(rendered.files).toContain(path.join(base, 'kustomization.yaml'));
    expect(rendered.files).toContain(path.join(REPO_ROOT, 'overlays-example', 'overlays', 'production', 'web-replicas.yaml'));
    expect(rendered.files).toEqual([...rendered.files].sort());
  });

  it.each(roots.map((r) => [path.relative(REPO_ROOT, r), r]))('%s', (_name, root) => {
    const rendered = render(root);
    const scan = scanKustomizations(path.dirname(root));
    const tree = treeFiles(scan, fs.realpathSync(root));
    expect(rendered.files.filter((f) => !tree.has(f))).toEqual([]);
  });
});
