/**
 * `kubeproof watch PATH...`: check, then check again whenever a file the check reads changes,
 * until Ctrl-C (exit 0). Directories mean what they mean under `--kustomize-roots auto`, and
 * the bases an overlay builds from outside the watched folders are watched too.
 *
 * Changes arrive in bursts (an editor's save is several events; `git checkout` is hundreds):
 * a check starts once the files have been quiet for the debounce interval, and a change during
 * a check queues exactly one more.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { planKustomizeRoots, type RootsPlan } from '../../api/roots.js';
import { KubeproofError, redactSecrets } from '../../core/index.js';
import { isDirectory, realPathOr } from '../../load/index.js';
import type { CliIo } from '../io.js';

/** Runs one check of these targets and prints its report; the exit code it returns is only informative. */
export type RunOnce = (targets: string[]) => number | void | Promise<number | void>;

/** The slice of fs.watch the loop uses, so tests can drive it with made-up events. */
export interface Watcher {
  close(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}
export type WatchFn = (dir: string, recursive: boolean, onChange: (filename: string | null) => void) => Watcher;

export interface WatchOptions {
  /** Quiet time after the last change before checking again (default 200 ms). */
  debounceMs?: number;
  /** Stops the watch, as Ctrl-C does. */
  signal?: AbortSignal;
  /** Stop on SIGINT (default true; the process's own Ctrl-C handling is restored afterwards). */
  handleSigint?: boolean;
  /** Replaces fs.watch (tests). */
  watch?: WatchFn;
  /** --max-file-size: larger files are not read to find what a check reads (api/roots.ts). */
  maxFileSize?: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;
/** Clear the screen and the scrollback, cursor home: each report replaces the last, in a terminal only. */
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

/**
 * Wires `watch` onto `cmd`, a command that already carries the check options (program.ts
 * passes `withSharedOptions(program.command('watch'))`). `runOnce(targets, opts, cmd)` runs one
 * check with those options and prints its report (program.ts's runChecks(check)); each run's
 * exit code is informative only: a watch stopped with Ctrl-C ends with `setExitCode(0)`.
 */
export function registerWatch<O extends object>(
  cmd: Command,
  io: CliIo,
  runOnce: (targets: string[], opts: O, cmd: Command) => number | void | Promise<number | void>,
  setExitCode: (code: number) => void,
  options: WatchOptions = {},
): Command {
  return cmd
    .description('check, then check again whenever a file it reads changes (directories as with --kustomize-roots auto); Ctrl-C stops')
    .argument('<paths...>', 'kustomization directories, files or directories')
    .option('--debounce <ms>', 'quiet time after the last change before checking again', parseDebounce, DEFAULT_DEBOUNCE_MS)
    .action(async (paths: string[], opts: O & { debounce?: number; maxFileSize?: number }, command: Command) => {
      await watchPaths(paths, io, (targets) => runOnce(targets, opts, command), { ...options, debounceMs: opts.debounce, maxFileSize: opts.maxFileSize });
      setExitCode(0);
    });
}

/** Runs until SIGINT or `options.signal` aborts; throws KubeproofError (exit 2) for a path that cannot be watched. */
export async function watchPaths(paths: readonly string[], io: Pick<CliIo, 'stdout' | 'stderr' | 'cwd' | 'stdoutIsTTY'>, runOnce: RunOnce, options: WatchOptions = {}): Promise<void> {
  for (const p of paths) {
    if (p === '-') throw new KubeproofError('USAGE', 'watch reads files and directories, not - (standard input)');
    if (!fs.existsSync(path.resolve(io.cwd, p))) throw new KubeproofError('INPUT', `${p}: no such file or directory`);
  }
  if (options.signal?.aborted) return;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const watchFn = options.watch ?? fsWatch;
  const watchers = new Map<string, { watcher: Watcher; spec: WatchSpec }>();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };
  const start = () => {
    if (stopped) return;
    if (current) {
      again = true; // a change during a check: one more when it ends
      return;
    }
    current = (async () => {
      do {
        again = false;
        await cycle();
      } while (again && !stopped);
    })().finally(() => (current = undefined));
  };

