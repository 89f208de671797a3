import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths, SourceText } from '../../src/load/index.js';
import { tempTree } from '../helpers.js';

const doc = (i: number, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}${extra}\ndata:\n  key: "${'v'.repeat(40)}"\n`;

describe('the text kept for positions', () => {
  it('reads back the same characters deflated as kept whole, across block edges, beyond Latin-1 too', () => {
    const text = Array.from({ length: 9000 }, (_, i) => doc(i, i % 97 === 0 ? ' # ☃ 雪' : '')).join('---\n');
    const packed = new SourceText(text).pack();
    expect(packed.packed()).toHaveProperty('blocks');
    for (const [a, b] of [[0, 10], [65530, 65546], [131000, 200000], [text.length - 7, text.length]] as const) expect(packed.slice(a, b)).toBe(text.slice(a, b));
    for (const at of [1, 65536, 65537, 400_001, text.length - 1]) expect(packed.lineStart(at)).toBe(text.lastIndexOf('\n', at - 1) + 1);
    expect(packed.toString()).toBe(text);
  });

  it('leaves a plain ASCII file on the disk, and places findings from it', () => {
    const dir = tempTree({ 'a.yaml': Array.from({ length: 50 }, (_, i) => doc(i)).join('---\n') });
    const loaded = loadPaths(['a.yaml'], { cwd: dir, jobs: 1 });
    expect(loaded.texts.get('a.yaml')!.packed()).toHaveProperty('disk');
    expect(loaded.resources[49]!.source.locate('/data/key').value).toMatchObject({ line: 49 * 7 + 6, column: 8 });
  });

  it('places at the first line of its document (its ---) a finding in a file changed since it was read', () => {
    const dir = tempTree({ 'a.yaml': [doc(0), doc(1)].join('---\n') });
    const loaded = loadPaths(['a.yaml'], { cwd: dir, jobs: 1 });
    fs.writeFileSync(path.join(dir, 'a.yaml'), `# edited\n${[doc(0), doc(1)].join('---\n')}`);
    expect(loaded.resources[1]!.source.locate('/data/key')).toEqual({ value: { line: 7, column: 1, endLine: 7, endColumn: 1 }, exact: false });
  });
});
