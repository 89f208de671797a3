/**
 * Where a run's reports go: `--format` is repeatable, and `FORMAT=FILE` writes that format to a
 * file (`--format text --format sarif=results.sarif --format junit=junit.xml`), the habit of
 * ESLint and kube-linter users: one run, many consumers. At most one format prints to standard
 * output (two would interleave into something no tool parses); `--output FILE` names the file of
 * the one format given without a file. Every file is written atomically (write-atomic.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { didYouMean } from '../config/index.js';
import { KubeproofError } from '../core/index.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/index.js';
import { wantColor, type ColorInputs } from './color.js';
import type { CliIo } from './io.js';
import { writeFileAtomic } from './write-atomic.js';

export interface ReportTarget {
  format: FormatName;
  /** As given on the command line (relative to the working directory); standard output when absent. */
  file?: string;
}

export const FORMAT_HELP = `report format, repeatable: ${FORMAT_NAMES.join(', ')}; FORMAT=FILE writes that report to FILE (default: text to standard output)`;

/** commander's parser for one `--format` value, gathering them in order. */
export function parseFormatOption(allowed: readonly string[] = FORMAT_NAMES) {
  return (value: string, previous: ReportTarget[] | undefined): ReportTarget[] => {
    const eq = value.indexOf('=');
    const name = eq < 0 ? value : value.slice(0, eq);
    const file = eq < 0 ? undefined : value.slice(eq + 1);
    if (!isFormatName(name) || !allowed.includes(name)) throw new InvalidArgumentError(`unknown format "${name}"${didYouMean(name, allowed)}; one of ${allowed.join(', ')}, optionally =FILE`);
    if (file === '') throw new InvalidArgumentError(`"${value}" names no file: write ${name}=FILE, or ${name} alone for standard output`);
    return [...(previous ?? []), { format: name, ...(file !== undefined && { file }) }];
  };
}

/** The run's targets: text to standard output by default; `--output` given to the one format without a file. */
export function planReports(given: readonly ReportTarget[] | undefined, output: string | undefined, cwd: string): ReportTarget[] {
  const targets = given?.length ? given.map((t) => ({ ...t })) : [{ format: 'text' as FormatName }];
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    const [first, ...rest] = toStdout;
    throw new KubeproofError('USAGE', `--format ${first!.format} and --format ${rest.map((t) => t.format).join(', ')} would all print to standard output: give every format but one a file (--format ${rest[0]!.format}=FILE)`);
  }
  if (output !== undefined) {
    if (toStdout.length === 0) throw new KubeproofError('USAGE', `--output ${output}: every --format already names its file (--output is the file of a format given without one)`);
    toStdout[0]!.file = output;
  }
  const seen = new Map<string, FormatName>();
  for (const t of targets) {
    if (t.file === undefined) continue;
    const key = path.resolve(cwd, t.file);
    const other = seen.get(key);
    if (other) throw new KubeproofError('USAGE', `${t.file} is named for two reports (${other} and ${t.format}): give each its own file`);
    seen.set(key, t.format);
  }
  return targets;
}

/** The format a run speaks in where it has one voice (config problems go to every target; this picks the stdout one). */
export function primaryFormat(targets: readonly ReportTarget[]): FormatName {
  return (targets.find((t) => t.file === undefined) ?? targets[0])!.format;
}

/**
 * Writes each target's report: files atomically, then standard output. `render(format, color)`
 * makes one report; it is called once per target. `inputs` are the files the run read (absolute):
 * a report named over one of them is refused before anything is written.
 */
export function writeReports(targets: readonly ReportTarget[], render: (format: FormatName, color: boolean) => string, io: CliIo, colorFlag: boolean | undefined, inputs: readonly string[]): void {
  refuseInputs(targets.flatMap((t) => (t.file === undefined ? [] : [{ file: t.file, what: `the ${t.format} report` }])), inputs, io.cwd);
  const colorInputs: ColorInputs = {
    flag: colorFlag,
    env: io.env,
    // Only a report to standard output asks (see CliIo.stdoutIsTTY).
    get isTTY() {
      return io.stdoutIsTTY;
    },
  };
  for (const t of targets) if (t.file !== undefined) writeFileAtomic(path.resolve(io.cwd, t.file), render(t.format, t.format === 'text' && wantColor(colorInputs, true)));
  for (const t of targets) if (t.file === undefined) io.stdout(render(t.format, t.format === 'text' && wantColor(colorInputs)));
}

/**
 * kubeproof never writes to its inputs (SECURITY.md): an output that is a file the run read —
 * by any name: a symbolic link or a hard link to it counts — is a usage error (exit 2), raised
 * before any report is written.
 */
export function refuseInputs(outputs: readonly { file: string; what: string }[], inputs: readonly string[], cwd: string): void {
  let read: Map<string, string> | undefined;
  for (const { file, what } of outputs) {
    const id = fileId(path.resolve(cwd, file));
    if (!id) continue; // nothing there yet: not an input
    read ??= new Map(inputs.flatMap((f) => {
      const inputId = fileId(f);
      return inputId ? [[inputId, f] as const] : [];
    }));
    const input = read.get(id);
    if (input) throw new KubeproofError('USAGE', `refusing to write ${what} to ${file}: it is ${path.resolve(cwd, file) === input ? 'one of the files this run reads' : `the file ${input}, which this run reads`}; kubeproof never writes to its inputs`);
  }
}

/** Device and inode of a regular file (links followed), or undefined; devices and pipes are never inputs to protect. */
function fileId(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}
