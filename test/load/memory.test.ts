import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempTree } from '../helpers.js';

// Memory bounded by design: what a run keeps is its resources' values and the files' text
// deflated, about twice the YAML; not yaml nodes, views into the whole text or copies of it
// (5.4 times the input before). `npm run bench` measures the peak RSS of 50 and 200 MiB runs
// against 4 x input + 150 MiB; this is the same promise, small and in a child process with a heap
// of its own: what a `validate` of a 3 MiB file still holds at its end, every resource alive
// (3.0 times the input, the fixed costs of a run included).
const SIZE = 3 * 1024 * 1024;

/** The bench's corpus (plain JavaScript, no types): apps until the file holds `bytes`. */
const CORPUS: string = '../../bench/corpus.mjs';
const { writeLargeFile } = (await import(CORPUS)) as { writeLargeFile(file: string, bytes: number): { docs: number; bytes: number } };

const SCRIPT = `
const { validate } = await import(process.argv[1]);
const gc = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().heapUsed; };
validate([process.argv[3]], { cwd: process.argv[2], jobs: 1 }); // compiles the schemas of every kind in the file
const before = gc();
const result = validate([process.argv[4]], { cwd: process.argv[2], jobs: 1 });
const after = gc();
process.stdout.write(JSON.stringify({ grown: after - before, resources: result.resources.length, diagnostics: result.diagnostics.length }));
`;

describe('memory', () => {
  it('a validate run holds less than 4 times its input once done, every resource alive', { timeout: 120_000 }, () => {
    const dir = tempTree();
    writeLargeFile(path.join(dir, 'small.yaml'), 40_000); // 8 apps: every kind of the corpus
    const big = writeLargeFile(path.join(dir, 'big.yaml'), SIZE);
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', SCRIPT, path.join(REPO_ROOT, 'dist', 'index.js'), dir, 'small.yaml', 'big.yaml'], { encoding: 'utf8' });
    const { grown, resources, diagnostics } = JSON.parse(out) as { grown: number; resources: number; diagnostics: number };
    expect(resources).toBe(big.docs);
    expect(diagnostics).toBeGreaterThan(0); // findings placed: their documents were re-parsed from the kept text
    expect(grown / big.bytes).toBeLessThan(4);
  });

});
