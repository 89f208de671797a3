import { describe, expect, it } from 'vitest';
import { parse } from '../helpers.js';

function only(text: string) {
  const { diagnostics } = parse(text);
  expect(diagnostics).toHaveLength(1);
  const d = diagnostics[0]!;
  return { ruleId: d.ruleId, severity: d.severity, message: d.message, at: `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`, path: d.path };
}

const cm = (rest = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${rest}`;

describe('broken YAML', () => {
  it('reports an unclosed quote where it opens', () => {
    expect(only('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "c\n')).toEqual({
      ruleId: 'yaml-syntax', severity: 'error', message: 'this double-quoted value is never closed: add the closing `"` where the value ends (a `"` inside the value is written `\\"`) (yaml: Missing closing "quote)', at: '4:9-4:10', path: '',
    });
  });

  it('reports a bad indentation in words, at the key, keeping the parser\'s words after them', () => {
    expect(only('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n labels: {}\n')).toMatchObject({
      ruleId: 'yaml-syntax',
      message: '`labels` starts at column 2, which lines up with no key above it; move it to column 3 to make it a sibling of `name` (line 4), or to column 1 to make it a sibling of `metadata` (line 3) (yaml: All mapping items must start at the same column)',
      at: '5:2-5:8',
    });
  });

  it('reports a nested mapping on one line at its colon', () => {
    expect(only('apiVersion: v1\nkind: ConfigMap\nmetadata: name: c\n')).toMatchObject({
      ruleId: 'yaml-syntax',
      message: 'the value of `metadata` holds a colon followed by a space, which YAML reads as the start of another key: put the whole value in quotes (`metadata: "name: c"`), or, if a nested key was meant, put it on its own line, indented under `metadata` (yaml: Nested mappings are not allowed in compact mappings)',
      at: '3:15-3:16',
    });
  });

  it('reports each duplicate key at the second occurrence, naming it and the line of the first', () => {
    const { diagnostics } = parse(cm('data:\n  a: "1"\n  b: "2"\n  a: "3"\n  b: "4"\n'));
    const twice = (key: string, line: number) => `duplicate key "${key}": it is already set on line ${line} of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)`;
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column, d.endColumn])).toEqual([
      ['duplicate-key', twice('a', 6), 8, 3, 4],
      ['duplicate-key', twice('b', 7), 9, 3, 4],
    ]);
  });

  it('reports tabs used for indentation', () => {
    expect(only('apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: c\n')).toMatchObject({
      ruleId: 'tab-indentation', message: 'this line is indented with a tab, and YAML indents with spaces only: replace the tab with spaces (yaml: Tabs are not allowed as indentation)', at: '4:1-4:2',
    });
  });

  it('keeps reading the other documents of a file after a broken one', () => {
    const { diagnostics, resources } = parse(`${cm()}---\nkey: [unclosed\n---\n${cm().replace('name: c', 'name: d')}`);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['yaml-syntax']);
    expect(resources.map((r) => r.id.name)).toEqual(['c', 'd']);
  });

  it('warns about unknown tags but keeps the value', () => {
    const { diagnostics, resources } = parse(cm('data:\n  a: !Ref x\n'));
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.message, d.line, d.column])).toEqual([['yaml-warning', 'warning', 'Unresolved tag: !Ref', 6, 6]]);
    expect(resources[0]!.object.data).toEqual({ a: 'x' });
  });
});

