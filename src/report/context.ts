import type { RuleMeta, RunReport } from '../core/index.js';

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

/** A reporter: a pure function from a run's findings to the bytes to print. */
export type Formatter = (report: RunReport, ctx: ReportContext) => string;
