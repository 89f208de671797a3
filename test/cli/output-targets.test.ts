/**
 * --output never destroys what it writes over, and never writes to an input
 * (issue 15: writes through what is not a regular file; inputs are never written).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n';
const isRoot = process.getuid?.() === 0;

/** A device node of our own (as /dev/null is c 1 3, /dev/full c 1 7): the machine's own nodes are never put at risk. */
function deviceNode(dir: string, name: string, minor: number): string | undefined {
  const file = path.join(dir, name);
  return spawnSync('mknod', [file, 'c', '1', String(minor)]).status === 0 ? file : undefined;
}

describe('--output through what is not a regular file', () => {
  it.skipIf(!isRoot)('writes into a character device and leaves it a device (as root, where renaming over it would replace it)', async () => {
    const dir = tempTree({ 'cm.yaml': cm });
    const nul = deviceNode(dir, 'null', 3)!;
    const r = await runCli(['validate', 'cm.yaml', '-f', 'json', '-o', nul], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(fs.lstatSync(nul).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['cm.yaml', 'null']);
  });

  it.skipIf(!isRoot)('says the device is full (exit 2) rather than replacing it', async () => {
    const dir = tempTree({ 'cm.yaml': cm });
    const full = deviceNode(dir, 'full', 7)!;
    const r = await runCli(['validate', 'cm.yaml', '-o', full], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubeproof: error: cannot write ${full}: no space left on device\n`);
    expect(fs.lstatSync(full).isCharacterDevice()).toBe(true);
  });

  it('follows a symbolic link: the target gets the report (its mode kept), the link stays a link', async () => {
    const dir = tempTree({ 'cm.yaml': cm, 'reports/latest.json': 'old' });
    fs.chmodSync(path.join(dir, 'reports/latest.json'), 0o640);
    fs.symlinkSync('reports/latest.json', path.join(dir, 'report.json'));
    const r = await runCli(['validate', 'cm.yaml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'report.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports/latest.json'), 'utf8')).summary.resources).toBe(1);
    expect(fs.statSync(path.join(dir, 'reports/latest.json')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'reports'))).toEqual(['latest.json']);
  });

  it('writes through a link to a device (as /dev/stdout is one) and leaves both', async () => {
    const dir = tempTree({ 'cm.yaml': cm });
    const target = isRoot ? deviceNode(dir, 'null', 3) : '/dev/null';
    fs.symlinkSync(target!, path.join(dir, 'out'));
    const r = await runCli(['validate', 'cm.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(fs.lstatSync(path.join(dir, 'out')).isSymbolicLink()).toBe(true);
    expect(fs.statSync(path.join(dir, 'out')).isCharacterDevice()).toBe(true);
  });

  it('writes into a FIFO, whose reader gets the whole report', async () => {
    const dir = tempTree({ 'cm.yaml': cm });
    const fifo = path.join(dir, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (b: Buffer) => (got += b.toString()));
    const done = new Promise((resolve) => reader.on('exit', resolve));
    const r = await runCli(['validate', 'cm.yaml', '-f', 'json', '-o', fifo], { cwd: dir });
    await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(got).summary.resources).toBe(1);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('refuses a directory', async () => {
    const dir = tempTree({ 'cm.yaml': cm, 'out/.keep': '' });
    const r = await runCli(['validate', 'cm.yaml', '-o', 'out'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`kubeproof: error: cannot write ${path.join(dir, 'out')}: is a directory\n`);
  });
});

describe('inputs are never written', () => {
  const tree = () =>
    tempTree({
      'base/kustomization.yaml': 'resources: [cm.yaml]\n',
      'base/cm.yaml': cm,
      'prod/kustomization.yaml': 'resources: [../base]\n',
      'plain/other.yaml': cm.replace('name: a', 'name: b'),
      'kubeproof.yaml': 'rules: {}\n',
    });

  const cases: [name: string, args: string[], output: string, message: RegExp][] = [
    ['a file named on the command line', ['validate', 'plain/other.yaml'], 'plain/other.yaml', /refusing to write the text report to plain\/other.yaml: it is one of the files this run reads; kubeproof never writes to its inputs/],
    ['a file a kustomization reads', ['check', 'prod'], 'base/cm.yaml', /refusing to write the text report to base\/cm.yaml: it is one of the files this run reads/],
    ['a kustomization file', ['check', 'prod'], 'prod/kustomization.yaml', /one of the files this run reads/],
    ['the config file', ['check', 'prod', '--config', 'kubeproof.yaml'], 'kubeproof.yaml', /one of the files this run reads/],
    ['a SARIF file over an input', ['check', 'prod', '-f', 'text', '-f', 'sarif=base/cm.yaml'], '', /refusing to write the sarif report to base\/cm.yaml/],
  ];
  for (const [name, args, output, message] of cases) {
    it(`refuses ${name} as --output, before writing anything (exit 2)`, async () => {
      const dir = tree();
      const before = fs.readFileSync(path.join(dir, 'base/cm.yaml'), 'utf8');
      const r = await runCli([...args, ...(output ? ['-o', output] : [])], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe(''); // the text report is not printed either: nothing is written
      expect(fs.readFileSync(path.join(dir, 'base/cm.yaml'), 'utf8')).toBe(before);
      expect(fs.readFileSync(path.join(dir, 'plain/other.yaml'), 'utf8')).toContain('name: b');
    });
  }

  it('knows an input by any name: a symbolic link or a hard link to it', async () => {
    const dir = tree();
    fs.symlinkSync('base/cm.yaml', path.join(dir, 'soft.txt'));
    fs.linkSync(path.join(dir, 'base/cm.yaml'), path.join(dir, 'hard.txt'));
    for (const out of ['soft.txt', 'hard.txt']) {
      const r = await runCli(['check', 'prod', '-o', out], { cwd: dir });
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain(`refusing to write the text report to ${out}: it is the file ${path.join(fs.realpathSync(dir), 'base/cm.yaml')}, which this run reads`);
    }
    expect(fs.readFileSync(path.join(dir, 'base/cm.yaml'), 'utf8')).toBe(cm);
  });

  it('lets a run replace its own earlier JSON report in a walked folder (not a manifest), but never a file named as an input', async () => {
    const dir = tempTree({ 'cm.yaml': cm });
    for (let i = 0; i < 2; i++) expect((await runCli(['check', '.', '-f', 'json', '-o', 'report.json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(2);
    const named = await runCli(['validate', 'report.json', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('refusing to write the json report to report.json');
    // A walked file that is broken YAML is a manifest meant to be: protected.
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'apiVersion: v1\nkind: [\n');
    expect((await runCli(['check', '.', '-o', 'broken.yaml'], { cwd: dir })).code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'broken.yaml'), 'utf8')).toBe('apiVersion: v1\nkind: [\n');
  });

  it('render -o refuses a file its build reads', async () => {
    const dir = tree();
    const r = await runCli(['render', 'prod', '-o', 'base/cm.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the build to base/cm.yaml');
    expect(fs.readFileSync(path.join(dir, 'base/cm.yaml'), 'utf8')).toBe(cm);
    expect((await runCli(['render', 'prod', '-o', 'built.yaml'], { cwd: dir })).code).toBe(0);
  });
});
