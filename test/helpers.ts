import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../src/cli/program.js';
import type { Diagnostic } from '../src/core/index.js';
import { parseManifests } from '../src/load/index.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');
export const REPO_ROOT = path.join(import.meta.dirname, '..');

/** Parses YAML text as if it were a file called `file`. */
export function parse(text: string, file = 'm.yaml') {
  return parseManifests(text, file);
}

/** The parts of a diagnostic a test asserts on, compactly: `ruleId@line:col`. */
export function where(d: Diagnostic): string {
  return `${d.ruleId}@${d.line}:${d.column}`;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], opts: { cwd?: string; stdin?: string | Uint8Array; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => (typeof opts.stdin === 'string' ? Buffer.from(opts.stdin) : (opts.stdin ?? new Uint8Array())),
    cwd: opts.cwd ?? REPO_ROOT,
    env: opts.env ?? {},
    stdoutIsTTY: opts.tty ?? false,
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory, populated from a map of relative path -> contents. */
export function tempTree(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-test-'));
  for (const [rel, contents] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, contents);
  }
  return dir;
}

/** CPU milliseconds (user + system) that `fn` took: a busy machine does not make a fast run look slow. */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
