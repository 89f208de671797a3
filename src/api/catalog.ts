import type { RuleMeta } from '../core/index.js';
import { loadProblemMetas } from '../load/index.js';
import { renderProblemMetas } from '../render/index.js';
import { schemaProblemMetas } from '../schema/index.js';

/** Every rule id any stage can emit, for SARIF `rules[]`, docs and `kubeproof rules`. Grows as stages land. */
export function ruleCatalog(): RuleMeta[] {
  return [...loadProblemMetas, ...renderProblemMetas, ...schemaProblemMetas].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