  const cycle = async () => {
    let plan: RootsPlan;
    try {
      plan = planKustomizeRoots(paths, io.cwd, options.maxFileSize);
    } catch {
      plan = { targets: [...paths], files: [] }; // a folder vanished mid-walk: the check itself says what is missing
    }
    reconcile(watchSpecs(paths, plan.files, io.cwd));
    if (io.stdoutIsTTY) io.stdout(CLEAR);
    try {
      // An empty folder is not an error to repeat on every change: say so, and wait for manifests.
      if (plan.targets.length === 0) io.stdout(`nothing to check yet: no manifests in ${paths.join(' ')}\n`);
      else await runOnce(plan.targets);
    } catch (err) {
      // One bad run (a file mid-write, a broken kustomization) must not end the watch.
      io.stderr(redactSecrets(err instanceof KubeproofError ? `kubeproof: error: ${err.message}\n` : `kubeproof: internal error: ${err instanceof Error ? err.message : String(err)}\n`)); // core/redact.ts
    }
    if (!stopped) io.stderr(`kubeproof: watching ${paths.join(' ')} (${new Date().toLocaleTimeString()}); Ctrl-C to stop\n`);
  };

  const reconcile = (specs: Map<string, WatchSpec>) => {
    for (const [dir, entry] of watchers) {
      if (!sameSpec(specs.get(dir), entry.spec)) {
        entry.watcher.close();
        watchers.delete(dir);
      }
    }
    for (const [dir, spec] of specs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watchFn(dir, spec.recursive, (filename) => {
          if (relevant(spec, filename)) schedule();
        });
        watcher.on('error', () => {
          // The folder went away (or the watch broke): forget it; the next check reports a missing path and rebuilds the set.
          watcher.close();
          if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir);
          schedule();
        });
        watchers.set(dir, { watcher, spec });
      } catch (err) {
        io.stderr(`kubeproof: error: cannot watch ${dir}: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  };

  await new Promise<void>((resolve) => {
    const stop = () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      process.removeListener('SIGINT', stop);
      options.signal?.removeEventListener('abort', stop);
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
      // Let a check in progress finish its report before returning.
      void (current ?? Promise.resolve()).then(() => resolve());
    };
    if (options.handleSigint !== false) process.on('SIGINT', stop);
    options.signal?.addEventListener('abort', stop, { once: true });
    start();
  });
}

interface WatchSpec {
  recursive: boolean;
  /** File names to react to; undefined: any. */
  names?: Set<string>;
}

/**
 * Folders to watch: each directory given (recursively); for each file given, and for each file
 * a check reads outside those directories (a base in ../base), its folder, for that name only.
 */
export function watchSpecs(paths: readonly string[], files: readonly string[], cwd: string): Map<string, WatchSpec> {
  const specs = new Map<string, WatchSpec>();
  const recursive: string[] = [];
  const inside = (f: string) => recursive.some((d) => f === d || f.startsWith(d + path.sep));
  const dirs = paths.map((p) => realPathOr(path.resolve(cwd, p))).filter(isDirectory);
  // Outermost first, so a folder inside another given one adds no second watcher.
  for (const dir of dirs.sort((a, b) => a.length - b.length)) {
    if (inside(dir)) continue;
    specs.set(dir, { recursive: true });
    recursive.push(dir);
  }
  const addFile = (f: string) => {
    if (inside(f)) return;
    const dir = path.dirname(f);
    if (!isDirectory(dir)) return;
    const spec = specs.get(dir) ?? { recursive: false, names: new Set<string>() };
    spec.names?.add(path.basename(f));
    specs.set(dir, spec);
  };
  for (const p of paths) {
    const absolute = realPathOr(path.resolve(cwd, p));
    if (!isDirectory(absolute)) addFile(absolute);
  }
  for (const f of files) addFile(f);
  return specs;
}

/** Changes under hidden folders (.git) and node_modules, and editors' hidden swap files, are not edits to manifests. */
function relevant(spec: WatchSpec, filename: string | null): boolean {
  if (filename === null) return true; // the platform did not say which file: assume it matters
  const parts = filename.split(/[\\/]/);
  if (parts.some((s) => s.startsWith('.') || s === 'node_modules')) return false;
  return spec.names === undefined || spec.names.has(parts[parts.length - 1]!);
}

function sameSpec(a: WatchSpec | undefined, b: WatchSpec): boolean {
  if (!a || a.recursive !== b.recursive) return false;
  if (!a.names || !b.names) return a.names === b.names;
  return a.names.size === b.names.size && [...a.names].every((n) => b.names!.has(n));
}

const fsWatch: WatchFn = (dir, recursive, onChange) =>
  fs.watch(dir, { recursive, persistent: true }, (_event, filename) => onChange(filename === null ? null : String(filename)));

function parseDebounce(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return Number(value);
}

