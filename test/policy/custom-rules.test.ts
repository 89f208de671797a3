import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { show } from './helpers.js';
import { check } from '../../src/api/check.js';
import { knownRules, loadConfig } from '../../src/api/config.js';
import { parseConfig, starterConfig } from '../../src/config/index.js';

const CONFIG = `rules:
  custom:
  - id: min-replicas
    severity: error
    match: {kinds: [Deployment], namespaces: [prod]}
    expression: "object.spec.replicas >= 2"
    message: production deployments run at least two replicas
  - id: team-label
    expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
`;
const deploy = (name: string, namespace: string, replicas: number, extra = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: {team: a}${extra}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: app, image: "nginx:1.27"}]\n`;

function run(files: Record<string, string>, config = CONFIG, options = {}) {
  const dir = tempTree({ 'kubeproof.yaml': config, ...files });
  const loaded = loadConfig(dir);
  if (!loaded.config) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return check(['.'], { cwd: dir, config: loaded.config, ...options }).diagnostics.filter((d) => ['min-replicas', 'team-label'].includes(d.ruleId)).map(show);
}

describe('custom rules from kubeproof.yaml', () => {
  it('match kinds and namespaces; severity and message; at the field a simple path names', () => {
    const found = run({ 'a.yaml': deploy('a', 'prod', 1), 'b.yaml': deploy('b', 'dev', 1), 'c.yaml': deploy('c', 'prod', 3) });
    expect(found).toEqual(['min-replicas error a.yaml:8:13 production deployments run at least two replicas']);
  });

  it('no kinds: every object; no message: "failed expression: ..."; a missing field named: at its parent, where to add it', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {}\n';
    expect(run({ 'cm.yaml': cm })).toEqual([`team-label warning cm.yaml:3:1 failed expression: has(object.metadata.labels) && 'team' in object.metadata.labels`]);
  });

  it('object is the defaulted object, as a ValidatingAdmissionPolicy sees it: replicas left out reads 1, and the finding is where to add it', () => {
    const unset = deploy('a', 'prod', 1).replace('  replicas: 1\n', '');
    expect(run({ 'a.yaml': unset })).toEqual(['min-replicas error a.yaml:7:1 production deployments run at least two replicas']);
    const config = 'rules:\n  custom:\n  - {id: team-label, expression: "object.spec.template.spec.containers.all(c, c.imagePullPolicy == \'IfNotPresent\')"}\n';
    expect(run({ 'a.yaml': unset }, config)).toEqual([]);
  });

  it('an expression reading two fields points at the name', () => {
    const config = 'rules:\n  custom:\n  - {id: team-label, expression: "object.spec.replicas > 1 || object.metadata.namespace == \'dev\'"}\n';
    expect(run({ 'a.yaml': deploy('a', 'prod', 1) }, config)).toEqual([`team-label warning a.yaml:4:9 failed expression: object.spec.replicas > 1 || object.metadata.namespace == 'dev'`]);
  });

  it('a rule cluster-scoped objects cannot match when namespaces are given', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels: {team: a}\n';
    const config = 'rules:\n  custom:\n  - {id: min-replicas, match: {namespaces: [prod]}, expression: "false"}\n';
    expect(run({ 'n.yaml': ns, 'a.yaml': deploy('a', 'prod', 3) }, config)).toEqual(['min-replicas warning a.yaml:4:9 failed expression: false']);
  });

  it('an evaluation error is a finding of the rule, in the API server\'s words', () => {
    const config = 'rules:\n  custom:\n  - {id: team-label, expression: "object.spec.nope > 1"}\n';
    expect(run({ 'a.yaml': deploy('a', 'prod', 3) }, config)).toEqual(["team-label warning a.yaml:7:1 expression 'object.spec.nope > 1' resulted in error: no such key: nope"]);
  });

  it('suppressed like a built-in rule: comment, annotation; severity and off from rules:', () => {
    const commented = deploy('a', 'prod', 1).replace('  replicas: 1', '  # kubeproof-ignore-next-line min-replicas -- canary\n  replicas: 1');
    expect(run({ 'a.yaml': commented })).toEqual([]);
    const annotated = deploy('a', 'prod', 1, '\n  annotations: {kubeproof.dev/ignore: min-replicas}');
    expect(run({ 'a.yaml': annotated })).toEqual([]);
    expect(run({ 'a.yaml': deploy('a', 'prod', 1) }, `${CONFIG}  min-replicas: warning\n`)).toEqual(['min-replicas warning a.yaml:8:13 production deployments run at least two replicas']);
    expect(run({ 'a.yaml': deploy('a', 'prod', 1) }, `${CONFIG}  min-replicas: off\n`)).toEqual([]);
    expect(run({ 'a.yaml': deploy('a', 'prod', 1) }, CONFIG, { disable: ['min-replicas'] })).toEqual([]);
    expect(run({ 'a.yaml': deploy('a', 'prod', 1) }, `${CONFIG}overrides:\n- {files: [a.yaml], rules: {min-replicas: info}}\n`)).toEqual(['min-replicas info a.yaml:8:13 production deployments run at least two replicas']);
  });

  it('the config is checked: a built-in id, a duplicate id, an expression that does not compile', () => {
    const dir = tempTree({ 'kubeproof.yaml': 'rules:\n  custom:\n  - {id: latest-tag, expression: "true"}\n  - {id: mine, expression: "true"}\n  - {id: mine, expression: "object.spec.replicas >"}\n' });
    const problems = loadConfig(dir).diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(problems).toEqual([
      '3:10 custom rule "latest-tag" has the id of a built-in rule; choose another id',
      '5:10 custom rule "mine" is defined twice',
      expect.stringMatching(/^5:28 rules\.custom\[2\]\.expression: compilation failed: ERROR: <input>:1:\d+: /),
    ]);
  });

  it("kubeproof init's commented example is a valid custom rule once uncommented", () => {
    const text = starterConfig({ kubernetesVersion: '1.35' });
    const from = text.indexOf('  # custom:');
    const to = text.indexOf('\n\n', from);
    const starter = text.slice(0, from) + text.slice(from, to).replace(/^  # /gm, '  ') + text.slice(to);
    const parsed = parseConfig(starter, '/repo/kubeproof.yaml', '/repo', knownRules());
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config?.customRules).toEqual([{ id: 'min-replicas', severity: 'error', kinds: ['Deployment'], namespaces: ['prod'], expression: 'object.spec.replicas >= 2', message: 'production deployments run at least two replicas' }]);
  });

  it('listed by `kubeproof rules`, and in SARIF rules[] when reported', async () => {
    const dir = tempTree({ 'kubeproof.yaml': CONFIG, 'a.yaml': deploy('a', 'prod', 1) });
    const listed = await runCli(['rules', '--format', 'json'], { cwd: dir });
    const mine = (JSON.parse(listed.stdout) as { id: string }[]).filter((r) => r.id === 'min-replicas' || r.id === 'team-label');
    expect(mine).toEqual([
      { id: 'min-replicas', severity: 'error', defaultSeverity: 'error', kind: 'custom', description: 'production deployments run at least two replicas', docs: 'custom rule in kubeproof.yaml' },
      { id: 'team-label', severity: 'warning', defaultSeverity: 'warning', kind: 'custom', description: "custom rule: has(object.metadata.labels) && 'team' in object.metadata.labels", docs: 'custom rule in kubeproof.yaml' },
    ]);
    const sarif = await runCli(['check', 'a.yaml', '--format', 'sarif'], { cwd: dir });
    expect(sarif.code).toBe(1);
    const rules = JSON.parse(sarif.stdout).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; helpUri?: string }[];
    const rule = rules.find((r) => r.id === 'min-replicas');
    expect(rule?.shortDescription.text).toBe('production deployments run at least two replicas');
    expect(rule?.helpUri).toBeUndefined();
  });
});
