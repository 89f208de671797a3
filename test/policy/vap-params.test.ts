import { describe, expect, it } from 'vitest';
import { binding, deployment, DEPLOYMENT_RULES, policy, policyFindings } from './helpers.js';

const LIMIT = policy('limit', `${DEPLOYMENT_RULES}
paramKind: {apiVersion: v1, kind: ConfigMap}
validations:
- expression: "object.spec.replicas <= int(params.data.max)"
  messageExpression: "'replicas must be no more than ' + params.data.max"`);
const limits = (name: string, max: number, namespace = 'default', labels = '{}') => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\n  labels: ${labels}\ndata: {max: "${max}"}\n`;
const bind = (paramRef: string) => binding('b', `policyName: limit\nvalidationActions: [Deny]\nparamRef: ${paramRef}`);
const messages = (files: Record<string, string>) => policyFindings({ 'p.yaml': LIMIT, ...files }).map((f) => f.replace(/^(\S+ \S+) \S+ /, '$1 '));

describe('ValidatingAdmissionPolicy: params', () => {
  it('paramRef by name, in the object\'s namespace', () => {
    expect(messages({ 'b.yaml': bind('{name: limits, parameterNotFoundAction: Deny}'), 'c.yaml': limits('limits', 3), 'd.yaml': deployment('web', 5) })).toEqual([
      "admission-policy error ValidatingAdmissionPolicy 'limit' with binding 'b' denied request: replicas must be no more than 3",
    ]);
    expect(messages({ 'b.yaml': bind('{name: limits, parameterNotFoundAction: Deny}'), 'c.yaml': limits('limits', 9), 'd.yaml': deployment('web', 5) })).toEqual([]);
  });

  it('paramRef.namespace picks the params\' namespace', () => {
    const files = { 'c1.yaml': limits('limits', 3, 'policies'), 'c2.yaml': limits('limits', 9, 'team'), 'd.yaml': deployment('web', 5, { namespace: 'team' }) };
    expect(messages({ 'b.yaml': bind('{name: limits, namespace: policies, parameterNotFoundAction: Deny}'), ...files })).toHaveLength(1);
    expect(messages({ 'b.yaml': bind('{name: limits, parameterNotFoundAction: Deny}'), ...files })).toEqual([]);
  });

  it('paramRef by selector: one evaluation per param', () => {
    const files = { 'c1.yaml': limits('a', 3, 'default', '{policy: limit}'), 'c2.yaml': limits('b', 4, 'default', '{policy: limit}'), 'c3.yaml': limits('c', 1, 'default', '{policy: other}'), 'd.yaml': deployment('web', 5) };
    expect(messages({ 'b.yaml': bind('{selector: {matchLabels: {policy: limit}}, parameterNotFoundAction: Deny}'), ...files })).toEqual([
      "admission-policy error ValidatingAdmissionPolicy 'limit' with binding 'b' denied request: replicas must be no more than 3",
      "admission-policy error ValidatingAdmissionPolicy 'limit' with binding 'b' denied request: replicas must be no more than 4",
    ]);
  });

  it('parameterNotFoundAction: Deny refuses with the API server\'s message; Allow skips the policy', () => {
    expect(messages({ 'b.yaml': bind('{name: missing, parameterNotFoundAction: Deny}'), 'd.yaml': deployment('web', 5) })).toEqual([
      "admission-policy error ValidatingAdmissionPolicy 'limit' with binding 'b' denied request: failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction",
    ]);
    expect(messages({ 'b.yaml': bind('{name: missing, parameterNotFoundAction: Allow}'), 'd.yaml': deployment('web', 5) })).toEqual([]);
  });

  it('a binding without paramRef evaluates with params null', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nparamKind: {apiVersion: v1, kind: ConfigMap}\nvalidations:\n- expression: "params == null"\n  message: has params`);
    expect(messages({ 'p2.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 5) })).toEqual([]);
  });

  it('a cluster-scoped paramKind must not be given a namespace', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nparamKind: {apiVersion: scheduling.k8s.io/v1, kind: PriorityClass}\nvalidations:\n- expression: "true"`);
    const b = binding('b', 'policyName: p\nvalidationActions: [Deny]\nparamRef: {name: high, namespace: x, parameterNotFoundAction: Deny}');
    expect(messages({ 'p2.yaml': p, 'b.yaml': b, 'd.yaml': deployment('web', 5) })).toEqual([
      "admission-policy error ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed to configure binding: paramRef.namespace must not be provided for a cluster-scoped `paramKind`",
    ]);
  });
});
