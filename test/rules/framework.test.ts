/** The rules stage itself: selection, severities, crash isolation, and what each command runs. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { rules, runRules, type Rule } from '../../src/rules/index.js';
import { REPO_ROOT, runCli, tempTree } from '../helpers.js';

const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: busybox
    resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}
`;
const resources = parseManifests(yaml, 'p.yaml').resources;
const ids = (options: Parameters<typeof runRules>[1]) => [...new Set(runRules(resources, options).map((d) => `${d.ruleId}:${d.severity}`))].sort();

describe('runRules', () => {
  it('runs every rule by default', () => {
    expect(ids({})).toEqual(['cpu-limit:info', 'latest-tag:warning', 'missing-limits:warning', 'missing-requests:warning', 'requests-exceed-limits:error']);
  });

  it('--disable turns rules off and --enable back on', () => {
    expect(ids({ disable: ['latest-tag', 'cpu-limit'] })).toEqual(['missing-limits:warning', 'missing-requests:warning', 'requests-exceed-limits:error']);
    expect(ids({ disable: ['latest-tag', 'cpu-limit'], enable: ['latest-tag'] })).toContain('latest-tag:warning');
  });

  it('changes a rule\'s severity, or turns it off, from configuration', () => {
    const found = ids({ severities: { 'latest-tag': 'error', 'missing-requests': 'off', 'cpu-limit': 'warning' } });
    expect(found).toEqual(['cpu-limit:warning', 'latest-tag:error', 'missing-limits:warning', 'requests-exceed-limits:error']);
  });

  it('runs only what the API server refuses for validate', () => {
    expect(ids({ only: 'rejected-by-api-server' })).toEqual(['requests-exceed-limits:error']);
    expect(rules.filter((r) => r.meta.rejectedByApiServer).map((r) => r.meta.id).sort()).toEqual(['invalid-quantity', 'requests-exceed-limits', 'selector-mismatch']);
  });

  it('turns a crashing rule into one internal-error finding and runs the others', () => {
    const crashing: Rule = { meta: { ...rules.find((r) => r.meta.id === 'latest-tag')!.meta, id: 'boom' }, check: () => { throw new Error('kaput'); } };
    const found = runRules(resources, {}, [crashing, ...rules.filter((r) => r.meta.id === 'latest-tag')]);
    expect(found.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['internal-error internal error in rule boom: kaput', 'latest-tag image "busybox" has no tag, so it means latest; pin a version']);
  });
});

describe('the commands', () => {
  it('validate reports what the API server refuses, lint adds the rest, --totals sums the pods', async () => {
    const dir = tempTree({ 'p.yaml': yaml });
    const validate = await runCli(['validate', 'p.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(validate.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId)).toEqual(['requests-exceed-limits']);
    const lint = await runCli(['lint', 'p.yaml', '--disable', 'missing-requests,cpu-limit', '--totals'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(lint.stdout).toContain('requests-exceed-limits');
    expect(lint.stdout).toContain('latest-tag');
    expect(lint.stdout).not.toContain('missing-requests');
    expect(lint.stdout).toMatch(/default +Pod\/p +1 +2 +1 +- +-\n/);
  });

  it('lint on the example production overlay is clean', async () => {
    const r = await runCli(['lint', 'overlays-example/overlays/production'], { cwd: REPO_ROOT });
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });
});
