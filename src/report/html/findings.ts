/** The findings in HTML: one table per file, each row a position, severity, rule and message. */
import { countBySeverity, type Diagnostic, type ResourceTotals } from '../../core/index.js';
import { groupBy } from '../group.js';
import { attributes, escapeHtml as h } from './escape.js';

export function findingsSection(diagnostics: readonly Diagnostic[], checked: { files: number; resources: number }): string {
  const { errors, warnings, infos } = countBySeverity(diagnostics);
  const scope = `${checked.resources} resource${checked.resources === 1 ? '' : 's'} in ${checked.files} file${checked.files === 1 ? '' : 's'}`;
  const text = errors + warnings === 0 ? `✔ no problems${infos ? `, ${infos} note(s)` : ''}; checked ${scope}` : `✖ ${errors + warnings} problem(s) (${errors} error(s), ${warnings} warning(s))${infos ? `, ${infos} note(s)` : ''}; checked ${scope}`;
  const out = [
    '<section id="findings" aria-labelledby="findings-title">',
    '<h2 id="findings-title">Findings</h2>',
    `<p${attributes({ class: errors ? 'summary bad' : warnings ? 'summary warn' : 'summary ok', 'data-errors': errors, 'data-warnings': warnings, 'data-infos': infos })}>${h(text)}</p>`,
  ];
  for (const [file, group] of groupBy(diagnostics, (d) => d.file)) {
    out.push(`<section${attributes({ class: 'file', 'data-file': file })}>`, `<h3><code>${h(file)}</code></h3>`, '<table class="findings">', '<tr><th scope="col">line:col</th><th scope="col">severity</th><th scope="col">rule</th><th scope="col">message</th></tr>');
    for (const d of group) {
      const attrs = attributes({ class: `finding ${d.severity}`, 'data-rule': d.ruleId, 'data-severity': d.severity, 'data-line': d.line, 'data-column': d.column, 'data-path': d.path });
      out.push(`<tr${attrs}><td class="pos">${d.line}:${d.column}</td><td><span class="sev ${d.severity}">${d.severity}</span></td><td><code>${h(d.ruleId)}</code></td><td class="message">${h(d.message)}</td></tr>`);
    }
    out.push('</table>', '</section>');
  }
  out.push('</section>');
  return out.join('\n');
}

/** --totals: requests and limits per workload and namespace. */
export function totalsSection(totals: ResourceTotals): string {
  const show = (a: Record<string, string | undefined>, name: string) => h(a[name] ?? '–');
  const row = (cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const rows = [
    ...totals.workloads.map((w) => row([h(w.resource.namespace ?? 'default'), h(`${w.resource.kind}/${w.resource.name}`), w.replicas === null ? 'per node' : String(w.replicas), show(w.total.requests, 'cpu'), show(w.total.limits, 'cpu'), show(w.total.requests, 'memory'), show(w.total.limits, 'memory')])),
    ...totals.namespaces.map((n) => row([h(n.namespace), '(total)', String(n.pods), show(n.requests, 'cpu'), show(n.limits, 'cpu'), show(n.requests, 'memory'), show(n.limits, 'memory')])),
  ];
  return ['<section id="totals" aria-labelledby="totals-title">', '<h2 id="totals-title">Requests and limits</h2>', '<table>', '<tr><th scope="col">namespace</th><th scope="col">workload</th><th scope="col">pods</th><th scope="col">cpu req</th><th scope="col">cpu lim</th><th scope="col">mem req</th><th scope="col">mem lim</th></tr>', ...rows, '</table>', '</section>'].join('\n');
}
