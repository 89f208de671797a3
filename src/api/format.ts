import * as fs from 'node:fs';
import { redactDeep, redactDiagnostics } from '../core/index.js';
import { formatters, type FormatName, type ReportContext, type ReportInput } from '../report/index.js';
import { ruleCatalog } from './catalog.js';
import { repositoryRoot } from './repository-root.js';

// Read as a file, not require()d: a require resolves the path through the module loader, which
// reads the package scope's package.json for itself first (~1 ms of a cold one-file run).
const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version } as const;

/** Formats that name files from the repository root (code scanning, annotations). */
const ROOTED: ReadonlySet<FormatName> = new Set(['sarif', 'github']);

/**
 * Renders a run in one of the formats, with the tool's identity and rule catalog filled in;
 * file names are taken relative to `ctx.cwd` (default: the process's) and, for SARIF and GitHub
 * annotations, given from the repository root holding it (api/repository-root.ts).
 */
export function formatReport(format: FormatName, report: ReportInput, ctx: Partial<ReportContext> = {}): string {
  const cwd = ctx.cwd ?? process.cwd();
  const srcRoot = ctx.srcRoot ?? (ROOTED.has(format) ? repositoryRoot(cwd) : undefined);
  return formatters[format](redactReport(report), { tool: TOOL, rules: ruleCatalog(), color: false, ...ctx, cwd, ...(srcRoot && { srcRoot }) });
}

/**
 * Every Secret value the run met scrubbed from what a report shows, whoever assembled it (the
 * library's results are scrubbed already; this holds for a report put together by hand):
 * messages, the resources findings are about, the files' resources, the totals, the placement. Before
 * formatting, so each format escapes `<redacted>` as it escapes anything (core/redact.ts).
 */
function redactReport(report: ReportInput): ReportInput {
  const diagnostics = redactDiagnostics(report.diagnostics, []);
  const files = redactDeep(report.files);
  const totals = report.totals && redactDeep(report.totals);
  const schedule = report.schedule && redactDeep(report.schedule);
  const same = diagnostics === report.diagnostics && files === report.files && totals === report.totals && schedule === report.schedule;
  return same ? report : { ...report, diagnostics, files, ...(totals && { totals }), ...(schedule && { schedule }) };
}
