import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, loadPaths } from '../../src/load/index.js';
import { cpuMs, FIXTURES, tempTree } from '../helpers.js';

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

describe('discovering files', () => {
  it('walks directories recursively for yaml, yml and json, skipping hidden folders and node_modules, sorted', () => {
    const { files, errors } = discoverFiles(['mixed'], FIXTURES);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.display)).toEqual([
      'mixed/broken-syntax.yaml',
      'mixed/duplicates.yaml',
      'mixed/good.yaml',
      'mixed/identity.yaml',
      'mixed/list.json',
      'mixed/nested/latin1.yaml',
      'mixed/nested/tagged.yml',
      'mixed/tabs.yaml',
    ]);
  });

  it('reads hidden files in a walk (so .pre-commit-config.yaml is seen, then skipped as not Kubernetes)', () => {
    const dir = tempTree({ '.pre-commit-config.yaml': 'repos: []\n', 'a.yaml': cm('a') });
    expect(discoverFiles(['.'], dir).files.map((f) => f.display)).toEqual(['.pre-commit-config.yaml', 'a.yaml']);
  });

  it('reads a file named explicitly whatever its extension', () => {
    const dir = tempTree({ 'manifest.txt': cm('a') });
    expect(loadPaths(['manifest.txt'], { cwd: dir }).resources.map((r) => r.id.name)).toEqual(['a']);
  });

  it('survives symlink loops and reads each file once however it is reached, under its own path', () => {
    const dir = tempTree({ 'a/one.yaml': cm('one'), 'b/two.yaml': cm('two') });
    fs.symlinkSync('..', path.join(dir, 'a', 'loop'));
    fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'a', 'b-link'));
    fs.symlinkSync('one.yaml', path.join(dir, 'a', 'alias.yaml'));
    const { files, errors } = discoverFiles(['.', 'a/one.yaml'], dir);
    expect(errors).toEqual([]);
    expect(files.map((f) => f.display)).toEqual(['a/one.yaml', 'b/two.yaml']);
  });

  it('gives the same order whatever the order of the arguments', () => {
    const dir = tempTree({ 'z.yaml': cm('z'), 'a.yaml': cm('a'), 'm/b.yaml': cm('b') });
    const one = discoverFiles(['z.yaml', 'm', 'a.yaml'], dir).files.map((f) => f.display);
    const two = discoverFiles(['a.yaml', 'z.yaml', 'm'], dir).files.map((f) => f.display);
    expect(one).toEqual(['a.yaml', 'm/b.yaml', 'z.yaml']);
    expect(two).toEqual(one);
  });

  it('reports missing paths and dangling links as one-line input errors and keeps the rest', () => {
    const dir = tempTree({ 'ok.yaml': cm('ok') });
    fs.symlinkSync('gone.yaml', path.join(dir, 'dangling.yaml'));
    const result = loadPaths(['nope.yaml', '.'], { cwd: dir });
    expect(result.errors.map((e) => [e.code, e.message])).toEqual([
      ['INPUT', 'nope.yaml: no such file or directory'],
      ['INPUT', 'dangling.yaml: cannot read: symbolic link points to a missing target'],
    ]);
    expect(result.resources.map((r) => r.id.name)).toEqual(['ok']);
  });

  it('shows paths outside the working directory as absolute', () => {
    const dir = tempTree({ 'x.yaml': cm('x') });
    const elsewhere = tempTree();
    expect(discoverFiles([dir], elsewhere).files[0]!.display).toBe(path.join(dir, 'x.yaml'));
  });

  it('refuses files over the size limit with a diagnostic, not an exception', () => {
    const dir = tempTree({ 'big.yaml': cm('big') + '# padding\n'.repeat(200) });
    const result = loadPaths(['big.yaml'], { cwd: dir, maxFileSize: 1024 });
    expect(result.errors).toEqual([]);
    expect(result.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['file-too-large', 'file is 2.0 KiB, over the 1.0 KiB limit (--max-file-size)']]);
  });

  it('reads standard input under the name given', () => {
    const result = loadPaths(['-'], { readStdin: () => Buffer.from(`${cm('in')}---\nkind: X\n`), stdinFilename: 'piped.yaml' });
    expect(result.resources.map((r) => [r.source.file, r.id.name])).toEqual([['piped.yaml', 'in']]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['piped.yaml:6:1 missing-api-version']);
  });

  it('walks 2,000 nested folders in time linear in depth, a loop back to the top included', () => {
    // realpath at every level made the walk quadratic: 26 s for 1,000 levels, over 120 s for 2,000.
    const dir = tempTree({ 'top.yaml': cm('top') });
    const deepest = path.join(dir, ...Array.from({ length: 2000 }, () => 'd'));
    fs.mkdirSync(deepest, { recursive: true });
    fs.writeFileSync(path.join(deepest, 'bottom.yaml'), cm('bottom'));
    fs.symlinkSync(dir, path.join(deepest, 'loop'));
    let found: ReturnType<typeof discoverFiles> | undefined;
    const ms = cpuMs(() => (found = discoverFiles(['.'], dir)));
    expect(found!.errors).toEqual([]);
    expect(found!.files.map((f) => f.display)).toEqual([`${'d/'.repeat(2000)}bottom.yaml`, 'top.yaml']);
    expect(ms).toBeLessThan(5000);
    // fs.rmSync recurses once per level, and 2,000 overflow its stack: removed from the bottom up.
    fs.unlinkSync(path.join(deepest, 'loop'));
    fs.unlinkSync(path.join(deepest, 'bottom.yaml'));
    for (let d = deepest; d !== dir; d = path.dirname(d)) fs.rmdirSync(d);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
