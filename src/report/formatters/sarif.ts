/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: rules with help text, a rank code scanning
 * sorts by (`security-severity` and the `security` tag on security rules, `problem.severity` on
 * every rule), results with level, a location relative to the repository root (%SRCROOT%, the
 * run's `originalUriBaseIds`), a fingerprint that survives line moves, and the quick fix as
 * `fixes[]` where a finding has one.
 */
import { formatResourceId, ruleDocsUrl, type Diagnostic, type RuleMeta, type Severity, type Suggestion, type TextEdit } from '../../core/index.js';
import type { Formatter, ReportContext } from '../context.js';
import { repositoryPath } from '../paths.js';
// process.getBuiltinModule: Node's node:crypto loads on first use, not at every start (issue 19: a
// one-file run never needs it, and loading it is ~1 ms of a cold start).

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's `problem.severity` words for alerts that are not security findings. */
const problemSeverity: Record<Severity, 'error' | 'warning' | 'recommendation'> = { error: 'error', warning: 'warning', info: 'recommendation' };

const SRCROOT = '%SRCROOT%';

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
              ...(!r.custom && { helpUri: ruleDocsUrl(r.id) }),
              help: { text: r.docs, markdown: r.docs },
              defaultConfiguration: { level: level[r.severity] },
              properties: ruleProperties(r),
            })),
          },
        },
        // The base is named, not located: its absolute path is the runner's, meaningless to code
        // scanning, and would make the same repository's log differ between two checkouts.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository (the git work tree the run was started in), or the working directory outside git' } } },
        columnKind: 'utf16CodeUnits',
        results: report.diagnostics.map((d) => result(d, index.get(d.ruleId)!, ctx)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** Security rules carry a score and the tag code scanning files them under; every rule a problem severity. */
function ruleProperties(r: RuleMeta): Record<string, unknown> {
  if (r.securitySeverity === undefined) return { 'problem.severity': problemSeverity[r.severity], tags: ['kubernetes'] };
  return { 'problem.severity': problemSeverity[r.severity], 'security-severity': r.securitySeverity.toFixed(1), tags: ['security', 'kubernetes'] };
}

function result(d: Diagnostic, ruleIndex: number, ctx: ReportContext) {
  const location: Record<string, unknown> = {
    physicalLocation: {
      artifactLocation: artifactLocation(d.file, ctx),
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
    ...(d.suggestion && { fixes: [fix(d.suggestion, ctx)] }),
  };
}

/**
 * A quick fix as a SARIF `fix` (§3.55): one artifactChange per file, in the order the edits
 * come, each edit a replacement of its region (an empty region is an insertion point, §3.30.2).
 * Code scanning shows it beside the alert.
 */
function fix(suggestion: Suggestion, ctx: ReportContext) {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of suggestion.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  return {
    description: { text: suggestion.title },
    artifactChanges: [...byFile].map(([file, edits]) => ({
      artifactLocation: artifactLocation(file, ctx),
      replacements: edits.map((e) => ({
        deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
        insertedContent: { text: e.newText },
      })),
    })),
  };
}

/**
 * Every file relative to the repository root, which code scanning resolves %SRCROOT% to; never
 * the runner's absolute path, which means nothing on github.com. Without a root (a library call
 * with no context) relative names are taken as relative to the root already. `<stdin>` and
 * other names in angle brackets are not files: a bare relative reference, no base.
 */
function artifactLocation(file: string, ctx: ReportContext) {
  if (file.startsWith('<')) return { uri: encodeURIComponent(file) };
  const relative = repositoryPath(file, ctx);
  if (relative.startsWith('/')) return { uri: 'file://' + encodePath(relative) };
  return { uri: encodePath(relative), uriBaseId: SRCROOT };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Stable across edits that move lines: what the finding is about, not where it sits. */
function fingerprint(d: Diagnostic): string {
  const id = d.resource ? formatResourceId(d.resource) : `${d.line}:${d.column}`;
  return process.getBuiltinModule('node:crypto').createHash('sha256').update([d.ruleId, d.file, id, d.path, d.message].join('\u0000')).digest('hex').slice(0, 32);
}

/** SARIF rule names are PascalCase by convention: `duplicate-key` -> `DuplicateKey`. */
function ruleName(id: string): string {
  return id.replace(/(^|[-_./])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
