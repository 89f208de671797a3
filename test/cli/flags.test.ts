/** No silent no-ops: every flag a command lists acts, an unknown rule id stops the run, colour as the conventions say. */
import { describe, expect, it } from 'vitest';
import { check, KubeproofError } from '../../src/index.js';
import { wantColor } from '../../src/cli/color.js';
import { container, deployment, pool } from '../schedule/harness.js';
import { runCli, tempTree } from '../helpers.js';

const latest = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "nginx:latest"}]\nbogus: 1\n';

describe('rule ids', () => {
  it('an unknown id in --disable or --enable is a usage error with a did-you-mean', async () => {
    const dir = tempTree({ 'p.yaml': latest });
    const disable = await runCli(['check', 'p.yaml', '--no-config', '--disable', 'latest-tags'], { cwd: dir });
    expect(disable.code).toBe(2);
    expect(disable.stderr).toBe('kubeproof: error: unknown rule "latest-tags" to disable (did you mean "latest-tag"?); `kubeproof rules` lists them\n');
    expect(disable.stdout).toBe('');
    const enable = await runCli(['validate', 'p.yaml', '--no-config', '--enable', 'unknown-fields'], { cwd: dir });
    expect(enable.code).toBe(2);
    expect(enable.stderr).toContain('unknown rule "unknown-fields" to enable (did you mean "unknown-field"?)');
    const far = await runCli(['check', 'p.yaml', '--no-config', '--disable', 'zzzzzz'], { cwd: dir });
    expect(far.stderr).toBe('kubeproof: error: unknown rule "zzzzzz" to disable; `kubeproof rules` lists them\n');
  });

  it('the library refuses them too', () => {
    expect(() => check(['p.yaml'], { cwd: tempTree({ 'p.yaml': latest }), disable: ['latest-tags'] })).toThrow(KubeproofError);
  });

  it('an unknown id in the config file stops the run (exit 2) with a did-you-mean', async () => {
    const dir = tempTree({ 'p.yaml': latest, 'kubeproof.yaml': 'rules:\n  latest-tags: off\n' });
    const r = await runCli(['check', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('unknown rule "latest-tags" (did you mean "latest-tag"?)');
  });

  it('--disable of a check of the load or schema stage drops its findings; of a rule, the rule does not run', async () => {
    const dir = tempTree({ 'p.yaml': latest });
    const all = await runCli(['check', 'p.yaml', '--no-config', '-f', 'json'], { cwd: dir });
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids(all)).toContain('unknown-field');
    expect(ids(all)).toContain('latest-tag');
    const off = await runCli(['check', 'p.yaml', '--no-config', '-f', 'json', '--disable', 'unknown-field,latest-tag'], { cwd: dir });
    expect(ids(off)).not.toContain('unknown-field');
    expect(ids(off)).not.toContain('latest-tag');
    const back = await runCli(['check', 'p.yaml', '--no-config', '-f', 'json', '--disable', 'unknown-field', '--enable', 'unknown-field'], { cwd: dir });
    expect(ids(back)).toContain('unknown-field');
  });
});

describe('each command offers only the flags it acts on', () => {
  const helpOf = async (command: string) => (await runCli([command, '--help'])).stdout;

  it('validate does not offer scheduling or reference flags', async () => {
    const help = await helpOf('validate');
    for (const flag of ['--nodes', '--strategy', '--tolerate-node-loss', '--tolerate-zone-loss', '--headroom', '--strict-refs', '--kustomize-roots']) expect(help).not.toContain(flag);
    const r = await runCli(['validate', 'overlays-example/base/web.yaml', '--nodes', 'overlays-example/nodes.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--nodes'");
  });

  it('schedule offers no schema or rule flags, and takes --stdin', async () => {
    const help = await helpOf('schedule');
    for (const flag of ['--crds', '--disable', '--strict-refs', '--skip-kinds', '--no-suppressions']) expect(help).not.toContain(flag);
    for (const flag of ['--stdin', '--headroom', '--quiet', '--max-warnings']) expect(help).toContain(flag);
    const nodes = tempTree({ 'nodes.yaml': pool('z', 2, '{cpu: "2", memory: 4Gi}') });
    const r = await runCli(['schedule', '--stdin', '--nodes', 'nodes.yaml', '--no-config'], { cwd: nodes, stdin: deployment('web', 2, container('{cpu: 500m}')) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('all 2 pods scheduled on 2 nodes');
  });

  it('check acts on --tolerate-zone-loss (before, it was accepted and ignored)', async () => {
    const dir = tempTree({
      'app.yaml': deployment('web', 3, container('{cpu: 600m}')),
      'nodes.yaml': pool('z', 3, '{cpu: "1", memory: 1Gi}', '  zones: [a, b, c]\n'),
    });
    const base = ['check', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '-f', 'json'];
    const ids = (r: { stdout: string }) => JSON.parse(r.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
    expect(ids(await runCli(base, { cwd: dir }))).not.toContain('zone-loss');
    const lost = await runCli([...base, '--tolerate-zone-loss'], { cwd: dir });
    expect(ids(lost)).toContain('zone-loss');
    expect(lost.code).toBe(1);
    expect(ids(await runCli([...base, '--tolerate-node-loss', '1'], { cwd: dir }))).toContain('node-loss');
  });

  it('schedule honours --quiet and --max-warnings', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web', 2, container('{cpu: 500m}')), 'nodes.yaml': pool('a', 1, '{cpu: "1", memory: 1Gi, pods: "10"}') });
    const base = ['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '-f', 'sarif'];
    const results = (r: { stdout: string }) => JSON.parse(r.stdout).runs[0].results.map((x: { ruleId: string }) => x.ruleId);
    const loud = await runCli(base, { cwd: dir });
    expect(results(loud)).toEqual(['rollout-headroom']);
    expect(loud.code).toBe(0);
    expect(results(await runCli([...base, '-q'], { cwd: dir }))).toEqual([]);
    const strict = await runCli([...base, '--max-warnings', '0'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('1 warnings, more than --max-warnings 0');
  });
});

describe('colour', () => {
  const tty = { flag: undefined, isTTY: true };
  const pipe = { flag: undefined, isTTY: false };
  it('follows --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(wantColor({ ...tty, env: {} })).toBe(true);
    expect(wantColor({ ...pipe, env: {} })).toBe(false);
    expect(wantColor({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(wantColor({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(wantColor({ ...tty, env: { NO_COLOR: '' } })).toBe(true); // set but empty: no effect (no-color.org)
    expect(wantColor({ ...pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(wantColor({ ...pipe, env: { FORCE_COLOR: 'true' } })).toBe(true);
    expect(wantColor({ ...pipe, env: { FORCE_COLOR: '' } })).toBe(false);
    expect(wantColor({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(wantColor({ ...tty, env: { FORCE_COLOR: 'false' } })).toBe(false);
    expect(wantColor({ ...pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(true);
    expect(wantColor({ flag: true, isTTY: false, env: { NO_COLOR: '1' } })).toBe(true);
    expect(wantColor({ flag: false, isTTY: true, env: { FORCE_COLOR: '1' } })).toBe(false);
    expect(wantColor({ ...tty, env: { FORCE_COLOR: '1' } }, true)).toBe(false); // a report file is plain
    expect(wantColor({ flag: true, isTTY: false, env: {} }, true)).toBe(true);
  });

  it('through the CLI', async () => {
    const dir = tempTree({ 'p.yaml': latest });
    const ansi = /\u001b\[/;
    const run = (env: Record<string, string>, tty: boolean, ...flags: string[]) => runCli(['validate', 'p.yaml', '--no-config', ...flags], { cwd: dir, env, tty });
    expect((await run({}, true)).stdout).toMatch(ansi);
    expect((await run({ NO_COLOR: '1' }, true)).stdout).not.toMatch(ansi);
    expect((await run({ FORCE_COLOR: '1' }, false)).stdout).toMatch(ansi);
    expect((await run({ NO_COLOR: '1' }, false, '--color')).stdout).toMatch(ansi);
    expect((await run({ FORCE_COLOR: '1' }, true, '--no-color')).stdout).not.toMatch(ansi);
  });
});
