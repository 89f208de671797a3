import type { Severity } from './diagnostic.js';

/**
 * What every producer of diagnostics declares up front, so that rule docs,
 * SARIF `rules[]`, `kubeproof rules` and `--help` derive from one list.
 */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line, no trailing period. */
  description: string;
  /** Longer Markdown help: why it matters and how to fix it. */
  docs: string;
}
