/** The default human format: grouped by file, aligned columns, one summary line. */
import { countBySeverity, type Diagnostic, type Severity } from '../../core/index.js';
import type { Formatter } from '../context.js';

const ansi = { red: 31, yellow: 33, cyan: 36, green: 32, gray: 90, bold: 1, underline: 4 } as const;

export const text: Formatter = (report, ctx) => {
  const paint = (code: keyof typeof ansi, s: string) => (ctx.color ? `\u001b[${ansi[code]}m${s}\u001b[0m` : s);
  const severityColor: Record<Severity, keyof typeof ansi> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const lines: string[] = [];

  for (const [file, group] of groupByFile(report.diagnostics)) {
    lines.push(paint('underline', file));
    const positions = group.map((d) => `${d.line}:${d.column}`);
    const posWidth = Math.max(...positions.map((p) => p.length));
    const msgWidth = Math.min(72, Math.max(...group.map((d) => d.message.length)));
    group.forEach((d, i) => {
      const pos = positions[i]!.padStart(posWidth);
      const sev = paint(severityColor[d.severity], d.severity.padEnd(7));
      lines.push(`  ${paint('gray', pos)}  ${sev}  ${d.message.padEnd(msgWidth)}  ${paint('gray', d.ruleId)}`);
    });
    lines.push('');
  }

  const { errors, warnings, infos } = countBySeverity(report.diagnostics);
  const resources = report.files.reduce((n, f) => n + f.resources.length, 0);
  const scope = `${plural(resources, 'resource')} in ${plural(report.files.length, 'file')}`;
  const problems = errors + warnings;
  const notes = infos ? `, ${plural(infos, 'note')}` : '';
  if (problems === 0) {
    lines.push(paint('green', `✔ no problems${notes}; checked ${scope}`));
  } else {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})${notes}; checked ${scope}`;
    lines.push(paint('bold', paint(errors ? 'red' : 'yellow', summary)));
  }
  return lines.join('\n') + '\n';
};

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const group = groups.get(d.file);
    if (group) group.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
