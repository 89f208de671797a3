import { loadProblemMetas } from '../load/index.js';
import { renderProblemMetas } from '../render/index.js';
import { rules, rulesMarkdown } from '../rules/index.js';
import { schemaProblemMetas } from '../schema/index.js';

/** The content of docs/rules.md. */
export function ruleDocsMarkdown(): string {
  return rulesMarkdown(
    rules.map((r) => r.meta),
    [
      { title: 'Schema validation (`kubeproof validate`, `check`, `lint`)', rules: schemaProblemMetas },
      { title: 'Rendering (`kubeproof render`, `check`, `lint`)', rules: renderProblemMetas },
      { title: 'Loading (every command)', rules: loadProblemMetas },
    ],
  );
}
