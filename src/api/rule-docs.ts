import { configProblemMetas } from '../config/index.js';
import { suppressionMetas } from '../suppress/index.js';
import { loadProblemMetas } from '../load/index.js';
import { renderProblemMetas } from '../render/index.js';
import { admissionPolicyMetas, podSecurityDocs, podSecurityMeta } from '../policy/index.js';
import { rules, rulesMarkdown } from '../rules/index.js';
import { schemaProblemMetas } from '../schema/index.js';
import { scheduleProblemMetas } from '../schedule/index.js';

/** The content of docs/rules.md. */
export function ruleDocsMarkdown(): string {
  return rulesMarkdown(
    rules.map((r) => r.meta),
    [
      { title: 'Schema validation (`kubeproof validate`, `check`, `lint`)', rules: schemaProblemMetas },
      { title: 'Pod Security Standards (`kubeproof check`, `lint`)', rules: [podSecurityMeta], body: podSecurityDocs() },
      { title: 'Rendering (`kubeproof render`, `check`, `lint`)', rules: renderProblemMetas },
      { title: 'ValidatingAdmissionPolicy (`kubeproof validate`, `check`, `lint`; `--policies`)', rules: admissionPolicyMetas },
      { title: 'Dry-run scheduling (`kubeproof schedule`, `check --nodes`)', rules: scheduleProblemMetas },
      { title: 'Loading (every command)', rules: loadProblemMetas },
      { title: 'Configuration (kubeproof.yaml)', rules: configProblemMetas },
      { title: 'Suppressions (comments and the kubeproof.dev/ignore annotation)', rules: suppressionMetas },
    ],
  );
}
