import { Composer, Parser, type Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compactValue, StringPool } from '../../src/load/compact.js';
import { composeOptions } from '../../src/load/compose-options.js';
import { plainValue } from '../../src/load/plain-value.js';

const documentOf = (text: string) => [...new Composer(composeOptions()).compose(new Parser().parse(text))][0] as Document.Parsed;
/** What the general path of parse.ts gives: toJS, then the compact copy. */
const general = (doc: Document.Parsed) => compactValue(doc.toJS({ maxAliasCount: -1 }), new StringPool(), false);
/** Same values, same key order (own keys, __proto__ included), same prototypes, at every level. */
const shape = (v: unknown): unknown => (Array.isArray(v) ? v.map(shape) : typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype ? Object.entries(v).map(([k, x]) => [k, shape(x)]) : v);

// A plain document's value in one walk (src/load/plain-value.ts) must be the general path's.
describe('plain values', () => {
  it.each([
    ['a Deployment', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web, "app.kubernetes.io/name": web}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/shop/web:1.2.3\n        args: ["--port", 8080, true, null, 2.5, ~]\n        env: []\n'],
    ['keys the engine orders (integers first) and __proto__ as data', 'data:\n  b: 1\n  "10": ten\n  "2": two\n  __proto__: x\n  a: [1, [2, [3]]]\n'],
    ['long strings, repeated (copied once, shared)', `a: ${'x'.repeat(40)}\nb: ${'x'.repeat(40)}\nc: |\n  line one\n  line two\nd: >-\n  folded\n  text\n`],
    ['typed scalars: timestamps, binary, octal, hex, .inf', 'when: 2001-12-14t21:59:43.10-05:00\nbin: !!binary aGVsbG8=\noct: 0o14\nhex: 0xC\ninf: -.inf\nnan: .nan\nempty:\n'],
    ['a scalar document', 'just text\n'],
    ['a list document', '- a\n- b: c\n'],
  ])('%s', (_, text) => {
    const doc = documentOf(text);
    const plain = plainValue(doc.contents!, new StringPool());
    expect(plain).toBeDefined();
    expect(shape(plain!.value)).toEqual(shape(general(doc)));
  });

  it.each([
    ['an anchor and its alias', 'a: &x {b: c}\nd: *x\n'],
    ['an anchor alone', 'a: &x {b: c}\n'],
    ['a merge key', 'base: &b {x: 1}\nm:\n  <<: *b\n'],
    ['a quoted << key (a merge key to toJS too)', '"<<": {x: 1}\n'],
    ['a key given twice', 'a: 1\nb: 2\na: 3\n'],
    ['a number as key', '80: http\n'],
    ['a null key', '? \n: v\n'],
    ['a list as key', '? [a]\n: v\n'],
    ['a set (a collection of another class)', '!!set {a, b}\n'],
  ])('leaves %s to the general path', (_, text) => {
    expect(plainValue(documentOf(text).contents!, new StringPool())).toBeUndefined();
  });
});
