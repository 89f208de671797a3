/** -q: findings no suppression or config can touch are not placed nor sorted (api/hold-back.ts); errors are unchanged. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { forgetSecrets, unplacedResource } from '../../src/core/index.js';
import { tempTree } from '../helpers.js';

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
    - name: app
      image: app:latest
      imagePullPolcy: Always
`;

describe('onlyErrorsShown', () => {
  it('shows the same errors, and leaves the warnings of untouchable files unplaced', () => {
    // Secret values other tests of this worker remembered make the final scrub copy some findings
    // (copies are placed: the same output, less of the saving); this run has none.
    forgetSecrets();
    const dir = tempTree({ 'a.yaml': pod('a'), 'b.yaml': pod('b') });
    const all = check(['.'], { cwd: dir });
    const quiet = check(['.'], { cwd: dir, onlyErrorsShown: true });
    const errors = (ds: typeof all.diagnostics) => JSON.stringify(ds.filter((d) => d.severity === 'error'));
    expect(errors(quiet.diagnostics)).toBe(errors(all.diagnostics));
    const warnings = quiet.diagnostics.filter((d) => d.severity !== 'error');
    expect(warnings.length).toBe(all.diagnostics.length - all.diagnostics.filter((d) => d.severity === 'error').length);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((d) => unplacedResource(d) !== undefined)).toBe(true);
    // Placed when read, at the same place as in a full run.
    const key = (d: (typeof warnings)[number]) => JSON.stringify(d);
    expect(warnings.map(key).sort()).toEqual(all.diagnostics.filter((d) => d.severity !== 'error').map(key).sort());
  });

  it('still applies suppression comments and ignore annotations', () => {
    const dir = tempTree({
      'a.yaml': `# kubeproof-ignore-file latest-tag\n${pod('a')}`,
      'b.yaml': pod('b', '  annotations:\n    kubeproof.dev/ignore: latest-tag\n'),
      'c.yaml': pod('c'),
    });
    const all = check(['.'], { cwd: dir });
    const quiet = check(['.'], { cwd: dir, onlyErrorsShown: true });
    const latest = (ds: typeof all.diagnostics) => ds.filter((d) => d.ruleId === 'latest-tag').map((d) => d.file);
    expect(latest(all.diagnostics)).toEqual(['c.yaml']);
    expect(latest(quiet.diagnostics)).toEqual(['c.yaml']);
    expect(quiet.diagnostics.filter((d) => d.ruleId === 'unused-suppression')).toEqual([]);
  });
});
