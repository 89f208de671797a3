/**
 * A `__proto__` key in a patch, a field path or a generator is a plain key, as in kustomize.
 * Read or written with `obj[key]`, it reached Object.prototype instead: the strategic merge
 * merged a patch's `__proto__:` map into it, and every object of the process gained the key.
 * That surfaced minutes later in unrelated runs (the fuzz campaign's "internal error while
 * validating NodePool: Maximum call stack size exceeded": Ajv's schema traversal walks keys with
 * for..in, so an inherited object-valued key recursed without end).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/api/validate.js';
import { render } from '../../src/render/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: "1"\n';

function inherited(): string[] {
  const keys: string[] = [];
  for (const k in {}) keys.push(k);
  return keys;
}

afterEach(() => {
  // A failing case must not fail the ones after it.
  for (const k of inherited()) delete (Object.prototype as Record<string, unknown>)[k];
});

function renderTree(files: Record<string, string>) {
  const dir = tempTree(files);
  const r = render(dir, { cwd: dir });
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  return r;
}

const PATCH_TREE = {
  'kustomization.yaml': 'resources: [cm.yaml]\npatches:\n- path: patch.yaml\n',
  'cm.yaml': CM,
  'patch.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  __proto__:\n    polluted: {a: 1}\n',
};

describe('__proto__ keys in render input', () => {
  it.each([
    ['a strategic-merge patch merges a __proto__ map', PATCH_TREE, '__proto__:\n    polluted:\n      a: 1'],
    [
      'a field spec path through __proto__ creates the key',
      { 'kustomization.yaml': 'resources: [cm.yaml]\ncommonLabels:\n  team: a\nconfigurations: [conf.yaml]\n', 'conf.yaml': 'commonLabels:\n- path: extra/__proto__/labels\n  create: true\n', 'cm.yaml': CM },
      'extra:\n  __proto__:\n    labels:\n      team: a',
    ],
    [
      'a replacement target path through __proto__ creates the key',
      {
        'kustomization.yaml': 'resources: [cm.yaml]\nreplacements:\n- source: {kind: ConfigMap, name: cm, fieldPath: data.a}\n  targets:\n  - select: {kind: ConfigMap}\n    fieldPaths: [extra.__proto__.polluted.a]\n    options: {create: true}\n',
        'cm.yaml': CM,
      },
      'extra:\n  __proto__:\n    polluted:\n      a: "1"',
    ],
  ])('%s in the resource, not in Object.prototype', (_name, files, yaml) => {
    const r = renderTree(files);
    expect(inherited()).toEqual([]);
    expect(r.yaml).toContain(yaml);
  });

  it('a label or generated key named __proto__ is kept', () => {
    const r = renderTree({
      'kustomization.yaml': 'commonLabels:\n  __proto__: x\nconfigMapGenerator:\n- name: gen\n  literals: [__proto__=v]\n  options: {disableNameSuffixHash: true}\n',
    });
    expect(r.yaml).toContain('data:\n  __proto__: v');
    expect(r.yaml).toContain('labels:\n    __proto__: x');
  });

  it('after such a render, a NodePool still validates (it failed with "Maximum call stack size exceeded")', () => {
    renderTree(PATCH_TREE);
    const nodes = fs.readFileSync(path.join(REPO_ROOT, 'overlays-example', 'nodes.yaml'));
    const found = validate(['-'], { readStdin: () => nodes, stdinFilename: 'nodes.yaml', cwd: REPO_ROOT }).diagnostics;
    expect(found.filter((d) => d.ruleId === 'internal-error').map((d) => d.message)).toEqual([]);
  });
});
