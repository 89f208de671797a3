import { describe, expect, it } from 'vitest';
import { binding, deployment, DEPLOYMENT_RULES, policy, policyFindings } from './helpers.js';

const ALWAYS_FAILS = `validations:\n- expression: "false"\n  message: refused`;
const BIND = binding('b', 'policyName: p\nvalidationActions: [Deny]');
const ns = (name: string, labels = '{}') => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${labels}\n`;
const cm = (name: string, namespace?: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}${namespace ? `\n  namespace: ${namespace}` : ''}\ndata: {a: b}\n`;
/** Which objects a policy with these matchConstraints refuses. */
const refused = (constraints: string, files: Record<string, string>, bind = BIND) =>
  policyFindings({ 'p.yaml': policy('p', `${constraints}\n${ALWAYS_FAILS}`), 'b.yaml': bind, ...files })
    .filter((f) => f.startsWith('admission-policy error'))
    .map((f) => f.split(' ')[2]!.replace(/:.*/, ''));

const rules = (r: string) => `matchConstraints:\n  resourceRules:\n${r.trim().split('\n').map((l) => `  ${l}`).join('\n')}`;

describe('ValidatingAdmissionPolicy: matching', () => {
  it('resource rules: apiGroups, apiVersions, resources and operations, with *', () => {
    const files = { 'd.yaml': deployment('web', 1), 'c.yaml': cm('c') };
    expect(refused(DEPLOYMENT_RULES, files)).toEqual(['d.yaml']);
    expect(refused(rules('- {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [configmaps]}'), files)).toEqual(['c.yaml']);
    expect(refused(rules('- {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}'), files)).toEqual(['c.yaml', 'd.yaml']);
    // UPDATE only: an offline input is a CREATE.
    expect(refused(rules('- {apiGroups: [apps], apiVersions: [v1], operations: [UPDATE], resources: [deployments]}'), files)).toEqual([]);
    // Another version, another group, a subresource only: no match.
    expect(refused(rules('- {apiGroups: [apps], apiVersions: [v1beta1], operations: [CREATE], resources: [deployments]}'), files)).toEqual([]);
    expect(refused(rules('- {apiGroups: [extensions], apiVersions: [v1], operations: [CREATE], resources: [deployments]}'), files)).toEqual([]);
    expect(refused(rules('- {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments/scale]}'), files)).toEqual([]);
    // `deployments/*` and `*/*` include the resource itself.
    expect(refused(rules('- {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: ["deployments/*"]}'), files)).toEqual(['d.yaml']);
    expect(refused(rules('- {apiGroups: ["*"], apiVersions: ["*"], operations: [CREATE], resources: ["*/*"]}'), files)).toEqual(['c.yaml', 'd.yaml']);
  });

  it('plural resource names: policies, ingresses, endpoints', () => {
    const np = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: {}}\n';
    const ep = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\n';
    expect(refused(rules('- {apiGroups: [networking.k8s.io], apiVersions: [v1], operations: [CREATE], resources: [networkpolicies]}'), { 'n.yaml': np, 'e.yaml': ep })).toEqual(['n.yaml']);
    expect(refused(rules('- {apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [endpoints]}'), { 'n.yaml': np, 'e.yaml': ep })).toEqual(['e.yaml']);
  });

  it('resourceNames and excludeResourceRules', () => {
    const files = { 'a.yaml': deployment('a', 1), 'b2.yaml': deployment('b', 1) };
    expect(refused(rules('- {apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments], resourceNames: [b]}'), files)).toEqual(['b2.yaml']);
    const excluding = `${DEPLOYMENT_RULES}\n  excludeResourceRules:\n  - {apiGroups: [apps], apiVersions: [v1], operations: ["*"], resources: [deployments], resourceNames: [a]}`;
    expect(refused(excluding, files)).toEqual(['b2.yaml']);
  });

  it('scope: Namespaced and Cluster', () => {
    const files = { 'c.yaml': cm('c'), 'n.yaml': ns('team'), 'r.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n' };
    const all = (scope: string) => rules(`- {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"], scope: ${scope}}`);
    expect(refused(all('Namespaced'), files)).toEqual(['c.yaml']);
    expect(refused(all('Cluster'), files)).toEqual(['n.yaml', 'r.yaml']);
    expect(refused(all('"*"'), files)).toEqual(['c.yaml', 'n.yaml', 'r.yaml']);
  });

  it('namespaceSelector: against the labels of the Namespaces among the inputs', () => {
    const constraints = `${DEPLOYMENT_RULES}\n  namespaceSelector: {matchLabels: {env: prod}}`;
    const files = { 'ns.yaml': `${ns('prod', '{env: prod}')}---\n${ns('dev', '{env: dev}')}`, 'd1.yaml': deployment('a', 1, { namespace: 'prod' }), 'd2.yaml': deployment('b', 1, { namespace: 'dev' }) };
    expect(refused(constraints, files)).toEqual(['d1.yaml']);
    const expressions = `${DEPLOYMENT_RULES}\n  namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}`;
    expect(refused(expressions, files)).toEqual(['d2.yaml']);
  });

  it('namespaceSelector: a Namespace not among the inputs is an info note, and the policy is not applied', () => {
    const constraints = `${DEPLOYMENT_RULES}\n  namespaceSelector: {matchLabels: {env: prod}}`;
    const found = policyFindings({ 'p.yaml': policy('p', `${constraints}\n${ALWAYS_FAILS}`), 'b.yaml': BIND, 'd.yaml': deployment('a', 1, { namespace: 'elsewhere' }) });
    expect(found).toEqual([`admission-policy-offline info d.yaml:5:14 Namespace "elsewhere" is not among the inputs: its labels are unknown, so the namespaceSelector of ValidatingAdmissionPolicy 'p' cannot be decided and the policy was not applied to this object`]);
  });

  it('namespaceSelector: every Namespace has kubernetes.io/metadata.name, decided even for one not among the inputs', () => {
    const constraints = `${DEPLOYMENT_RULES}\n  namespaceSelector: {matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [prod]}]}`;
    const files = { 'd1.yaml': deployment('a', 1, { namespace: 'prod' }), 'd2.yaml': deployment('b', 1, { namespace: 'dev' }) };
    expect(refused(constraints, files)).toEqual(['d1.yaml']);
    expect(refused(constraints, { ...files, 'ns.yaml': ns('prod') })).toEqual(['d1.yaml']);
  });

  it('namespaceSelector: a Namespace is matched on its own labels; cluster-scoped objects always match', () => {
    const constraints = `${rules('- {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: [namespaces, clusterroles]}')}\n  namespaceSelector: {matchLabels: {env: prod}}`;
    const files = { 'n1.yaml': ns('prod', '{env: prod}'), 'n2.yaml': ns('dev', '{env: dev}'), 'r.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n' };
    expect(refused(constraints, files)).toEqual(['n1.yaml', 'r.yaml']);
  });

  it('objectSelector: the object\'s own labels', () => {
    const constraints = `${DEPLOYMENT_RULES}\n  objectSelector: {matchLabels: {tier: web}}`;
    expect(refused(constraints, { 'a.yaml': deployment('a', 1, { labels: '{tier: web}' }), 'b2.yaml': deployment('b', 1, { labels: '{tier: db}' }) })).toEqual(['a.yaml']);
  });

  it("the binding's matchResources narrow the policy's", () => {
    const bind = binding('b', 'policyName: p\nvalidationActions: [Deny]\nmatchResources:\n  objectSelector: {matchLabels: {tier: web}}');
    expect(refused(DEPLOYMENT_RULES, { 'a.yaml': deployment('a', 1, { labels: '{tier: web}' }), 'b2.yaml': deployment('b', 1) }, bind)).toEqual(['a.yaml']);
    const byNamespace = binding('b', 'policyName: p\nvalidationActions: [Deny]\nmatchResources:\n  namespaceSelector: {matchLabels: {env: prod}}');
    expect(refused(DEPLOYMENT_RULES, { 'ns.yaml': ns('prod', '{env: prod}'), 'a.yaml': deployment('a', 1, { namespace: 'prod' }), 'b2.yaml': deployment('b', 1, { namespace: 'prod2' }) }, byNamespace)).toEqual(['a.yaml']);
  });

  it('policies and bindings are exempt from admission themselves', () => {
    const everything = rules('- {apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}');
    expect(refused(everything, {})).toEqual([]);
  });

  it('matchConditions: all must be true for the policy to apply', () => {
    const withConditions = (conditions: string) => `${DEPLOYMENT_RULES}\nmatchConditions:\n${conditions}`;
    const files = { 'a.yaml': deployment('a', 1, { labels: '{tier: web}' }), 'b2.yaml': deployment('b', 1) };
    expect(refused(withConditions("- {name: web, expression: \"has(object.metadata.labels) && object.metadata.labels.tier == 'web'\"}"), files)).toEqual(['a.yaml']);
    expect(refused(withConditions("- {name: yes, expression: 'true'}\n- {name: no, expression: 'false'}"), files)).toEqual([]);
  });
});
