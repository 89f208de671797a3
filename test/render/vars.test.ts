/**
 * vars beyond the recorded cases: the $(VAR) expansion's corner cases (Kubernetes'
 * third_party/forked/golang/expansion, which kustomize's refvar filter uses) and where an
 * unresolvable var is reported.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { doReplacements } from '../../src/render/transformers/vars.js';

const values = new Map<string, unknown>([
  ['A', 'a'],
  ['N', 80],
]);

describe('doReplacements', () => {
  it.each([
    ['$(A)', 'a'],
    ['x$(A)y$(A)', 'xaya'],
    ['$(N)', 80],
    ['port $(N)', 'port 80'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$a'],
    ['$(MISSING)', '$(MISSING)'],
    ['$(A', '$(A'],
    ['a$b', 'a$b'],
    ['$', '$'],
    ['$()', '$()'],
  ])('%s -> %s', (input, expected) => {
    expect(doReplacements(input, values)).toEqual(expected);
  });
});

describe('vars errors', () => {
  it('reports a var that names no resource at its objref in the kustomization', () => {
    const dir = path.join(import.meta.dirname, 'cases', 'error-vars-objref-unmatched');
    const [d] = render(path.join(dir, 'root'), { cwd: dir }).diagnostics;
    expect([d!.file, d!.line, d!.column]).toEqual(['root/kustomization.yaml', 7, 3]);
  });
});
