/**
 * kubeproof watch. Real file-system tests never sleep a fixed time for an event: they poll for
 * the output they expect, rewriting the file while they wait (a watcher may still be arming
 * when the first write lands), and give up only after a generous timeout.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { formatReport } from '../../src/api/format.js';
import { exitCodeFor } from '../../src/api/validate.js';
import { registerWatch, watchPaths, watchSpecs, type WatchFn } from '../../src/cli/commands/watch.js';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/program.js';
import { KubeproofError } from '../../src/core/index.js';
import { runCli, tempTree } from '../helpers.js';
import { deploy, repo } from '../api/repo-fixture.js';

const CLEAR = '\x1b[2J\x1b[3J\x1b[H';
const cm = (name: string, extra = '') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}`;
const BAD = cm('bad', 'data:\n  a: b\n  a: c\n'); // a duplicate key: an error in any check

function capture(cwd: string, tty = false) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), readStdin: () => new Uint8Array(), cwd, env: {}, stdoutIsTTY: tty };
  return { io, out };
}

/** Polls `done` every 20 ms; calls `poke` every 300 ms meanwhile; fails after `ms` with what was seen. */
async function until(done: () => boolean, what: () => string, poke?: () => void, ms = 15_000): Promise<void> {
  const start = Date.now();
  let poked = 0;
  while (!done()) {
    if (Date.now() - start > ms) throw new Error(`timed out; saw:\n${what()}`);
    if (poke && Date.now() - poked >= 300) {
      poke();
      poked = Date.now();
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/** A check as program.ts's runChecks(check) does it: report to stdout. */
function checkInto(io: CliIo, runs: string[][]) {
  return (targets: string[]) => {
    runs.push(targets);
    const result = check(targets, { cwd: io.cwd });
    io.stdout(formatReport('text', result, { color: false }));
    return exitCodeFor(result);
  };
}

/** fs.watch stand-in: records what is watched, and lets a test fire changes and errors. */
function fakeWatch() {
  const watchers: { dir: string; recursive: boolean; closed: boolean; change: (f: string | null) => void; fail: () => void }[] = [];
  const fn: WatchFn = (dir, recursive, onChange) => {
    const onError: ((e: Error) => void)[] = [];
    const w = {
      dir,
      recursive,
      closed: false,
      change: (f: string | null) => onChange(f),
      fail: () => onError.forEach((l) => l(new Error('ENOENT'))),
      close() {
        w.closed = true;
      },
      on(_event: 'error', l: (e: Error) => void) {
        onError.push(l);
        return w;
      },
    };
    watchers.push(w);
    return w;
  };
  const open = () => watchers.filter((w) => !w.closed);
  return { fn, watchers, open };
}

let stop: AbortController | undefined;
afterEach(() => stop?.abort());

describe('watch on the real file system', () => {
  it('checks at once, then again when a file in the watched folder changes', async () => {
    const dir = tempTree({ 'app/cm.yaml': cm('ok') });
    const { io, out } = capture(dir);
    const runs: string[][] = [];
    stop = new AbortController();
    const watching = watchPaths(['app'], io, checkInto(io, runs), { debounceMs: 50, signal: stop.signal, handleSigint: false });
    await until(() => runs.length === 1 && out.stdout.includes('no problems'), () => out.stdout);
    expect(runs[0]).toEqual(['app/cm.yaml']);
    await until(() => out.stdout.includes('duplicate key'), () => out.stdout, () => fs.writeFileSync(path.join(dir, 'app', 'cm.yaml'), BAD));
    expect(out.stdout).not.toContain(CLEAR); // not a terminal: reports follow each other
    stop.abort();
    await watching;
    expect(out.stderr).toContain('kubeproof: watching app');
  });

  it('renders an overlay and sees a change to its base outside the watched folder', async () => {
    const dir = repo();
    const { io, out } = capture(dir);
    const runs: string[][] = [];
    stop = new AbortController();
    const watching = watchPaths(['overlays/a'], io, checkInto(io, runs), { debounceMs: 50, signal: stop.signal, handleSigint: false });
    await until(() => runs.length === 1, () => out.stdout);
    expect(runs[0]).toEqual(['overlays/a']);
    // overlays/a patches the replicas, so break something it keeps: the image, made a number.
    const broken = deploy().replace('image: nginx:1.27', 'image: 127');
    await until(() => /^ +15:16 +error +spec\.template\.spec\.containers\[0\]\.image/m.test(out.stdout), () => out.stdout, () => fs.writeFileSync(path.join(dir, 'base', 'deploy.yaml'), broken));
    stop.abort();
    await watching;
  });
});

describe('watch, driven by made-up events', () => {
  const start = (dir: string, opts: { tty?: boolean; runOnce?: (targets: string[]) => unknown } = {}) => {
    const { io, out } = capture(dir, opts.tty);
    const runs: string[][] = [];
    const fake = fakeWatch();
    stop = new AbortController();
    const base = checkInto(io, runs);
    const runOnce = opts.runOnce ? (t: string[]) => (runs.push(t), opts.runOnce!(t)) : base;
    const watching = watchPaths(['overlays/a'], io, runOnce as (t: string[]) => number, { debounceMs: 20, signal: stop.signal, handleSigint: false, watch: fake.fn });
    return { io, out, runs, fake, watching };
  };

  it('watches the given folder recursively and the base outside it for the files it reads only', async () => {
    const dir = repo();
    const { runs, fake } = start(dir);
    await until(() => runs.length === 1, () => '');
    const real = fs.realpathSync(dir);
    expect(fake.open().map((w) => [path.relative(real, w.dir), w.recursive]).sort()).toEqual([
      ['base', false],
      ['overlays/a', true],
    ]);
    const baseWatcher = fake.open().find((w) => w.dir.endsWith('base'))!;
    baseWatcher.change('values.yaml'); // not read by overlays/a
    baseWatcher.change('stray.yaml');
    await settle();
    expect(runs).toHaveLength(1);
    baseWatcher.change('app.conf'); // a generator input it reads
    await until(() => runs.length === 2, () => String(runs.length));
  });

  it('runs once for a burst of changes, and ignores .git, node_modules and hidden files', async () => {
    const dir = repo();
    const { runs, fake } = start(dir);
    await until(() => runs.length === 1, () => '');
    const overlay = fake.open().find((w) => w.recursive)!;
    for (const f of ['.git/index', 'node_modules/x/y.yaml', '.patch.yaml.swp', 'sub/.hidden/z.yaml']) overlay.change(f);
    await settle();
    expect(runs).toHaveLength(1);
    for (let i = 0; i < 5; i++) overlay.change('patch.yaml');
    await until(() => runs.length === 2, () => String(runs.length));
    await settle();
    expect(runs).toHaveLength(2);
  });

  it('queues exactly one more check for changes made during a check', async () => {
    const dir = repo();
    let release: () => void = () => {};
    let blocking = false;
    const { runs, fake } = start(dir, { runOnce: () => (blocking ? new Promise<void>((r) => (release = r)) : undefined) });
    await until(() => runs.length === 1, () => '');
    const overlay = fake.open().find((w) => w.recursive)!;
    blocking = true;
    overlay.change('patch.yaml');
    await until(() => runs.length === 2, () => String(runs.length)); // the second check is now in progress
    blocking = false;
    overlay.change('patch.yaml');
    await settle();
    overlay.change('kustomization.yaml');
    await settle();
    expect(runs).toHaveLength(2); // still waiting for the second check to end
    release();
    await until(() => runs.length === 3, () => String(runs.length));
    await settle();
    expect(runs).toHaveLength(3);
  });

  it('clears the screen before each report in a terminal only', async () => {
    const dir = repo();
    const { out, runs } = start(dir, { tty: true });
    await until(() => runs.length === 1 && out.stdout.includes('checked'), () => out.stdout);
    expect(out.stdout.startsWith(CLEAR)).toBe(true);
  });

  it('survives a check that throws, and a watcher that breaks', async () => {
    const dir = repo();
    let fail = true;
    const { out, runs, fake } = start(dir, {
      runOnce: () => {
        if (fail) throw new KubeproofError('INPUT', 'something went away');
      },
    });
    await until(() => runs.length === 1, () => '');
    expect(out.stderr).toContain('kubeproof: error: something went away\n');
    fail = false;
    const overlay = fake.open().find((w) => w.recursive)!;
    overlay.fail(); // the folder vanished, say: forget the watcher, check again, watch again
    await until(() => runs.length === 2, () => out.stderr);
    expect(overlay.closed).toBe(true);
    expect(fake.open().filter((w) => w.recursive)).toHaveLength(1);
  });

  it('stops on abort: watchers closed, nothing more runs', async () => {
    const dir = repo();
    const { runs, fake, watching } = start(dir);
    await until(() => runs.length === 1, () => '');
    stop!.abort();
    await watching;
    expect(fake.open()).toEqual([]);
    fake.watchers[0]!.change('patch.yaml');
    await settle();
    expect(runs).toHaveLength(1);
  });
});

describe('watch errors', () => {
  it('refuses a missing path and standard input (exit 2 through program.ts)', async () => {
    const dir = tempTree({ 'a.yaml': cm('a') });
    const { io } = capture(dir);
    await expect(watchPaths(['a.yaml', 'nope'], io, () => 0)).rejects.toThrow(new KubeproofError('INPUT', 'nope: no such file or directory'));
    await expect(watchPaths(['-'], io, () => 0)).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('adds no second watcher for a folder inside another given one', () => {
    const dir = repo();
    const specs = watchSpecs(['overlays/a', 'overlays', 'overlays/a/patch.yaml'], [], dir);
    expect([...specs.entries()]).toEqual([[path.join(fs.realpathSync(dir), 'overlays'), { recursive: true }]]);
  });

  it('waits in an empty folder without calling the check, and checks once a manifest appears', async () => {
    const dir = tempTree();
    fs.mkdirSync(path.join(dir, 'app'));
    const { io, out } = capture(dir);
    const runs: string[][] = [];
    const fake = fakeWatch();
    stop = new AbortController();
    const watching = watchPaths(['app'], io, checkInto(io, runs), { debounceMs: 10, signal: stop.signal, handleSigint: false, watch: fake.fn });
    await until(() => out.stdout.includes('nothing to check yet: no manifests in app\n'), () => out.stdout);
    expect(runs).toEqual([]);
    fs.writeFileSync(path.join(dir, 'app', 'cm.yaml'), cm('new'));
    fake.open()[0]!.change('cm.yaml');
    await until(() => runs.length === 1, () => out.stdout);
    expect(runs[0]).toEqual(['app/cm.yaml']);
    stop.abort();
    await watching;
  });

  it('watches the folder of a file given by name, for that name', () => {
    const dir = tempTree({ 'a.yaml': cm('a'), 'b.yaml': cm('b') });
    const specs = watchSpecs(['a.yaml'], [], dir);
    expect([...specs.entries()]).toEqual([[fs.realpathSync(dir), { recursive: false, names: new Set(['a.yaml']) }]]);
  });
});

describe('registerWatch', () => {
  function program(io: CliIo, codes: number[], fake = fakeWatch()) {
    const runs: string[][] = [];
    const p = new Command('kubeproof').exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    registerWatch(p.command('watch').option('-q, --quiet'), io, (targets: string[], opts: { quiet?: boolean }) => {
      runs.push([...targets, `quiet=${opts.quiet === true}`]);
      return 1;
    }, (code) => codes.push(code), { watch: fake.fn });
    return { p, runs };
  }

  it('stops on SIGINT with exit code 0 and leaves no SIGINT listener behind', async () => {
    const dir = tempTree({ 'a.yaml': cm('a') });
    const { io } = capture(dir);
    const codes: number[] = [];
    const { p, runs } = program(io, codes);
    const listeners = process.listenerCount('SIGINT');
    const parsing = p.parseAsync(['watch', 'a.yaml', '-q', '--debounce', '10'], { from: 'user' });
    await until(() => runs.length === 1, () => '');
    expect(runs[0]).toEqual(['a.yaml', 'quiet=true']); // the shared options reach each run
    expect(process.listenerCount('SIGINT')).toBe(listeners + 1);
    process.emit('SIGINT');
    await parsing;
    expect(codes).toEqual([0]);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('does not offer --stdin or --stdin-filename (it watches files): they are unknown options, exit 2', async () => {
    const dir = tempTree({ 'a.yaml': cm('a') });
    for (const flag of ['--stdin', '--stdin-filename=x.yaml']) {
      const r = await runCli(['watch', 'a.yaml', flag], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`unknown option '${flag}'`);
    }
    expect((await runCli(['watch', '--help'])).stdout).not.toContain('--stdin');
  });

  it('refuses a bad --debounce as a usage error', async () => {
    const { io, out } = capture(tempTree({ 'a.yaml': cm('a') }));
    const { p } = program(io, []);
    await expect(p.parseAsync(['watch', 'a.yaml', '--debounce', 'soon'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    expect(out.stderr).toContain('expected a whole number of milliseconds');
  });
});

describe('kubeproof watch (wired in program.ts)', () => {
  it('reports, reports again after a change, and exits 0 on Ctrl-C', async () => {
    const dir = tempTree({ 'app/cm.yaml': cm('ok') });
    const { io, out } = capture(dir);
    let code: number | undefined;
    const running = run(['watch', 'app', '--debounce', '50'], io).then((c) => (code = c));
    await until(() => out.stdout.includes('no problems') || code !== undefined, () => out.stdout + out.stderr);
    expect(out.stderr).not.toContain('unknown command');
    await until(() => out.stdout.includes('duplicate key'), () => out.stdout, () => fs.writeFileSync(path.join(dir, 'app', 'cm.yaml'), BAD));
    process.emit('SIGINT');
    await running;
    expect(code).toBe(0);
    expect(out.stdout.match(/; checked \d+ resources? in 1 file\n/g)!.length).toBeGreaterThanOrEqual(2);
    expect(out.stderr).toContain('kubeproof: watching app');
  });

  it('exits 2 with one line for a missing path', async () => {
    const { io, out } = capture(tempTree());
    expect(await run(['watch', 'nope'], io)).toBe(2);
    expect(out.stderr).toBe('kubeproof: error: nope: no such file or directory\n');
  });
});
