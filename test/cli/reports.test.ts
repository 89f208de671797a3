/** Several reports from one run: `--format FORMAT[=FILE]`, repeatable. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

const broken = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nbogus: 1\n';

describe('--format FORMAT=FILE', () => {
  it('writes text to standard output and SARIF and JUnit to their files in one run', async () => {
    const dir = tempTree({ 'm/cm.yaml': broken, 'out/.keep': '' });
    const r = await runCli(['check', 'm', '--format', 'text', '--format', 'sarif=out/results.sarif', '-f', 'junit=out/junit.xml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('4:1  error    unknown field "bogus"  unknown-field');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/results.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['unknown-field']);
    const junit = fs.readFileSync(path.join(dir, 'out/junit.xml'), 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).toContain('m/cm.yaml:4:1: unknown field &quot;bogus&quot;');
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['.keep', 'junit.xml', 'results.sarif']); // no temporary file left
  });

  it('prints nothing on standard output when every format has a file; --output is the file of the one without', async () => {
    const dir = tempTree({ 'cm.yaml': broken });
    const quiet = await runCli(['validate', 'cm.yaml', '--format', 'json=a.json'], { cwd: dir });
    expect(quiet.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8')).summary.errors).toBe(1);
    const both = await runCli(['validate', 'cm.yaml', '--format', 'github', '--format', 'json=b.json', '--output', 'c.txt'], { cwd: dir });
    expect(both.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')).toMatch(/^::error file=cm.yaml,line=4/);
  });

  it('refuses two formats on standard output, one file for two reports, an empty file name and unknown formats (exit 2)', async () => {
    const dir = tempTree({ 'cm.yaml': broken });
    const cases: [string[], RegExp][] = [
      [['--format', 'text', '--format', 'json'], /--format text and --format json would all print to standard output: give every format but one a file \(--format json=FILE\)/],
      [['--format', 'json=r.out', '--format', 'sarif=./r.out'], /r.out is named for two reports \(json and sarif\)/],
      [['--format', 'sarif='], /"sarif=" names no file/],
      [['--format', 'sarf=x.sarif'], /unknown format "sarf" \(did you mean "sarif"\?\)/],
      [['--format', 'json=x.json', '--output', 'y'], /--output y: every --format already names its file/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['validate', 'cm.yaml', ...flags], { cwd: dir });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync(dir)).toEqual(['cm.yaml']); // nothing written by a refused run
  });

  it('writes each report whole (atomically) and the same bytes every run', async () => {
    const dir = tempTree({ 'cm.yaml': broken });
    const args = ['validate', 'cm.yaml', '-f', 'sarif=r.sarif', '-f', 'junit=r.xml', '-f', 'json=r.json'];
    await runCli(args, { cwd: dir });
    const first = ['r.sarif', 'r.xml', 'r.json'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    await runCli(args, { cwd: dir });
    expect(['r.sarif', 'r.xml', 'r.json'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))).toEqual(first);
  });

  it('works in schedule too: its own text on standard output, SARIF to a file', async () => {
    const r = await runCli(['schedule', 'overlays-example/overlays/production', '--nodes', 'overlays-example/nodes.yaml', '--no-config', '-f', 'text', '-f', `sarif=${path.join(tempTree(), 's.sarif')}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('all 7 pods scheduled');
  });
});
