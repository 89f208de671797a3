import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/api/validate.js';
import { loadPaths } from '../../src/load/index.js';
import { tempTree, where } from '../helpers.js';

// A lone CR is a line break to go-yaml, which kubectl decodes YAML with (goyaml.v2 scannerc.go,
// read_line): positions count it as one, whatever mix of CR, LF and CR LF a file has.
const LINES = [
  'apiVersion: v1', // 1
  'kind: ConfigMap', // 2
  'metadata: {name: cm, namespace: 7}', // 3: namespace must be a string, at column 33
  'data:', // 4
  '  key: "a value"', // 5
  '---', // 6
  'apiVersion: v1', // 7
  'kind: Service', // 8
  'metadata:', // 9
  '  name: svc', // 10
  'spec:', // 11
  '  # kubeproof-ignore-next-line unknown-field', // 12
  '  portz: []', // 13: suppressed
  '  selectorr: {}', // 14: unknown field, at column 3
];

const ENDINGS: [string, (i: number) => string][] = [
  ['CR only (old Mac)', () => '\r'],
  ['CR LF (Windows)', () => '\r\n'],
  ['LF', () => '\n'],
  ['mixed', (i) => ['\r', '\n', '\r\n'][i % 3]!],
];

describe('line breaks', () => {
  for (const [name, eol] of ENDINGS) {
    it(`reads ${name} line endings as line breaks, positions counted by them`, () => {
      const dir = tempTree({ 'm.yaml': LINES.map((l, i) => l + eol(i)).join('') });
      const result = validate(['m.yaml'], { cwd: dir });
      expect(result.resources.map((r) => r.id.name)).toEqual(['cm', 'svc']);
      expect(result.resources[0]!.object.data).toEqual({ key: 'a value' });
      expect(result.diagnostics.map(where)).toEqual(['invalid-metadata@3:33', 'invalid-type@3:33', 'unknown-field@14:3']);
      expect(result.resources[1]!.source.locate('/metadata/name').value).toMatchObject({ line: 10, column: 9, endLine: 10, endColumn: 12 });
    });
  }

  it('folds a lone CR inside a quoted or block scalar as go-yaml does, like LF', () => {
    const doc = (eol: string) => ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cm}', 'data:', '  quoted: "one', '    two"', '  block: |', '    first', '    second', ''].join(eol);
    const [cr, lf] = ['\r', '\n'].map((eol) => loadPaths(['m.yaml'], { cwd: tempTree({ 'm.yaml': doc(eol) }) }).resources[0]!.object.data);
    expect(cr).toEqual({ quoted: 'one two', block: 'first\nsecond\n' });
    expect(cr).toEqual(lf);
  });

  it('places a binary byte by CR-only lines too', () => {
    const dir = tempTree({});
    fs.writeFileSync(path.join(dir, 'm.yaml'), Buffer.from('apiVersion: v1\rkind: ConfigMap\rmetadata: {name: \0}\r'));
    const result = loadPaths(['m.yaml'], { cwd: dir });
    expect(result.diagnostics.map(where)).toEqual(['binary-file@3:18']);
  });
});
