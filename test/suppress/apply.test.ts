import { describe, expect, it } from 'vitest';
import type { Diagnostic, Resource, ResourceId } from '../../src/core/index.js';
import { parseManifests } from '../../src/load/index.js';
import { applySuppressions, IGNORE_POINTER, resolveSuppressions, unusedSuppressionMeta, suppressionMetas, type SuppressionInput } from '../../src/suppress/index.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

function diag(ruleId: string, file: string, line: number, column = 1, resource?: ResourceId): Diagnostic {
  const d: Diagnostic = { ruleId, severity: 'warning', message: `${ruleId} here`, file, line, column, endLine: line, endColumn: column + 1, path: '' };
  if (resource) d.resource = resource;
  return d;
}

/** `ruleId@file:line:col-endLine:endCol message`, sorted as returned. */
function show(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.ruleId}@${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn}${d.ruleId.endsWith('-suppression') ? ` ${d.message}` : ''}`);
}

function inputOf(files: Record<string, string>, extra: Partial<SuppressionInput> = {}): SuppressionInput {
  const resources: Resource[] = Object.entries(files).flatMap(([file, text]) => parseManifests(text, file).resources);
  return { resources, text: (f) => files[f], files: Object.keys(files), ...extra };
}

describe('comment directives', () => {
  const text = lines(
    'a: 1', // 1
    '# kubeproof-ignore-next-line r1, r2 -- known', // 2
    'b: 2', // 3
    'c: 3', // 4
  );

  it('suppress the listed rules on the next line only, in that file only', () => {
    const ds = [diag('r1', 'f.yaml', 3, 4), diag('r2', 'f.yaml', 3), diag('r3', 'f.yaml', 3), diag('r1', 'f.yaml', 4), diag('r1', 'g.yaml', 3)];
    expect(show(applySuppressions(ds, inputOf({ 'f.yaml': text, 'g.yaml': 'x: 1\n' })))).toEqual(['r3@f.yaml:3:1-3:2', 'r1@f.yaml:4:1-4:2', 'r1@g.yaml:3:1-3:2']);
  });

  it('a file directive anywhere suppresses its rules everywhere in the file; with no list, every rule', () => {
    const f = lines('a: 1', 'b: 2', '# kubeproof-ignore-file r1');
    const g = lines('a: 1', '#kubeproof-ignore-file -- generated');
    const ds = [diag('r1', 'f.yaml', 1), diag('r2', 'f.yaml', 2), diag('r1', 'g.yaml', 1), diag('anything', 'g.yaml', 2)];
    expect(show(applySuppressions(ds, inputOf({ 'f.yaml': f, 'g.yaml': g })))).toEqual(['r2@f.yaml:2:1-2:2']);
  });

  it('report a directive that suppressed nothing at the directive, as ESLint does', () => {
    const f = lines(
      '# kubeproof-ignore-next-line r1, r2 -- nothing here', // 1
      'a: 1', // 2
      '# kubeproof-ignore-next-line r1,r2,r3', // 3
      'b: 2', // 4
      '# kubeproof-ignore-file', // 5
      '# kubeproof-ignore-next-line r9', // 6
    );
    expect(show(applySuppressions([], inputOf({ 'f.yaml': f })))).toEqual([
      "unused-suppression@f.yaml:1:1-1:52 unused kubeproof-ignore-next-line directive (no problems were reported from 'r1' or 'r2')",
      "unused-suppression@f.yaml:3:1-3:38 unused kubeproof-ignore-next-line directive (no problems were reported from 'r1', 'r2', or 'r3')",
      'unused-suppression@f.yaml:5:1-5:24 unused kubeproof-ignore-file directive (no problems were reported)',
      'unused-suppression@f.yaml:6:1-6:32 unused kubeproof-ignore-next-line directive (no line follows it)',
    ]);
  });

  it('report each unused rule of a partly used directive at the rule id', () => {
    const f = lines('# kubeproof-ignore-next-line r1, r2,r3 # why', 'a: 1');
    expect(show(applySuppressions([diag('r2', 'f.yaml', 2)], inputOf({ 'f.yaml': f })))).toEqual([
      "unused-suppression@f.yaml:1:30-1:32 unused kubeproof-ignore-next-line directive (no problems were reported from 'r1')",
      "unused-suppression@f.yaml:1:37-1:39 unused kubeproof-ignore-next-line directive (no problems were reported from 'r3')",
    ]);
  });

  it('report a next-line directive made redundant by a file-wide one, saying so', () => {
    const f = lines('# kubeproof-ignore-file r1', 'a: 1', '# kubeproof-ignore-next-line r1', 'b: 2');
    const result = resolveSuppressions([diag('r1', 'f.yaml', 4)], inputOf({ 'f.yaml': f }));
    expect(show(result.diagnostics)).toEqual([
      "unused-suppression@f.yaml:3:1-3:32 unused kubeproof-ignore-next-line directive (problems from 'r1' are already suppressed by the kubeproof-ignore-file directive at line 1)",
    ]);
    expect(result.suppressed.map((s) => `${s.diagnostic.ruleId}:${s.suppression.kind}@${s.suppression.span.line}`)).toEqual(['r1:file@1']);
  });

  it('do not report suppressions of rules that did not run, set or predicate', () => {
    const f = lines('# kubeproof-ignore-next-line ran, not-run', 'a: 1', '# kubeproof-ignore-file not-run', '# kubeproof-ignore-file');
    const expected = [
      "unused-suppression@f.yaml:1:30-1:33 unused kubeproof-ignore-next-line directive (no problems were reported from 'ran')",
      'unused-suppression@f.yaml:4:1-4:24 unused kubeproof-ignore-file directive (no problems were reported)',
    ];
    expect(show(applySuppressions([], inputOf({ 'f.yaml': f }, { ranRules: new Set(['ran']) })))).toEqual(expected);
    expect(show(applySuppressions([], inputOf({ 'f.yaml': f }, { ranRules: (id) => id !== 'not-run' })))).toEqual(expected);
  });

  it('report unknown rule ids and unsuppressible ones as invalid-suppression, not as unused', () => {
    const f = lines('# kubeproof-ignore-next-line latest-tags, latest-tag, unused-suppression', 'a: 1', '# kubeproof-ignore-file custom-thing');
    const ds = [diag('latest-tag', 'f.yaml', 2), diag('custom-thing', 'f.yaml', 2)];
    expect(show(applySuppressions(ds, inputOf({ 'f.yaml': f }, { knownRules: new Set(['latest-tag']) })))).toEqual([
      "invalid-suppression@f.yaml:1:30-1:41 unknown rule 'latest-tags' in kubeproof-ignore-next-line directive",
      "invalid-suppression@f.yaml:1:55-1:73 'unused-suppression' cannot be suppressed in a kubeproof-ignore-next-line directive: set its severity to off instead",
    ]);
  });

  it('never suppress findings about suppressions', () => {
    const f = lines('# kubeproof-ignore-file', 'a: 1');
    const ds = [diag('unused-suppression', 'f.yaml', 2), diag('invalid-suppression', 'f.yaml', 2), diag('r1', 'f.yaml', 2)];
    expect(show(applySuppressions(ds, inputOf({ 'f.yaml': f })))).toEqual(['invalid-suppression@f.yaml:2:1-2:2 invalid-suppression here', 'unused-suppression@f.yaml:2:1-2:2 unused-suppression here']);
  });

  it('take the severities of the run, off included', () => {
    const f = lines('# kubeproof-ignore-next-line r1', 'a: 1', '# kubeproof-ignore-lines');
    const errors = applySuppressions([], inputOf({ 'f.yaml': f }, { severities: { 'unused-suppression': 'error', 'invalid-suppression': 'info' } }));
    expect(errors.map((d) => `${d.ruleId}:${d.severity}`)).toEqual(['unused-suppression:error', 'invalid-suppression:info']);
    expect(applySuppressions([], inputOf({ 'f.yaml': f }, { severities: { 'unused-suppression': 'off', 'invalid-suppression': 'off' } }))).toEqual([]);
    expect(unusedSuppressionMeta.severity).toBe('warning');
  });

  it('leave files whose text is unknown alone', () => {
    const ds = [diag('r1', 'f.yaml', 2)];
    expect(applySuppressions(ds, { resources: [], text: () => undefined, files: ['f.yaml'] })).toEqual(ds);
  });

  it('read only files of the run, each once', () => {
    const read: string[] = [];
    const texts: Record<string, string> = { 'a.yaml': '# kubeproof-ignore-file\n', 'b.yaml': 'x: 1\n', 'c.yaml': '# kubeproof-ignore-file\n' };
    applySuppressions([diag('r', 'b.yaml', 1), diag('r', 'b.yaml', 1)], { resources: [], text: (f) => (read.push(f), texts[f]), files: ['a.yaml'] });
    expect(read).toEqual(['a.yaml', 'b.yaml']);
  });

  it('are deterministic whatever the order of the input', () => {
    const f = lines('# kubeproof-ignore-next-line r1, r9', 'a: 1', '# kubeproof-ignore-file r8', 'b: 2');
    const g = lines('# kubeproof-ignore-next-line zz', 'c: 3');
    const ds = [diag('r1', 'f.yaml', 2), diag('r2', 'f.yaml', 2), diag('r3', 'g.yaml', 1), diag('r1', 'f.yaml', 4, 3), diag('r0', 'f.yaml', 4, 3)];
    const input = inputOf({ 'f.yaml': f, 'g.yaml': g });
    const once = applySuppressions(ds, input);
    expect(applySuppressions([...ds].reverse(), { ...input, files: ['g.yaml', 'f.yaml'] })).toEqual(once);
    expect(show(once)).toEqual([
      "unused-suppression@f.yaml:1:34-1:36 unused kubeproof-ignore-next-line directive (no problems were reported from 'r9')",
      'r2@f.yaml:2:1-2:2',
      "unused-suppression@f.yaml:3:1-3:27 unused kubeproof-ignore-file directive (no problems were reported from 'r8')",
      'r0@f.yaml:4:3-4:4',
      'r1@f.yaml:4:3-4:4',
      'r3@g.yaml:1:1-1:2',
      "unused-suppression@g.yaml:1:1-1:32 unused kubeproof-ignore-next-line directive (no problems were reported from 'zz')",
    ]);
  });
});

describe('the kubeproof.dev/ignore annotation', () => {
  const text = lines(
    'apiVersion: v1', // 1
    'kind: ConfigMap', // 2
    'metadata:', // 3
    '  name: a', // 4
    '  annotations:', // 5
    '    kubeproof.dev/ignore: "r1, r2 # known issue"', // 6
    '---', // 7
    'apiVersion: v1', // 8
    'kind: ConfigMap', // 9
    'metadata:', // 10
    '  name: b', // 11
    '  namespace: ns', // 12
    '  annotations:', // 13
    "    kubeproof.dev/ignore: '*'", // 14
    '---', // 15
    'apiVersion: v1', // 16
    'kind: ConfigMap', // 17
    'metadata:', // 18
    '  name: c', // 19
  );
  const a: ResourceId = { apiVersion: 'v1', kind: 'ConfigMap', name: 'a' };
  const b: ResourceId = { apiVersion: 'v1', kind: 'ConfigMap', name: 'b', namespace: 'ns' };
  const c: ResourceId = { apiVersion: 'v1', kind: 'ConfigMap', name: 'c' };

  it('suppresses its rules for findings about that resource, wherever they point', () => {
    const ds = [diag('r1', 'f.yaml', 4, 1, a), diag('r1', 'other.yaml', 9, 1, a), diag('r3', 'f.yaml', 4, 1, a), diag('r1', 'f.yaml', 19, 1, c), diag('any', 'f.yaml', 11, 1, b), diag('r1', 'f.yaml', 4)];
    const result = resolveSuppressions(ds, inputOf({ 'f.yaml': text }));
    expect(show(result.diagnostics)).toEqual([
      'r1@f.yaml:4:1-4:2',
      'r3@f.yaml:4:1-4:2',
      "unused-suppression@f.yaml:6:32-6:34 unused kubeproof.dev/ignore annotation on ConfigMap a (no problems were reported from 'r2')",
      'r1@f.yaml:19:1-19:2',
    ]);
    expect(result.suppressed.map((s) => `${s.diagnostic.ruleId}@${s.diagnostic.file} ${s.suppression.reason ?? ''}`)).toEqual(['r1@f.yaml known issue', 'r1@other.yaml known issue', 'any@f.yaml ']);
    const unused = result.diagnostics.find((d) => d.ruleId === 'unused-suppression')!;
    expect(unused).toMatchObject({ path: IGNORE_POINTER, resource: a, severity: 'warning' });
  });

  it('reports an annotation that suppressed nothing at its value', () => {
    expect(show(applySuppressions([], inputOf({ 'f.yaml': text })))).toEqual([
      "unused-suppression@f.yaml:6:27-6:49 unused kubeproof.dev/ignore annotation on ConfigMap a (no problems were reported from 'r1' or 'r2')",
      'unused-suppression@f.yaml:14:27-14:30 unused kubeproof.dev/ignore annotation on ConfigMap ns/b (no problems were reported)',
    ]);
  });

  it('means every rule when empty or only a reason, and falls back to the whole value when ids cannot be placed', () => {
    const t = lines(
      'apiVersion: v1', // 1
      'kind: ConfigMap', // 2
      'metadata:', // 3
      '  name: a', // 4
      '  annotations:', // 5
      '    kubeproof.dev/ignore: >-', // 6
      '      r1,', // 7
      '      r2', // 8
      '---', // 9
      'apiVersion: v1', // 10
      'kind: ConfigMap', // 11
      'metadata:', // 12
      '  name: b', // 13
      '  annotations: {kubeproof.dev/ignore: "# generated, reviewed"}', // 14
    );
    const result = resolveSuppressions([diag('r1', 'f.yaml', 4, 1, a), diag('x', 'f.yaml', 13, 1, { apiVersion: 'v1', kind: 'ConfigMap', name: 'b' })], inputOf({ 'f.yaml': t }));
    expect(show(result.diagnostics)).toEqual(["unused-suppression@f.yaml:6:27-8:9 unused kubeproof.dev/ignore annotation on ConfigMap a (no problems were reported from 'r2')"]);
    expect(result.suppressed.map((s) => s.suppression.reason)).toEqual([undefined, 'generated, reviewed']);
  });

  it('tells two resources with one id apart by file', () => {
    const annotated = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '  annotations:', '    kubeproof.dev/ignore: r1');
    const plain = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a');
    const ds = [diag('r1', 'one.yaml', 4, 1, a), diag('r1', 'two.yaml', 4, 1, a)];
    expect(show(applySuppressions(ds, inputOf({ 'one.yaml': annotated, 'two.yaml': plain })))).toEqual(['r1@two.yaml:4:1-4:2']);
  });

  it('gives way to a file-wide comment that took the finding first', () => {
    const t = lines('# kubeproof-ignore-file r1', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: a', '  annotations:', '    kubeproof.dev/ignore: r1');
    expect(show(applySuppressions([diag('r1', 'f.yaml', 5, 1, a)], inputOf({ 'f.yaml': t })))).toEqual([
      "unused-suppression@f.yaml:7:27-7:29 unused kubeproof.dev/ignore annotation on ConfigMap a (problems from 'r1' are already suppressed by the kubeproof-ignore-file directive at line 1)",
    ]);
  });
});

describe('metas', () => {
  it('declare both ids like any rule', () => {
    expect(suppressionMetas.map((m) => [m.id, m.severity])).toEqual([
      ['invalid-suppression', 'warning'],
      ['unused-suppression', 'warning'],
    ]);
    for (const m of suppressionMetas) {
      expect(m.description).not.toMatch(/\.$/);
      expect(m.docs.length).toBeGreaterThan(50);
    }
  });
});