describe('documents that are not objects', () => {
  it('refuses a scalar document', () => {
    expect(only('hello\n')).toMatchObject({ ruleId: 'not-an-object', message: 'document 1 is a string, not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata', at: '1:1-1:6' });
  });

  it('refuses a list document, naming which document', () => {
    expect(only(`${cm()}---\n- a\n- b\n`)).toMatchObject({ ruleId: 'not-an-object', message: expect.stringContaining('document 2 is a list'), at: '6:1-7:4' });
  });

  it('skips empty, null and comment-only documents silently', () => {
    const { diagnostics, resources } = parse(`---\n# only a comment\n---\n---\n~\n---\n${cm()}---\n`);
    expect(diagnostics).toEqual([]);
    expect(resources).toHaveLength(1);
    expect(resources[0]!.source.docIndex).toBe(3);
  });

  it('skips a mapping with neither apiVersion nor kind with an info note', () => {
    expect(only('on:\n  push: {}\njobs: {}\n')).toEqual({
      ruleId: 'not-kubernetes', severity: 'info', message: 'skipped: document 1 is not a Kubernetes object (no apiVersion or kind)', at: '1:1-3:9', path: '',
    });
  });

  it('skips kustomizations with an info note', () => {
    const d = parse('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n').diagnostics;
    expect(d.map((x) => [x.ruleId, x.severity])).toEqual([['kustomization-file', 'info']]);
    const byName = parse('resources: [a.yaml]\n', 'overlays/dev/kustomization.yaml').diagnostics;
    expect(byName.map((x) => x.ruleId)).toEqual(['kustomization-file']);
  });
});

describe('identity of an object', () => {
  it('requires apiVersion when kind is there, pointing at the object', () => {
    expect(only('kind: Pod\nmetadata:\n  name: p\n')).toEqual({
      ruleId: 'missing-api-version', severity: 'error', message: 'apiVersion is required: document 1 has kind "Pod" but no apiVersion', at: '1:1-3:10', path: '',
    });
  });

  it('requires kind when apiVersion is there', () => {
    expect(only('apiVersion: v1\nmetadata:\n  name: p\n')).toMatchObject({ ruleId: 'missing-kind', message: 'kind is required: document 1 has apiVersion "v1" but no kind' });
  });

  it('refuses non-string apiVersion and kind at the value', () => {
    expect(only('apiVersion: 1\nkind: Pod\nmetadata: {name: p}\n')).toMatchObject({ ruleId: 'invalid-api-version', message: 'apiVersion must be a string, got an integer', at: '1:13-1:14', path: '/apiVersion' });
    expect(only('apiVersion: v1\nkind: [Pod]\nmetadata: {name: p}\n')).toMatchObject({ ruleId: 'invalid-kind', message: 'kind must be a string, got a list', at: '2:7-2:12', path: '/kind' });
    expect(only('apiVersion: v1\nkind: ""\nmetadata: {name: p}\n')).toMatchObject({ ruleId: 'invalid-kind', message: 'kind must not be empty' });
    expect(only('apiVersion: a/b/c\nkind: Pod\nmetadata: {name: p}\n')).toMatchObject({ ruleId: 'invalid-api-version', message: 'apiVersion "a/b/c" must be "version" or "group/version"' });
  });

  it('requires metadata.name, pointing at metadata', () => {
    expect(only('apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\n')).toEqual({
      ruleId: 'missing-name', severity: 'error', message: 'metadata.name is required (or metadata.generateName)', at: '3:1-3:9', path: '/metadata',
    });
    expect(only('apiVersion: v1\nkind: Pod\n')).toMatchObject({ ruleId: 'missing-name', message: 'metadata.name is required: the object has no metadata', at: '1:1-2:10' });
    expect(only('apiVersion: v1\nkind: Pod\nmetadata:\n  name: ""\n')).toMatchObject({ ruleId: 'missing-name', message: 'metadata.name must not be empty', path: '/metadata/name', at: '4:3-4:7' });
  });

  it('accepts generateName instead of a name', () => {
    const { diagnostics, resources } = parse('apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\n');
    expect(diagnostics).toEqual([]);
    expect(resources[0]!.id).toEqual({ apiVersion: 'batch/v1', kind: 'Job', name: 'migrate-*' });
  });

  it('refuses metadata of the wrong type', () => {
    expect(only('apiVersion: v1\nkind: Pod\nmetadata: [x]\n')).toMatchObject({ ruleId: 'invalid-metadata', message: 'metadata must be a mapping, got a list', at: '3:11-3:14' });
    expect(only('apiVersion: v1\nkind: Pod\nmetadata: {name: 12}\n')).toMatchObject({ ruleId: 'invalid-metadata', message: 'metadata.name must be a string, got an integer' });
    expect(only('apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: yes}\n')).toMatchObject({ ruleId: 'invalid-metadata', message: 'metadata.namespace must be a string, got a boolean' });
  });

  it('keeps the identity of an object with a name problem on the diagnostic', () => {
    const { diagnostics } = parse('apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: ns\n');
    expect(diagnostics[0]!.resource).toEqual({ apiVersion: 'v1', kind: 'Pod', namespace: 'ns', name: '' });
  });
});

