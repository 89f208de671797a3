import { createRequire } from 'node:module';
import type { RunReport } from '../core/index.js';
import { formatters, type FormatName, type ReportContext } from '../report/index.js';
import { ruleCatalog } from './catalog.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version } as const;

/** Renders a run in one of the formats, with the tool's identity and rule catalog filled in. */
export function formatReport(format: FormatName, report: RunReport, ctx: Partial<ReportContext> = {}): string {
  return formatters[format](report, { tool: TOOL, rules: ruleCatalog(), color: false, ...ctx });
}
