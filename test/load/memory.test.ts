import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { REPO_ROOT, tempTree, where } from '../helpers.js';

// Memory bounded by design: what a run keeps is its resources' values and the files' text
// deflated, about twice the YAML; not yaml nodes, views into the whole text or copies of it
// (5.4 times the input before). `npm run bench` measures the peak RSS of 50 and 200 MiB runs
// against 4 x input + 150 MiB; this is the same promise, small and in a child process with a heap
// of its own: what a `validate` of a 3 MiB file still holds at its end, every resource alive
// (2.9 times the input, the fixed costs of a run included).
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

  it('refuses, with a finding, a file the memory cannot hold, instead of dying out of memory', { timeout: 120_000 }, () => {
    const dir = tempTree();
    const big = writeLargeFile(path.join(dir, 'big.yaml'), 40 * 1024 * 1024);
    // A heap of 64 MiB holds about 28 MiB of YAML; --max-file-size is raised past the file.
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs'), 'validate', '--no-config', 'big.yaml', '--max-file-size', String(100 * 1024 * 1024), '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string; file: string; line: number; column: number }[] };
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'file-too-large', file: 'big.yaml', line: 1, column: 1 });
    expect(report.diagnostics[0]!.message).toMatch(new RegExp(`^file is ${(big.bytes / 1048576).toFixed(1)} MiB: with the files read before it, the input would need more memory than this process may use`));
  });

  it('refuses a document too long to read whole, before parsing it (the parser died out of memory)', { timeout: 60_000 }, () => {
    // `kubectl get -o yaml` writes one List document: 3.5 MiB of it needs more than a 64 MiB heap.
    const items = Array.from({ length: 12_000 }, (_, i) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm-${i}}\n  data: {key: "${'v'.repeat(200)}"}\n`);
    const dir = tempTree({ 'list.yaml': `apiVersion: v1\nkind: List\nitems:\n${items.join('')}` });
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', path.join(REPO_ROOT, 'dist', 'cli', 'main.cjs'), 'validate', '--no-config', 'list.yaml', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const [d, ...rest] = (JSON.parse(run.stdout) as { diagnostics: { ruleId: string; message: string; line: number }[] }).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'file-too-large', line: 1 });
    expect(d!.message).toMatch(/^the document at line 1 is 3\.\d MiB: a YAML document is read whole/);
  });

  it('measures documents between their --- and ... markers', () => {
    const doc = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;
    const text = `${doc('a')}---\n${doc('b')}...\n---\n${doc('c')}data:\n  long: "${'x'.repeat(100)}"\n`;
    expect(parseManifests(text, 'm.yaml', { maxDocumentChars: 150 }).diagnostics.map(where)).toEqual(['file-too-large@11:1']);
    expect(parseManifests(text, 'm.yaml', { maxDocumentChars: 200 }).resources.map((r) => r.id.name)).toEqual(['a', 'b', 'c']);
  });
});
