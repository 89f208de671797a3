import type { RuleMeta, RunReport } from '../core/index.js';

export interface ReportContext {
  tool: { name: string; version: string };
  /** Every rule that can appear, for SARIF `rules[]` and help text. */
  rules: readonly RuleMeta[];
  /** ANSI colour in the text format; the CLI decides (TTY, NO_COLOR, --color). */
  color: boolean;
}

/** A reporter: a pure function from a run's findings to the bytes to print. */
export type Formatter = (report: RunReport, ctx: ReportContext) => string;
