import * as path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { check, formatReport, validate, type Diagnostic, type RunReport } from '../../src/index.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { escapeData, escapeProperty } from '../../src/report/formatters/github.js';
import { sarifErrors } from './sarif-schema.js';
import { FIXTURES, tempTree } from '../helpers.js';

const result = validate(['mixed'], { cwd: FIXTURES });
const report: RunReport = { diagnostics: result.diagnostics, files: result.files };
const golden = (name: string) => path.join(import.meta.dirname, 'golden', name);

describe('reporters on a tree of good and broken files', () => {
  it('finds the expected problems, each with a position', () => {
    expect(result.errors).toEqual([]);
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      'mixed/broken-syntax.yaml:6:8 yaml-syntax',
      'mixed/duplicates.yaml:5:3 duplicate-key',
      'mixed/identity.yaml:1:1 missing-api-version',
      'mixed/identity.yaml:5:1 missing-kind',
      'mixed/identity.yaml:11:1 missing-name',
      'mixed/identity.yaml:14:13 invalid-api-version',
      'mixed/identity.yaml:19:1 not-an-object',
      'mixed/identity.yaml:22:1 not-kubernetes',
      'mixed/list.json:6:52 missing-name',
      'mixed/nested/latin1.yaml:6:10 invalid-encoding',
      'mixed/nested/tagged.yml:6:8 yaml-warning',
      'mixed/tabs.yaml:4:1 tab-indentation',
    ]);
  });

  for (const format of FORMAT_NAMES) {
    it(`renders ${format} as in its golden file, byte for byte, every time`, async () => {
      const out = formatReport(format, report);
      expect(formatReport(format, structuredClone(report))).toBe(out);
      await expect(out).toMatchFileSnapshot(golden(`mixed.${format === 'text' ? 'txt' : format === 'junit' ? 'xml' : format}`));
    });
  }
});

