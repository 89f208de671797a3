/**
 * Large values (the closing fuzz campaign: a 9 MB generator file took a second to print, an 18 MB
 * unparsable patch made an 18 MB finding). The speed is measured by the fuzz budgets and
 * `npm run bench`, not here; this checks the output stays what kustomize prints (compared by hand
 * with kubectl kustomize v5.5 on the same tree, emoji and double spaces included: identical).
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';
import { tempTree } from '../helpers.js';

describe('render of large values', () => {
  it('quotes at most 4096 characters of a patch it cannot parse, and says how much is left out', () => {
    const patch = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: [${'x'.repeat(10_000)}\n`;
    const dir = tempTree({ 'kustomization.yaml': 'resources: [d.yaml]\npatches:\n- path: p.yaml\n', 'd.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n', 'p.yaml': patch });
    const [error] = render(dir, {}).diagnostics;
    expect(error!.message.length).toBeLessThan(4096 + 400);
    expect(error!.message).toMatch(/^unable to parse SM or JSON patch from \[apiVersion: apps\/v1\n.*… \(\d+ more characters\)\]/s);
  });

  it('prints a 2 MB value that needs double quotes, escaped and folded as go-yaml folds it (its runs of plain characters written at once)', () => {
    const value = `${'a\u0001 '.repeat(700_000)}end`;
    const dir = tempTree({ 'kustomization.yaml': 'configMapGenerator:\n- name: big\n  files: [v.txt]\ngeneratorOptions: {disableNameSuffixHash: true}\n', 'v.txt': value });
    const out = render(dir, {}).yaml;
    expect(out).toContain('  v.txt: "a\\x01 a\\x01 a\\x01 ');
    expect(out.split('\n').every((line) => line.length < 200)).toBe(true); // folded at spaces past 80 columns
  });
});

describe('images with a name too large for a regular expression', () => {
  it('leaves the images alone instead of throwing ("Regular expression too large", from the fuzzer)', () => {
    const dir = tempTree({
      'kustomization.yaml': `resources: [d.yaml]\nimages:\n- name: ${'x'.repeat(2_000_000)}\n  newTag: "2"\n`,
      'd.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: "web:1"}]}\n',
    });
    const result = render(dir, { maxFileSize: 8 * 1024 * 1024 });
    expect(result.diagnostics).toEqual([]);
    expect(result.yaml).toContain('image: web:1');
  });
});
