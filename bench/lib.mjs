// Small helpers shared by the bench scripts: statistics, timed child processes, table printing.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const hasGnuTime = (() => {
  if (!fs.existsSync('/usr/bin/time')) return false;
  const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '');
})();

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const round = (x, digits = 0) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/**
 * Runs `command args` once in a fresh process; wall time measured here (process start to exit,
 * as a CI job or a pre-commit hook sees it), peak RSS (%M) and CPU time (%U + %S) from GNU time when available.
 * `okStatus` lists the exit codes that are not failures (kubeproof exits 1 on findings).
 */
export function timedSpawn(command, args, { cwd, env, okStatus = [0, 1] } = {}) {
  const started = process.hrtime.bigint();
  const res = hasGnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...args], { encoding: 'utf8', cwd, env, maxBuffer: 1 << 30 })
    : spawnSync(command, args, { encoding: 'utf8', cwd, env, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let stderr = res.stderr ?? '';
  let rssMiB;
  let cpuMs;
  if (hasGnuTime) {
    const lines = stderr.trimEnd().split('\n');
    const last = lines.pop() ?? '';
    const figures = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last.trim());
    if (figures) {
      rssMiB = Number(figures[1]) / 1024;
      cpuMs = (Number(figures[2]) + Number(figures[3])) * 1000;
    }
    // GNU time adds "Command exited with non-zero status N" before %M.
    stderr = lines.filter((l) => !/^Command exited with non-zero status \d+$/.test(l)).join('\n');
  }
  if (res.error) throw res.error;
  if (!okStatus.includes(res.status)) throw new Error(`${command} ${args.join(' ')} exited ${res.status ?? res.signal}:\n${stderr.slice(0, 2000)}`);
  return { ms, rssMiB, cpuMs, stdout: res.stdout, stderr, status: res.status };
}

/** A plain-text table; `align` is 'l' or 'r' per column. */
export function table(header, rows, align = header.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export const fmtMs = (ms) => (ms === undefined || !Number.isFinite(ms) ? 'n/a' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
export const fmtMiB = (m) => (m === undefined || !Number.isFinite(m) ? 'n/a' : `${Math.round(m)} MiB`);
export const fmtInt = (n) => (n === undefined || !Number.isFinite(n) ? '' : Math.round(n).toLocaleString('en-US'));

/** Share of all cores busy over `ms` milliseconds (from /proc/stat), undefined where there is none. Blocks. */
export function busyPercent(ms) {
  const read = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = f[3] + (f[4] ?? 0);
      return { idle, total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const a = read();
  if (!a) return undefined;
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  const b = read();
  const total = b.total - a.total;
  return total > 0 ? Math.round((100 * (total - (b.idle - a.idle))) / total) : undefined;
}

/** A build's executable: dist/cli/main.cjs, or dist/cli/main.js in builds before it became CommonJS (for --against). */
export function cliOf(dist) {
  const cli = ['main.cjs', 'main.js'].map((name) => path.join(dist, 'cli', name)).find((file) => fs.existsSync(file));
  if (!cli) throw new Error(`no build at ${dist} (cli/main.cjs missing): run npm run build`);
  return cli;
}
