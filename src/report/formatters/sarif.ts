/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: rules with help text, results with
 * level, a repository-relative location and a fingerprint that survives line moves.
 */
import { createHash } from 'node:crypto';
import { formatResourceId, ruleDocsUrl, type Diagnostic, type RuleMeta, type Severity } from '../../core/index.js';
import type { Formatter } from '../context.js';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (report, ctx) => {
  // The rules the results refer to, as code scanning needs them: the log stays small and stable as rules are added.
  const known = new Map(ctx.rules.map((r) => [r.id, r]));
  const used = [...new Set(report.diagnostics.map((d) => d.ruleId))];
  const rules: RuleMeta[] = used.map((id) => known.get(id) ?? { id, severity: 'error', description: id, docs: id });
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ctx.tool.name,
            version: ctx.tool.version,
            semanticVersion: ctx.tool.version,
            informationUri: 'https://github.com/kubeproof/kubeproof',
            rules: rules.map((r) => ({
              id: r.id,
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              fullDescription: { text: r.docs },
              helpUri: ruleDocsUrl(r.id),
              help: { text: r.docs, markdown: r.docs },
              defaultConfiguration: { level: level[r.severity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map((d) => result(d, index.get(d.ruleId)!)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function result(d: Diagnostic, ruleIndex: number) {
  const location: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: artifactLocation(d.file),
      region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
    },
  };
  if (d.resource) {
    location.logicalLocations = [{ name: d.resource.name, fullyQualifiedName: formatResourceId(d.resource) + (d.path ? ` ${d.path}` : ''), kind: 'object' }];
  }
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: level[d.severity],
    message: { text: d.message },
    locations: [location],
    partialFingerprints: { 'kubeproof/v1': fingerprint(d) },
  };
}

/** Relative paths are resolved by code scanning against the repository root (%SRCROOT%). */
function artifactLocation(file: string) {
  if (file.startsWith('/')) return { uri: 'file://' + encodePath(file) };
  if (file.startsWith('<')) return { uri: encodeURIComponent(file) };
  return { uri: encodePath(file), uriBaseId: '%SRCROOT%' };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Stable across edits that move lines: what the finding is about, not where it sits. */
function fingerprint(d: Diagnostic): string {
  const id = d.resource ? formatResourceId(d.resource) : `${d.line}:${d.column}`;
  return createHash('sha256').update([d.ruleId, d.file, id, d.path, d.message].join('\u0000')).digest('hex').slice(0, 32);
}

/** SARIF rule names are PascalCase by convention: `duplicate-key` -> `DuplicateKey`. */
function ruleName(id: string): string {
  return id.replace(/(^|[-_./])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
