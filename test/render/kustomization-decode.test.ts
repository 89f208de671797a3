/**
 * The strict decoding of kustomization.yaml (go-json.ts on kustomization-types.ts): Go's fold
 * and quoting, and findings that point at the keys as written when the build reads them under
 * their canonical names. The messages themselves are kustomize's, recorded in cases/.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/index.js';
import { render } from '../../src/render/index.js';
import { decodeStrict, foldName, goQuote, GoJsonError } from '../../src/render/go-json.js';
import { Kustomization, kustomizationPath } from '../../src/render/kustomization-types.js';
import { tempTree } from '../helpers.js';

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers: [{name: c, image: nginx}]\n';
const build = (kustomization: string) => {
  const dir = tempTree({ 'kustomization.yaml': `resources: [web.yaml]\n${kustomization}`, 'web.yaml': WEB });
  return render(dir, { cwd: dir });
};
const where = (d: Diagnostic) => `${d.path}@${d.line}:${d.column}`;

describe('Go encoding/json key folding and quoting', () => {
  it('folds ASCII letters and the two non-ASCII characters whose fold is an ASCII letter', () => {
    expect(foldName('newTag')).toBe(foldName('NEWTAG'));
    expect(foldName('nameſpace')).toBe(foldName('namespace'));
    expect(foldName('\u212aind')).toBe(foldName('kind'));
    expect(foldName('ñame')).not.toBe(foldName('name'));
  });

  it('quotes a key as Go\'s %q does', () => {
    expect(goQuote('new\ttag')).toBe('"new\\ttag"');
    expect(goQuote('a\x01"b\\')).toBe('"a\\x01\\"b\\\\"');
    expect(goQuote('newſtag')).toBe('"newſtag"');
    expect(goQuote('a\u200bb')).toBe('"a\\u200bb"');
  });

  it('keeps struct fields in the struct\'s order, under their JSON names, and says which were written otherwise', () => {
    const { value, renamed } = decodeStrict({ images: [{ NewTag: 'v1', NAME: 'x' }], NamePrefix: 'p-' }, Kustomization);
    expect(value).toEqual({ namePrefix: 'p-', images: [{ name: 'x', newTag: 'v1' }] });
    expect(Object.keys((value.images as object[])[0]!)).toEqual(['name', 'newTag']);
    expect(new Map([...renamed].sort())).toEqual(new Map([['/images/0/name', '/images/0/NAME'], ['/images/0/newTag', '/images/0/NewTag'], ['/namePrefix', '/NamePrefix']]));
  });

  it('meets keys in UTF-8 byte order, as YAMLToJSON writes them: the first unknown one is reported', () => {
    // U+FFFD sorts before U+1F600 in UTF-8, after it in UTF-16 code units.
    expect(() => decodeStrict({ '\u{1F600}': 1, '\uFFFD': 1 }, Kustomization)).toThrow('json: unknown field "\uFFFD"');
    expect(() => decodeStrict({ zzz: 1, Zzz: 1, aaa: 1 }, Kustomization)).toThrow('json: unknown field "Zzz"');
  });

  it('clears a slice given null, and leaves a string alone', () => {
    expect(decodeStrict({ resources: null, namespace: null }, Kustomization).value).toEqual({});
    expect(() => decodeStrict({ images: [{ newTag: 1n }] }, Kustomization)).toThrow(GoJsonError);
  });

  it('finds the field a written pointer names, for the editor', () => {
    expect(kustomizationPath(['Images', '0', 'NEWTAG'])?.field?.name).toBe('newTag');
    expect(kustomizationPath(['patches', '0', 'target'])?.type).toMatchObject({ kind: 'struct', struct: { name: 'Selector' } });
    expect(kustomizationPath(['configMapGenerator', '0', 'files', '2'])).toMatchObject({ field: { name: 'files', paths: 'file' }, type: { kind: 'string' } });
    expect(kustomizationPath(['nope'])).toBeUndefined();
  });
});

describe('findings point at the keys as written', () => {
  it('a mistyped or unknown nested field, at its key', () => {
    expect(build('images:\n- name: nginx\n  NewTag: 5\n').diagnostics.map(where)).toEqual(['/images/0/NewTag@4:3']);
    expect(build('Images:\n- name: nginx\n  foo: v2\n').diagnostics.map(where)).toEqual(['/Images/0/foo@4:3']);
  });

  it('an error the build finds later, under the canonical name, at the key the user wrote', () => {
    const [d] = build('Replicas:\n- NAME: nope\n  count: 2\n').diagnostics;
    expect(d?.message).toContain('resource with name nope does not match a config');
    expect(where(d!)).toBe('/Replicas/0@3:3');
  });

  it('an unmatched patch, at the entry as written', () => {
    const found = build('Patches:\n- Target: {Kind: Deployment, Name: gone}\n  Patch: |-\n    - op: remove\n      path: /spec/replicas\n').findings;
    expect(found.map((d) => `${d.ruleId} ${where(d)}`)).toEqual(['unmatched-patch /Patches/0@3:3']);
  });

  it('a patch target that is not a regular expression, at its key as written', () => {
    const [d] = build('patches:\n- target: {KIND: "a(b"}\n  patch: "[]"\n').diagnostics;
    expect(d?.message).toBe('error parsing regexp: unterminated group: `^(?:a(b)$`');
    expect(where(d!)).toBe('/patches/0/target/KIND@3:12');
  });
});
