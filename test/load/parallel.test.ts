import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/load/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

function tree(): string {
  const files: Record<string, string> = {};
  for (let f = 0; f < 60; f++) {
    const docs: string[] = [];
    for (let d = 0; d < 40; d++) {
      docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${f}-${d}\n  labels: {team: t${f % 7}}\ndata:\n  payload: "${'x'.repeat(400)}"\n`);
    }
    if (f % 10 === 3) docs.push('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dup\n  name: again\n');
    files[`dir-${f % 4}/file-${String(f).padStart(2, '0')}.yaml`] = docs.join('---\n');
  }
  files['broken.yaml'] = 'key: [unclosed\n';
  return tempTree(files);
}

describe('loading on several threads', () => {
  it('gives exactly what loading on one thread gives, positions included', () => {
    const dir = tree();
    const one = loadPaths(['.'], { cwd: dir, jobs: 1 });
    const two = loadPaths(['.'], { cwd: dir, jobs: 2 });
    expect(one.resources.length).toBe(60 * 40);
    expect(two.files).toEqual(one.files);
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.resources.map((r) => r.id)).toEqual(one.resources.map((r) => r.id));
    for (const i of [0, 17, 1234, 2399]) {
      for (const pointer of ['/metadata/name', '/data/payload', '/metadata/labels/team', '/spec/missing']) {
        expect(two.resources[i]!.source.locate(pointer)).toEqual(one.resources[i]!.source.locate(pointer));
      }
    }
    expect(one.resources[1234]!.source.locate('/metadata/name').value.line).toBeGreaterThan(100);
  });
});

describe('a loader thread that cannot load', () => {
  it('leaves its share to the main thread at once: a copied dist/ without node_modules does not hang (it waited 10 minutes before)', () => {
    // The bundled CLI carries yaml; the worker's modules beside it import it from node_modules.
    const pkg = tempTree({});
    fs.cpSync(path.join(REPO_ROOT, 'dist'), path.join(pkg, 'dist'), { recursive: true });
    for (const shared of ['schemas', 'compiled', 'package.json']) fs.symlinkSync(path.join(REPO_ROOT, shared), path.join(pkg, shared));
    const dir = tree();
    const run = (jobs: string) => spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli', 'main.cjs'), 'validate', '.', '--no-config', '-j', jobs, '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    const two = run('2');
    expect(two.signal).toBeNull();
    expect(two.stdout).toBe(run('1').stdout);
  }, 120_000);
});
