import { describe, expect, it } from 'vitest';
import { parse } from '../helpers.js';

const deployment = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  template:
    spec:
      containers:
        - name: main
          image: nginx:1.27
          env: &env
            - name: A
              value: "1"
        - name: sidecar
          image: "busybox"
          env: *env
`;

function locate(pointer: string, text = deployment) {
  const { resources } = parse(text);
  return resources[0]!.source.locate(pointer);
}

describe('pointer -> position', () => {
  it('maps a deep pointer to the key and the value', () => {
    const at = locate('/spec/template/spec/containers/0/image');
    expect(at.exact).toBe(true);
    expect(at.key).toEqual({ line: 13, column: 11, endLine: 13, endColumn: 16 });
    expect(at.value).toEqual({ line: 13, column: 18, endLine: 13, endColumn: 28 });
  });

  it('covers quotes of a quoted value', () => {
    expect(locate('/spec/template/spec/containers/1/image').value).toEqual({ line: 18, column: 18, endLine: 18, endColumn: 27 });
  });

  it('unescapes ~1 in label keys', () => {
    const at = locate('/metadata/labels/app.kubernetes.io~1name');
    expect(at.key).toMatchObject({ line: 7, column: 5 });
    expect(at.value).toMatchObject({ line: 7, column: 29 });
  });

  it('spans a whole block collection without its trailing line break', () => {
    expect(locate('/metadata').value).toEqual({ line: 5, column: 3, endLine: 7, endColumn: 32 });
  });

  it('follows an alias into the anchored value', () => {
    const at = locate('/spec/template/spec/containers/1/env/0/value');
    expect(at.exact).toBe(true);
    expect(at.value).toMatchObject({ line: 16, column: 22 });
  });

  it('points a missing field at its deepest existing parent', () => {
    const at = locate('/spec/template/spec/containers/0/resources/limits');
    expect(at.exact).toBe(false);
    expect(at.key).toBeUndefined(); // a list item has no key
    expect(at.value).toMatchObject({ line: 12, column: 11 });
    const ns = locate('/metadata/namespace');
    expect(ns).toMatchObject({ exact: false, key: { line: 4, column: 1 }, value: { line: 5, column: 3 } });
  });

  it('maps the empty pointer to the document', () => {
    expect(locate('')).toMatchObject({ exact: true, value: { line: 2, column: 1 } });
  });

  it('finds keys that come from a merge key', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: t\nbase: &b\n  x: 1\ndata:\n  <<: *b\n  z: 2\n';
    expect(locate('/data/x', text)).toMatchObject({ exact: true, key: { line: 6, column: 3 } });
    expect(locate('/data/z', text)).toMatchObject({ exact: true, key: { line: 9, column: 3 } });
  });

  it('gives positions inside JSON', () => {
    const text = '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "metadata": {"name": "x"}\n}\n';
    expect(locate('/metadata/name', text)).toMatchObject({ key: { line: 4, column: 16 }, value: { line: 4, column: 24, endColumn: 27 } });
  });

  it('counts columns in UTF-16 code units after non-ASCII text', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "ü", namespace: x}\n';
    expect(locate('/metadata/namespace', text).value).toMatchObject({ line: 3, column: 34 });
  });

  it('finds documents that start on the --- line, or after other documents and directives', () => {
    const text = '# head\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n--- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n...\n%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const { resources } = parse(text);
    expect(resources.map((r) => r.id.name)).toEqual(['a', 'b', 'c']);
    expect(resources[0]!.source.locate('/metadata/name').value).toMatchObject({ line: 5, column: 18 });
    expect(resources[1]!.source.locate('/metadata/name').value).toMatchObject({ line: 6, column: 56 });
    expect(resources[2]!.source.locate('/metadata/name').value).toMatchObject({ line: 13, column: 9 });
  });

  it('gives List items positions of their own', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: b\n';
    const { resources } = parse(text);
    expect(resources.map((r) => r.id.name)).toEqual(['a', 'b']);
    expect(resources[1]!.source.itemIndex).toBe(1);
    expect(resources[1]!.source.locate('/metadata/name').value).toMatchObject({ line: 10, column: 13 });
    expect(resources[1]!.source.locate('').value).toMatchObject({ line: 7, column: 5 });
  });
});
