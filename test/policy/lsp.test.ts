import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startInProcess, type InProcessSession } from '../lsp/in-process.js';
import { tempTree } from '../helpers.js';
import { binding, deployment, DEPLOYMENT_RULES, policy } from './helpers.js';

let session: InProcessSession | undefined;
afterEach(() => session?.close());

describe('the language server runs the policy stage as check does', () => {
  it('ValidatingAdmissionPolicy refusals and custom rules from kubeproof.yaml, custom ids known to suppressions', async () => {
    const config = 'rules:\n  custom:\n  - {id: min-replicas, severity: error, match: {kinds: [Deployment]}, expression: "object.spec.replicas >= 2", message: two at least}\n';
    const p = policy('max', `${DEPLOYMENT_RULES}\nvalidations:\n- {expression: "object.metadata.name != 'web'", message: no web}`);
    const text = [p, binding('b', 'policyName: max\nvalidationActions: [Warn]'), deployment('web', 1), deployment('api', 1).replace('  replicas: 1', '  # kubeproof-ignore-next-line min-replicas\n  replicas: 1')].join('---\n');
    const dir = tempTree({ 'kubeproof.yaml': config, 'all.yaml': text });
    session = await startInProcess();
    const published = await session.open(pathToFileURL(path.join(dir, 'all.yaml')).href, text);
    const mine = published.diagnostics.filter((d) => ['min-replicas', 'admission-policy', 'invalid-suppression', 'unused-suppression'].includes(String(d.code)));
    expect(mine.map((d) => `${d.code} ${d.range.start.line + 1} ${d.message}`)).toEqual([
      "admission-policy 26 Validation failed for ValidatingAdmissionPolicy 'max' with binding 'b': no web",
      'min-replicas 28 two at least',
    ]);
  });
});
