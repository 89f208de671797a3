import type { RuleMeta } from '../core/index.js';
import { configProblemMetas, type Config } from '../config/index.js';
import { customRuleMetas, policyProblemMetas } from '../policy/index.js';
import { suppressionMetas } from '../suppress/index.js';
import { loadProblemMetas } from '../load/index.js';
import { renderProblemMetas } from '../render/index.js';
import { rules } from '../rules/index.js';
import { schemaProblemMetas } from '../schema/index.js';
import { scheduleProblemMetas } from '../schedule/index.js';

/**
 * Every rule id any stage can emit, for SARIF `rules[]`, docs and `kubeproof rules`. Grows as
 * stages land. With a config, its custom rules too (their ids never clash: the config says so).
 */
export function ruleCatalog(config?: Pick<Config, 'customRules'>): RuleMeta[] {
  return [...configProblemMetas, ...policyProblemMetas, ...customRuleMetas(config?.customRules), ...suppressionMetas, ...loadProblemMetas, ...renderProblemMetas, ...schemaProblemMetas, ...scheduleProblemMetas, ...rules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, description: r.meta.description, docs: r.meta.docs, ...(r.meta.securitySeverity !== undefined && { securitySeverity: r.meta.securitySeverity }), ...(r.meta.defaultOff && { defaultOff: true }) }))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
