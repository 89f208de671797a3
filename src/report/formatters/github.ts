/** GitHub Actions workflow commands: annotations on the pull request's diff, files named from the repository root. */
import { escapeTerminal, type Severity } from '../../core/index.js';
import type { Formatter } from '../context.js';
import { repositoryPath } from '../paths.js';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * The runner's escaping (toolkit/core command.ts): data escapes %, CR, LF; properties also ':'
 * and ','. Other control characters from manifests are made visible first (core/terminal.ts):
 * the log viewer is a terminal emulator.
 */
export function escapeData(s: string): string {
  return escapeTerminal(s, { keepNewlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (report, ctx) =>
  report.diagnostics
    .map((d) => {
      // GitHub honours a column range only on single-line annotations.
      const range = d.endLine === d.line ? [`col=${d.column}`, `endColumn=${d.endColumn}`] : [`endLine=${d.endLine}`, `col=${d.column}`];
      const props = [`file=${escapeProperty(repositoryPath(d.file, ctx))}`, `line=${d.line}`, ...range, `title=${escapeProperty(`kubeproof(${d.ruleId})`)}`];
      return `::${command[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
