import type { RuleMeta, RunReport } from '../core/index.js';
import type { ScheduleReport } from '../schedule/index.js';

export interface ReportContext {
  tool: { name: string; version: string };
  /** Every rule that can appear, for SARIF `rules[]` and help text. */
  rules: readonly RuleMeta[];
  /** ANSI colour in the text format; the CLI decides (TTY, NO_COLOR, --color). */
  color: boolean;
  /**
   * Where the report's relative file names start (the working directory of the run, absolute);
   * with `srcRoot`, SARIF gives every location relative to the root (%SRCROOT%).
   */
  cwd?: string;
  /** The repository root (absolute): SARIF's %SRCROOT%. */
  srcRoot?: string;
}

/**
 * What a reporter is handed: the run's findings and, when the run scheduled its pods on a node
 * inventory (`schedule`, or `check --nodes`), the placement. Only the HTML report draws the
 * placement; the other formats carry it as findings (or, for `schedule`, print it their own way).
 */
export interface ReportInput extends RunReport {
  schedule?: ScheduleReport;
}

/** A reporter: a pure function from a run's findings to the bytes to print. */
export type Formatter = (report: ReportInput, ctx: ReportContext) => string;
