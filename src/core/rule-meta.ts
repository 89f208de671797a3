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
  /**
   * A security weakness's CVSS-like score, 0.1-10 (GitHub code scanning ranks alerts by it:
   * 9+ critical, 7+ high, 4+ medium, else low); absent for rules that are not about security.
   */
  securitySeverity?: number;
  /**
   * An opt-in rule: it runs only when turned on (`--enable`, or a severity in kubeproof.yaml),
   * for checks whose findings are right for some teams and noise for most (its docs say why).
   */
  defaultOff?: boolean;
  /** A team's own rule (kubeproof.yaml `rules.custom`): documented in the config, not in docs/rules.md. */
  custom?: boolean;
}

/** Where docs/rules.md is published; every rule id is an anchor in it (a heading or a table row's anchor). */
export const RULE_DOCS_URL = 'https://github.com/kubeproof/kubeproof/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}#${ruleId}`;
}
