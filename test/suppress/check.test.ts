/** Suppressions over real runs: check() and validate() on temporary trees, plain files and kustomize overlays. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/api/catalog.js';
import { check } from '../../src/api/check.js';
import { validate, type RunResult } from '../../src/api/validate.js';
import type { Diagnostic } from '../../src/core/index.js';
import { rules } from '../../src/rules/index.js';
import { applySuppressions, fileTextReader, resolveSuppressions, suppressionMetas, type SuppressionInput } from '../../src/suppress/index.js';
import { tempTree } from '../helpers.js';

const knownRules = new Set([...ruleCatalog().map((m) => m.id), ...suppressionMetas.map((m) => m.id)]);

/** What the lead's wiring does: the run's resources and files, texts from disk (or buffers). */
function suppress(result: RunResult, cwd: string, extra: Partial<SuppressionInput> = {}): Diagnostic[] {
  return applySuppressions(result.diagnostics, {
    resources: result.resources,
    files: result.files.map((f) => f.file),
    text: fileTextReader({ cwd }),
    knownRules,
    ...extra,
  });
}

function show(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.ruleId}${d.ruleId.endsWith('-suppression') ? ` ${d.message}` : ''}`);
}

const deployment = (lines: string[]) => lines.join('\n') + '\n';

const plain = deployment([
  '# kubeproof-ignore-file missing-probes -- probes come from the mesh', // 1
  'apiVersion: apps/v1', // 2
  'kind: Deployment', // 3
  'metadata:', // 4
  '  name: web', // 5
  'spec:', // 6
  '  selector:', // 7
  '    matchLabels: {app: web}', // 8
  '  template:', // 9
  '    metadata:', // 10
  '      labels: {app: web}', // 11
  '    spec:', // 12
  '      containers:', // 13
  '      # kubeproof-ignore-next-line missing-limits, missing-requests # sized by the VPA', // 14
  '      - name: web', // 15
  '        # kubeproof-ignore-next-line latest-tag, latest-tags', // 16
  '', // 17
  '        image: nginx:latest', // 18
  '        command: ["sh", "-c", "echo # kubeproof-ignore-file latest-tag"]', // 19
  '        args:', // 20
  '        - |', // 21
  '          # kubeproof-ignore-file latest-tag', // 22
  '          echo hi', // 23
]);

describe('suppressions on a check() run', () => {
  it('suppress real findings in a plain file and report what is left over', () => {
    const dir = tempTree({ 'web.yaml': plain });
    const result = check(['.'], { cwd: dir, suppressions: false });
    expect(show(result.diagnostics)).toEqual([
      'web.yaml:15:15-15:18 missing-limits',
      'web.yaml:15:15-15:18 missing-probes',
      'web.yaml:15:15-15:18 missing-requests',
      'web.yaml:18:16-18:28 latest-tag',
    ]);
    expect(show(suppress(result, dir))).toEqual([
      "web.yaml:16:50-16:61 invalid-suppression unknown rule 'latest-tags' in kubeproof-ignore-next-line directive",
    ]);
  });

  it('read CRLF files at the same positions', () => {
    const dir = tempTree({ 'web.yaml': plain.replace(/\n/g, '\r\n').replace('latest-tag, latest-tags', 'latest-tag') + '# kubeproof-ignore-next-line host-port\r\n' });
    const result = check(['.'], { cwd: dir, suppressions: false });
    expect(show(suppress(result, dir))).toEqual(['web.yaml:24:1-24:39 unused-suppression unused kubeproof-ignore-next-line directive (no line follows it)']);
  });

  it('read standard input from its buffer', () => {
    const dir = tempTree();
    const text = plain.replace('missing-requests #', 'missing-requests, missing-probes #');
    const result = check(['-'], { cwd: dir, suppressions: false, readStdin: () => Buffer.from(text) });
    expect(show(suppress(result, dir, { text: fileTextReader({ cwd: dir, buffers: { '<stdin>': text } }) }))).toEqual([
      "<stdin>:14:70-14:84 unused-suppression unused kubeproof-ignore-next-line directive (problems from 'missing-probes' are already suppressed by the kubeproof-ignore-file directive at line 1)",
      "<stdin>:16:50-16:61 invalid-suppression unknown rule 'latest-tags' in kubeproof-ignore-next-line directive",
    ]);
    // Without its text, stdin's comments are not applied, and nothing is reported about them.
    expect(show(suppress(result, dir))).toEqual(show(result.diagnostics));
  });

  it('do not report suppressions of rules the run did not run', () => {
    const dir = tempTree({ 'web.yaml': plain.replace('latest-tag, latest-tags', 'latest-tag') });
    const result = check(['.'], { cwd: dir, suppressions: false, disable: ['latest-tag', 'missing-probes'] });
    const lintIds = new Set(rules.map((r) => r.meta.id));
    const ranRules = (id: string) => !lintIds.has(id) || !['latest-tag', 'missing-probes'].includes(id);
    expect(show(suppress(result, dir, { ranRules }))).toEqual([]);
    expect(show(suppress(result, dir))).toEqual([
      "web.yaml:1:1-1:68 unused-suppression unused kubeproof-ignore-file directive (no problems were reported from 'missing-probes')",
      "web.yaml:16:9-16:48 unused-suppression unused kubeproof-ignore-next-line directive (no problems were reported from 'latest-tag')",
    ]);
  });

  it('work for validate(), which runs only the rules for what the API server refuses', () => {
    const text = deployment([
      'apiVersion: v1', // 1
      'kind: Pod', // 2
      'metadata:', // 3
      '  name: p', // 4
      '  annotations:', // 5
      '    kubeproof.dev/ignore: latest-tag', // 6
      'spec:', // 7
      '  containers:', // 8
      '  - name: c', // 9
      '    image: nginx:1.27', // 10
      '    resources:', // 11
      '      # kubeproof-ignore-next-line invalid-quantity -- known', // 12
      '      requests: {cpu: 100mm}', // 13
    ]);
    const dir = tempTree({ 'pod.yaml': text });
    const result = validate(['pod.yaml'], { cwd: dir, suppressions: false });
    expect(show(result.diagnostics)).toEqual(['pod.yaml:13:23-13:28 invalid-quantity']);
    const ran = new Set(rules.filter((r) => r.meta.rejectedByApiServer).map((r) => r.meta.id));
    const lintIds = new Set(rules.map((r) => r.meta.id));
    expect(show(suppress(result, dir, { ranRules: (id) => !lintIds.has(id) || ran.has(id) }))).toEqual([]);
  });
});

describe('suppressions on rendered kustomize overlays', () => {
  const base = deployment([
    'apiVersion: apps/v1', // 1
    'kind: Deployment', // 2
    'metadata:', // 3
    '  name: web', // 4
    '  annotations:', // 5
    '    kubeproof.dev/ignore: "latest-tag, missing-probes # tracked in JIRA-1"', // 6
    'spec:', // 7
    '  selector:', // 8
    '    matchLabels: {app: web}', // 9
    '  template:', // 10
    '    metadata:', // 11
    '      labels: {app: web}', // 12
    '    spec:', // 13
    '      containers:', // 14
    '      # kubeproof-ignore-next-line missing-limits', // 15
    '      - name: web', // 16
    '        image: nginx:latest', // 17
  ]);
  const tree = () =>
    tempTree({
      'base/web.yaml': base,
      'base/kustomization.yaml': 'resources:\n- web.yaml\n',
      // commonAnnotations replaces the base's annotation in dev.
      'dev/kustomization.yaml': 'namespace: dev\nresources:\n- ../base\ncommonAnnotations:\n  kubeproof.dev/ignore: missing-requests,host-port\n',
      'prod/kustomization.yaml': 'namespace: prod\nresources:\n- ../base\npatches:\n- path: patch.yaml\n',
      'prod/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: busybox:latest\n',
    });

  it('apply annotations to the rendered resource wherever its findings point, and comments to the base file', () => {
    const dir = tree();
    const result = check(['dev', 'prod'], { cwd: dir, suppressions: false });
    expect(result.diagnostics.map((d) => `${d.resource!.namespace} ${d.file}:${d.line} ${d.ruleId}`)).toEqual([
      'dev base/web.yaml:16 missing-limits',
      'dev base/web.yaml:16 missing-probes',
      'dev base/web.yaml:16 missing-requests',
      'dev base/web.yaml:17 latest-tag',
      'prod prod/patch.yaml:9 missing-limits',
      'prod prod/patch.yaml:9 missing-probes',
      'prod prod/patch.yaml:9 missing-requests',
      'prod prod/patch.yaml:10 latest-tag',
    ]);
    const out = resolveSuppressions(result.diagnostics, { resources: result.resources, files: result.files.map((f) => f.file), text: fileTextReader({ cwd: dir }), knownRules });
    expect(show(out.diagnostics)).toEqual([
      'base/web.yaml:16:15-16:18 missing-probes',
      'base/web.yaml:17:16-17:28 latest-tag',
      "dev/kustomization.yaml:5:42-5:51 unused-suppression unused kubeproof.dev/ignore annotation on Deployment dev/web (no problems were reported from 'host-port')",
      'prod/patch.yaml:9:15-9:18 missing-limits',
      'prod/patch.yaml:9:15-9:18 missing-requests',
    ]);
    const unused = out.diagnostics.find((d) => d.ruleId === 'unused-suppression')!;
    expect(unused).toMatchObject({ path: '/metadata/annotations/kubeproof.dev~1ignore', resource: { kind: 'Deployment', name: 'web', namespace: 'dev' } });
    expect(out.suppressed.map((s) => `${s.diagnostic.resource!.namespace} ${s.diagnostic.ruleId} <- ${s.suppression.kind} ${s.suppression.file}:${s.suppression.span.line}`)).toEqual([
      'dev missing-limits <- next-line base/web.yaml:15',
      'dev missing-requests <- annotation dev/kustomization.yaml:5',
      'prod missing-probes <- annotation base/web.yaml:6',
      'prod latest-tag <- annotation base/web.yaml:6',
    ]);
  });

  it('count one base annotation rendered by two overlays as used when either uses it', () => {
    const dir = tree();
    fs.writeFileSync(path.join(dir, 'dev/kustomization.yaml'), 'namespace: dev\nresources:\n- ../base\n');
    // Both overlays now carry the base's annotation. Only dev's image is :latest (prod's patch pins it): the annotation
    // is used by both for missing-probes and by dev alone for latest-tag, so nothing in it is unused.
    fs.writeFileSync(path.join(dir, 'prod/patch.yaml'), fs.readFileSync(path.join(dir, 'prod/patch.yaml'), 'utf8').replace('busybox:latest', 'busybox:1.36'));
    const result = check(['dev', 'prod'], { cwd: dir, suppressions: false });
    const out = suppress(result, dir);
    expect(out.filter((d) => d.ruleId.endsWith('-suppression'))).toEqual([]);
    expect(out.map((d) => `${d.resource!.namespace} ${d.ruleId}`)).toEqual(['dev missing-requests', 'prod missing-limits', 'prod missing-requests']);
    // Without any :latest image, the annotation's latest-tag is reported once, at the base, though two resources carry it.
    fs.writeFileSync(path.join(dir, 'base/web.yaml'), base.replace('nginx:latest', 'nginx:1.27'));
    const clean = suppress(check(['dev', 'prod'], { cwd: dir, suppressions: false }), dir).filter((d) => d.ruleId === 'unused-suppression');
    expect(show(clean)).toEqual([
      "base/web.yaml:6:28-6:38 unused-suppression unused kubeproof.dev/ignore annotation (no problems were reported from 'latest-tag')",
    ]);
  });
  it('apply comments in a patch to the rendered run, and do not report them when a plain load skips the patch', () => {
    const dir = tree();
    const patch = path.join(dir, 'prod/patch.yaml');
    fs.writeFileSync(patch, fs.readFileSync(patch, 'utf8').replace('      - name: web', '      # kubeproof-ignore-next-line missing-limits\n      - name: web'));
    fs.appendFileSync(path.join(dir, 'prod/kustomization.yaml'), '# kubeproof-ignore-file kustomize-build\n');
    const rendered = suppress(check(['prod'], { cwd: dir, suppressions: false }), dir);
    // The base's next-line comment is there for dev's finding: in a run of prod alone, whose container the patch
    // rewrites, it suppresses nothing, and says so.
    expect(show(rendered)).toEqual([
      "base/web.yaml:15:7-15:50 unused-suppression unused kubeproof-ignore-next-line directive (no problems were reported from 'missing-limits')",
      "prod/kustomization.yaml:6:1-6:40 unused-suppression unused kubeproof-ignore-file directive (no problems were reported from 'kustomize-build')",
      'prod/patch.yaml:10:15-10:18 missing-requests',
    ]);
    const plain = check(['.'], { cwd: dir, suppressions: false });
    expect(plain.diagnostics.filter((d) => d.file.startsWith('prod/')).map((d) => `${d.file} ${d.ruleId}`)).toEqual(['prod/kustomization.yaml kustomization-file', 'prod/patch.yaml kustomize-patch']);
    expect(suppress(plain, dir).filter((d) => d.ruleId.endsWith('-suppression'))).toEqual([]);
  });
});

describe('fileTextReader', () => {
  it('reads display paths against cwd, decodes like the loader, prefers buffers and caches', () => {
    const dir = tempTree({ 'a.yaml': 'x: 1\n', 'sub/u16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# kubeproof-ignore-file\n', 'utf16le')]), 'bad.yaml': Buffer.from([0x61, 0xff]) });
    const text = fileTextReader({ cwd: dir, buffers: new Map([['a.yaml', 'unsaved\n']]) });
    expect(text('a.yaml')).toBe('unsaved\n');
    expect(text('sub/u16.yaml')).toBe('# kubeproof-ignore-file\n');
    expect(text(path.join(dir, 'sub/u16.yaml'))).toBe('# kubeproof-ignore-file\n');
    expect(text('bad.yaml')).toBeUndefined();
    expect(text('missing.yaml')).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'sub/u16.yaml'), 'changed\n');
    expect(text('sub/u16.yaml')).toBe('# kubeproof-ignore-file\n');
  });
});
