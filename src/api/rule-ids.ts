/**
 * A rule id that names no rule is a mistake to stop on, not to ignore: `--disable latest-tags`
 * silently disabling nothing would leave the user believing the finding is off (or on).
 */
import { didYouMean, type Config } from '../config/index.js';
import { KubeproofError } from '../core/index.js';
import { ruleCatalog } from './catalog.js';

export function assertKnownRuleIds(ids: readonly string[] | undefined, what: 'disable' | 'enable', config?: Pick<Config, 'customRules'>): void {
  if (!ids?.length) return;
  const known = new Set(ruleCatalog(config).map((m) => m.id));
  for (const id of ids) {
    if (!known.has(id)) throw new KubeproofError('USAGE', `unknown rule "${id}" to ${what}${didYouMean(id, known)}; \`kubeproof rules\` lists them`);
  }
}