describe('sarif', () => {
  const log = JSON.parse(formatReport('sarif', report));

  it('is valid against the OASIS SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toEqual([]);
  });

  it('has what GitHub code scanning needs', () => {
    const run = log.runs[0];
    const rules = run.tool.driver.rules as { id: string; help: { text: string }; shortDescription: { text: string } }[];
    expect(rules.map((r) => r.id)).toContain('duplicate-key');
    expect(rules.every((r) => r.help.text.length > 0 && r.shortDescription.text.length > 0)).toBe(true);
    const dup = run.results.find((r: { ruleId: string }) => r.ruleId === 'duplicate-key');
    expect(rules[dup.ruleIndex]!.id).toBe('duplicate-key');
    expect(dup).toMatchObject({
      level: 'error',
      message: { text: 'duplicate key "name": it is already set on line 4 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'mixed/duplicates.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 7 } } }],
    });
    const levels = new Set(run.results.map((r: { level: string }) => r.level));
    expect(levels).toEqual(new Set(['error', 'warning', 'note']));
  });

  it('keeps a fingerprint when only the line moves', () => {
    const d: Diagnostic = { ruleId: 'missing-name', severity: 'error', message: 'm', file: 'a.yaml', line: 3, column: 1, endLine: 3, endColumn: 2, path: '/metadata', resource: { apiVersion: 'v1', kind: 'Pod', name: '' } };
    const fp = (x: Diagnostic) => JSON.parse(formatReport('sarif', { diagnostics: [x], files: [] })).runs[0].results[0].partialFingerprints['kubeproof/v1'];
    expect(fp({ ...d, line: 30, endLine: 30 })).toBe(fp(d));
    expect(fp({ ...d, file: 'b.yaml' })).not.toBe(fp(d));
  });

  it('encodes unusual file names as URIs', () => {
    const d: Diagnostic = { ruleId: 'yaml-syntax', severity: 'error', message: 'm', file: 'my dir/ä#1.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, path: '' };
    const loc = JSON.parse(formatReport('sarif', { diagnostics: [d, { ...d, file: '<stdin>' }], files: [] }, { cwd: '/repo', srcRoot: '/repo' })).runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    expect(loc).toEqual([{ uri: 'my%20dir/%C3%A4%231.yaml', uriBaseId: '%SRCROOT%' }, { uri: '%3Cstdin%3E' }]);
  });

  it('gives every location relative to the repository root, never the runner\'s absolute path', () => {
    const d: Diagnostic = { ruleId: 'yaml-syntax', severity: 'error', message: 'm', file: 'base/a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, path: '' };
    // Run from a subdirectory of the repository; one file named by an absolute path, one outside the root.
    const log = JSON.parse(formatReport('sarif', { diagnostics: [d, { ...d, file: '/home/runner/work/repo/other/b.yaml' }, { ...d, file: '../../../../tmp/c.yaml' }], files: [] }, { cwd: '/home/runner/work/repo/apps', srcRoot: '/home/runner/work/repo' }));
    const uris = log.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris).toEqual([
      { uri: 'apps/base/a.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'other/b.yaml', uriBaseId: '%SRCROOT%' },
      { uri: '../../../tmp/c.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    expect(Object.keys(log.runs[0].originalUriBaseIds)).toEqual(['%SRCROOT%']);
    expect(JSON.stringify(log)).not.toContain('file://');
    expect(JSON.stringify(log)).not.toContain('/home/runner');
  });

  it('ranks security rules for code scanning: security-severity and the security tag; a problem.severity on every rule', () => {
    const at = { file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, path: '', message: 'm' };
    const ids = ['privileged', 'run-as-root', 'host-port', 'latest-tag', 'unknown-field', 'missing-probes'];
    const diagnostics: Diagnostic[] = ids.map((ruleId) => ({ ...at, ruleId, severity: 'warning' }));
    const log = JSON.parse(formatReport('sarif', { diagnostics, files: [] }));
    const props = Object.fromEntries(log.runs[0].tool.driver.rules.map((r: any) => [r.id, r.properties]));
    for (const id of ['privileged', 'run-as-root', 'host-port']) {
      expect(props[id].tags).toContain('security');
      expect(Number(props[id]['security-severity'])).toBeGreaterThan(0);
      expect(Number(props[id]['security-severity'])).toBeLessThanOrEqual(10);
      expect(props[id]['security-severity']).toMatch(/^\d+\.\d$/);
    }
    expect(Number(props.privileged['security-severity'])).toBeGreaterThanOrEqual(7); // high: a container escape is root on the node
    for (const id of ['latest-tag', 'unknown-field', 'missing-probes']) {
      expect(props[id]['security-severity']).toBeUndefined();
      expect(props[id].tags).not.toContain('security');
    }
    for (const id of ids) expect(['error', 'warning', 'recommendation']).toContain(props[id]['problem.severity']);
    expect(props['host-port']['problem.severity']).toBe('recommendation'); // an info rule
    expect(props['missing-probes']['problem.severity']).toBe('warning');
    expect(sarifErrors(log)).toEqual([]);
  });
});

describe('junit', () => {
  const xml = formatReport('junit', report);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has a testsuite per file and a testcase per resource, failing those with errors', () => {
    const suites = doc.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: unknown; 'system-out'?: string }[] }[];
    expect(suites.map((s) => s.name)).toEqual(report.files.map((f) => f.file).sort());
    const good = suites.find((s) => s.name === 'mixed/good.yaml')!;
    expect(good.testcase.map((c) => c.name)).toEqual(['Deployment shop/web', 'Service shop/web']);
    expect(good.failures).toBe('0');
    const identity = suites.find((s) => s.name === 'mixed/identity.yaml')!;
    expect(identity.testcase.map((c) => [c.name, c.failure !== undefined])).toEqual([
      ['ConfigMap <unnamed>', true],
      ['(file)', true],
    ]);
    const tagged = suites.find((s) => s.name === 'mixed/nested/tagged.yml')!;
    expect(tagged.testcase[0]).toMatchObject({ name: 'ConfigMap tagged' });
    expect(tagged.testcase[0]!.failure).toBeUndefined();
    expect(tagged.testcase[0]!['system-out']).toContain('Unresolved tag: !Ref');
    const total = suites.reduce((n, s) => n + Number(s.failures), 0);
    expect(doc.testsuites.failures).toBe(String(total));
  });

  it('escapes markup and makes characters XML cannot hold visible', () => {
    const d: Diagnostic = { ruleId: 'yaml-syntax', severity: 'error', message: 'bad <tag> & "quote"\u0001', file: 'a&b.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, path: '' };
    const out = formatReport('junit', { diagnostics: [d], files: [] });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('message="a&amp;b.yaml:1:1: bad &lt;tag&gt; &amp; &quot;quote&quot;\\x01"');
  });

  it('has one testcase per rendered resource, under its overlay, its failure naming the base file:line:col', () => {
    const tree = tempTree({
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: "1"}\nbogus: true\n',
      'dev/kustomization.yaml': 'namespace: dev\nresources: [../base]\n',
      'prod/kustomization.yaml': 'namespace: prod\nresources: [../base]\n',
    });
    const run = check(['dev', 'prod'], { cwd: tree });
    const xml = formatReport('junit', { diagnostics: run.diagnostics, files: run.files });
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);
    const suites = parsed.testsuites.testsuite as { name: string; testcase: { name: string; failure?: { message: string } }[] }[];
    expect(suites.map((s) => [s.name, s.testcase.map((c) => c.name)])).toEqual([
      ['dev/kustomization.yaml', ['ConfigMap dev/settings']],
      ['prod/kustomization.yaml', ['ConfigMap prod/settings']],
    ]);
    // One mistake in the base is one finding (check reports it once, for the first overlay).
    expect(suites[0]!.testcase[0]!.failure!.message).toBe('base/cm.yaml:5:1: unknown field "bogus"');
    expect(parsed.testsuites.tests).toBe('2');
    expect(parsed.testsuites.failures).toBe('1');
  });
});

describe('github annotations', () => {
  it('writes one workflow command per finding with the severity mapped', () => {
    const lines = formatReport('github', report).trimEnd().split('\n');
    expect(lines).toHaveLength(report.diagnostics.length);
    expect(lines).toContain('::error file=mixed/duplicates.yaml,line=5,col=3,endColumn=7,title=kubeproof(duplicate-key)::duplicate key "name": it is already set on line 4 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)');
    expect(lines.some((l) => l.startsWith('::warning file=mixed/nested/tagged.yml,line=6,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::notice file=mixed/identity.yaml,line=22,'))).toBe(true);
  });

  it('escapes as the Actions runner expects', () => {
    expect(escapeData('50%\nnext')).toBe('50%25%0Anext');
    // A carriage return can only come from a manifest: shown, not handed to the runner to act on.
    expect(escapeData('a\rb\u001b[2J')).toBe('a\\rb\\x1b[2J');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('text', () => {
  it('colours only when asked', () => {
    expect(formatReport('text', report, { color: false })).not.toContain('\u001b[');
    expect(formatReport('text', report, { color: true })).toContain('\u001b[31merror');
  });

  it('says so when there is nothing to report', () => {
    expect(formatReport('text', { diagnostics: [], files: [{ file: 'a.yaml', resources: [{ apiVersion: 'v1', kind: 'Pod', name: 'p' }] }] })).toBe('✔ no problems; checked 1 resource in 1 file\n');
  });
});