describe('List kinds', () => {
  it('flattens kind: List and *List kinds with items', () => {
    const list = (kind: string) => `apiVersion: v1\nkind: ${kind}\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: b}\n`;
    for (const kind of ['List', 'ConfigMapList']) {
      const { diagnostics, resources } = parse(list(kind));
      expect(diagnostics).toEqual([]);
      expect(resources.map((r) => `${r.id.kind}/${r.id.name}`)).toEqual(['ConfigMap/a', 'Secret/b']);
    }
  });

  it('reports each bad item at the item', () => {
    const { diagnostics, resources } = parse('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- just text\n- kind: Pod\n  metadata: {name: p}\n');
    expect(resources).toHaveLength(1);
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column])).toEqual([
      ['not-an-object', 'items[1] is a string, not a mapping; a Kubernetes object is a mapping with apiVersion, kind and metadata', 7, 3],
      ['missing-api-version', 'apiVersion is required: items[2] has kind "Pod" but no apiVersion', 8, 3],
    ]);
  });

  it('refuses a List whose items are not a list', () => {
    expect(only('apiVersion: v1\nkind: List\nitems: {a: b}\n')).toMatchObject({ ruleId: 'invalid-list', message: 'items must be a list of objects, got a mapping', at: '3:8-3:14' });
  });

  it('treats an empty List as no resources', () => {
    expect(parse('apiVersion: v1\nkind: List\nitems: []\n')).toMatchObject({ resources: [], diagnostics: [] });
  });
});

describe('hostile input', () => {
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...'bcdefghi'.split('').map((c, i) => {
      const prev = 'abcdefghi'[i]!;
      return `${c}: &${c} [${Array(9).fill(`*${prev}`).join(',')}]`;
    }),
  ].join('\n');

  it('refuses a billion-laughs document fast, at the alias that explodes', () => {
    const started = performance.now();
    const { diagnostics, resources } = parse(bomb + '\n');
    const elapsed = performance.now() - started;
    expect(resources).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'alias-bomb', line: 9, column: 8 });
    expect(diagnostics[0]!.message).toMatch(/^document 1 refused: its aliases expand \d+ written values to \d+ \(a likely "billion laughs" attack\); alias \*h alone expands to \d+ values$/);
    expect(elapsed).toBeLessThan(500);
  });

  it('accepts ordinary anchors and aliases used many times', () => {
    const many = Array.from({ length: 300 }, (_, i) => `    k${i}: *v`).join('\n');
    const { diagnostics } = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: {x: &v "1"}\n  annotations:\n${many}\n`);
    expect(diagnostics).toEqual([]);
  });

  it('refuses absurd nesting with a message instead of a stack overflow', () => {
    const deep = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: ' + '['.repeat(300) + ']'.repeat(300) + '\n';
    const { diagnostics } = parse(deep);
    expect(diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['nesting-too-deep', 'document 1 nests collections more than 256 levels deep']]);
  });

  it('survives nesting deep enough to overflow a recursive parser', () => {
    const { diagnostics } = parse('[' .repeat(100_000) + ']'.repeat(100_000));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.ruleId).toBe('nesting-too-deep');
  });
});
