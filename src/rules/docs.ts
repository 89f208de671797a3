/** docs/rules.md, generated from the rules' meta (and the load and schema stages' rule lists). */
import type { RuleMeta } from '../core/index.js';
import type { RuleDocs } from './types.js';

export function rulesMarkdown(lintRules: readonly RuleDocs[], stageRules: { title: string; rules: readonly RuleMeta[] }[]): string {
  const lines = ['<!-- Generated from the rules\' meta by scripts/generate-rule-docs.mjs; do not edit. Regenerate with: npm run rules:docs -->', '', '# kubeproof rules', ''];
  lines.push('## Cross-resource rules (`kubeproof lint`, `kubeproof check`)', '');
  lines.push('| rule | default severity | what |', '| --- | --- | --- |');
  for (const r of lintRules) lines.push(`| [\`${r.id}\`](#${r.id}) | ${r.defaultOff ? `off (${r.severity} when on)` : r.severity} | ${r.description} |`);
  lines.push('');
  for (const r of lintRules) {
    const severity = r.defaultOff ? `**off** by default (turn it on with \`--enable ${r.id}\` or a severity in kubeproof.yaml); **${r.severity}** when on` : `**${r.severity}**`;
    lines.push(`### ${r.id}`, '', `Default severity: ${severity}. ${r.description}.`, '', r.docs, '');
    if (r.securitySeverity !== undefined) lines.push(`A security finding: security severity **${r.securitySeverity.toFixed(1)}** (${securityLevel(r.securitySeverity)}), as SARIF gives it to code scanning.`, '');
    if (r.options) lines.push('Options (`rules:` in kubeproof.yaml), with their defaults:', '', '```yaml', `${r.id}:`, '  options:', ...optionLines(r.options.defaults), '```', '');
    lines.push('Reported:', '', '```yaml', r.examples.bad, '```', '', 'Fixed:', '', '```yaml', r.examples.good, '```', '');
  }
  for (const stage of stageRules) {
    lines.push(`## ${stage.title}`, '', '| rule | severity | what |', '| --- | --- | --- |');
    // An anchor per row, so that every rule id has a link (editors, SARIF helpUri, kubeproof rules).
    for (const r of stage.rules) lines.push(`| <a id="${r.id}"></a>\`${r.id}\` | ${r.severity} | ${r.description} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** GitHub code scanning's bands of security-severity. */
function securityLevel(score: number): string {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

function optionLines(defaults: Record<string, unknown>): string[] {
  return Object.entries(defaults).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
}
