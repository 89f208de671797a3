import { describe, expect, it } from 'vitest';
import { placeAt, placeToComplete } from '../../src/load/index.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  containers:
    - name: web
      ima
    - 
  restartPolicy: 
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
`;

/** The offset just after the `n`th (0-based) occurrence of `needle`. */
const after = (needle: string, n = 0) => {
  let at = -1;
  for (let i = 0; i <= n; i++) at = POD.indexOf(needle, at + 1);
  if (at === -1) throw new Error(`no ${needle}`);
  return at + needle.length;
};

describe('placeToComplete', () => {
  it('reads a half-typed key in a list item as a key of that item, with its siblings', () => {
    expect(placeToComplete(POD, after('      ima'))).toMatchObject({ document: 0, pointer: '/spec/containers/0', on: 'key', word: { text: 'ima' }, siblings: ['name'] });
  });

  it('reads an empty list item as a new mapping of the list', () => {
    expect(placeToComplete(POD, after('    - ', 1))).toMatchObject({ pointer: '/spec/containers/1', on: 'key', word: { text: '' }, siblings: [] });
  });

  it('reads the place after `key: ` as that key\'s value', () => {
    expect(placeToComplete(POD, after('restartPolicy: '))).toMatchObject({ pointer: '/spec/restartPolicy', on: 'value', word: { text: '' } });
  });

  it('reads the start of an existing key as the mapping it is a key of, the word the whole key', () => {
    const at = POD.indexOf('spec:');
    expect(placeToComplete(POD, at + 2)).toMatchObject({ pointer: '', on: 'key', word: { text: 'spec', start: at, end: at + 4 }, siblings: ['apiVersion', 'kind', 'metadata'] });
  });

  it('knows which document of the file the cursor is in, and leaves the marker out of its data', () => {
    const place = placeToComplete(POD, after('  name: settings\n') - 1);
    expect(place).toMatchObject({ document: 1, on: 'value', pointer: '/metadata/name' });
    expect(placeToComplete(POD, after('      ima'))!.value).toMatchObject({ kind: 'Pod', spec: { containers: [{ name: 'web' }, null] } });
  });

  it('gives nothing in a comment or in the middle of a flow collection', () => {
    expect(placeToComplete('a: 1 # note\n', 10)).toBeUndefined();
    expect(placeToComplete('a: [x, y]\n', 6)).toBeUndefined();
  });
});

describe('placeAt', () => {
  it('finds a key with the pointer of its value, and a value', () => {
    expect(placeAt(POD, after('  labels:\n    app.kube'))).toMatchObject({ pointer: '/metadata/labels/app.kubernetes.io~1name', on: 'key', word: { text: 'app.kubernetes.io/name' } });
    expect(placeAt(POD, after('- name: we'))).toMatchObject({ pointer: '/spec/containers/0/name', on: 'value', word: { text: 'web' } });
  });

  it('says which document it is in, and where that document is', () => {
    const place = placeAt(POD, after('  name: sett'));
    expect(place).toMatchObject({ document: 1, pointer: '/metadata/name' });
    expect(POD.slice(place!.documentRange[0], place!.documentRange[1])).toMatch(/^---\napiVersion: v1\nkind: ConfigMap/);
  });
});
