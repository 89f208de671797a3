/** The default human format: grouped by file, aligned columns, one summary line. */
import { countBySeverity, escapeTerminal, type Amounts, type ResourceTotals, type Severity } from '../../core/index.js';
import type { Formatter } from '../context.js';
import { groupBy } from '../group.js';

const ansi = { red: 31, yellow: 33, cyan: 36, green: 32, gray: 90, bold: 1, underline: 4 } as const;

export const text: Formatter = (report, ctx) => {
  const paint = (code: keyof typeof ansi, s: string) => (ctx.color ? `\u001b[${ansi[code]}m${s}\u001b[0m` : s);
  const severityColor: Record<Severity, keyof typeof ansi> = { error: 'red', warning: 'yellow', info: 'cyan' };
  const lines: string[] = [];

  for (const [file, group] of groupBy(report.diagnostics, (d) => d.file)) {
    // File names and messages carry manifest text: escaped, so it cannot drive the terminal (core/terminal.ts).
    lines.push(paint('underline', escapeTerminal(file)));
    const positions = group.map((d) => `${d.line}:${d.column}`);
    // reduce, not Math.max(...): a file may have more findings than a call takes arguments.
    const posWidth = positions.reduce((w, p) => Math.max(w, p.length), 0);
    // A message of several lines (kustomize's "node contents:" quotes the node) continues under its first line.
    const indent = ' '.repeat(2 + posWidth + 2 + 7 + 2);
    const messages = group.map((d) => escapeTerminal(d.message, { keepNewlines: true }).replace(/\n/g, `\n${indent}`));
    const msgWidth = Math.min(72, messages.reduce((w, m) => Math.max(w, m.length), 0));
    group.forEach((d, i) => {
      const pos = positions[i]!.padStart(posWidth);
      const sev = paint(severityColor[d.severity], d.severity.padEnd(7));
      lines.push(`  ${paint('gray', pos)}  ${sev}  ${messages[i]!.padEnd(msgWidth)}  ${paint('gray', d.ruleId)}`);
    });
    lines.push('');
  }

  if (report.totals) lines.push(...totalsTable(report.totals), '');

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

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Requests/limits of cpu and memory per namespace and workload, aligned. */
function totalsTable(totals: ResourceTotals): string[] {
  const show = (a: Amounts, name: string) => a[name] ?? '-';
  const rows: string[][] = [['NAMESPACE', 'WORKLOAD', 'PODS', 'CPU REQ', 'CPU LIM', 'MEM REQ', 'MEM LIM']];
  for (const w of totals.workloads) {
    const pods = w.replicas === null ? 'per node' : String(w.replicas);
    rows.push([w.resource.namespace ?? 'default', `${w.resource.kind}/${w.resource.name}`, pods, show(w.total.requests, 'cpu'), show(w.total.limits, 'cpu'), show(w.total.requests, 'memory'), show(w.total.limits, 'memory')]);
  }
  for (const n of totals.namespaces) {
    rows.push([n.namespace, '(total)', String(n.pods), show(n.requests, 'cpu'), show(n.limits, 'cpu'), show(n.requests, 'memory'), show(n.limits, 'memory')]);
    if (n.perNode.pods > 0) rows.push([n.namespace, '(per node)', String(n.perNode.pods), show(n.perNode.requests, 'cpu'), show(n.perNode.limits, 'cpu'), show(n.perNode.requests, 'memory'), show(n.perNode.limits, 'memory')]);
  }
  const cells = rows.map((r) => r.map((c) => escapeTerminal(c)));
  const widths = cells[0]!.map((_, i) => cells.reduce((w, r) => Math.max(w, r[i]!.length), 0));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}
