/**
 * Machine-readable output. The shape is documented in the README and versioned by
 * `formatVersion`; fields are always present (null when absent) and always in this order, but
 * for `suggestion`, there only when the finding has a quick fix: a bot applies its edits (each a
 * 1-based range, columns in UTF-16 code units, replaced by `newText`; an empty range inserts).
 */
import { countBySeverity } from '../../core/index.js';
import type { Formatter } from '../context.js';

export const JSON_FORMAT_VERSION = 1;

export const json: Formatter = (report, ctx) => {
  const counts = countBySeverity(report.diagnostics);
  const out = {
    formatVersion: JSON_FORMAT_VERSION,
    tool: { name: ctx.tool.name, version: ctx.tool.version },
    summary: {
      files: report.files.length,
      resources: report.files.reduce((n, f) => n + f.resources.length, 0),
      ...counts,
    },
    diagnostics: report.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine,
      endColumn: d.endColumn,
      path: d.path,
      resource: d.resource
        ? { apiVersion: d.resource.apiVersion, kind: d.resource.kind, namespace: d.resource.namespace ?? null, name: d.resource.name }
        : null,
      // Only on a finding with a quick fix (the edit `check --fix` makes), so that the others read as before.
      ...(d.suggestion && {
        suggestion: {
          title: d.suggestion.title,
          edits: d.suggestion.edits.map((e) => ({ file: e.file, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, newText: e.newText })),
        },
      }),
    })),
    totals: report.totals ?? null,
  };
  return JSON.stringify(out, null, 2) + '\n';
};
