import { describe, expect, it } from 'vitest';
import { binding, deployment, DEPLOYMENT_RULES, policy, policyFindings } from './helpers.js';

const maxReplicas = (extra = '') => policy('max-replicas', `${DEPLOYMENT_RULES}
validations:
- expression: "object.spec.replicas <= 5"
  message: "replicas must be no more than 5"${extra}`);

describe('ValidatingAdmissionPolicy: validations and actions', () => {
  it('Deny: an error in the API server\'s words, at the field the expression reads', () => {
    const found = policyFindings({ 'p.yaml': maxReplicas(), 'b.yaml': binding('max-replicas-b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) });
    expect(found).toEqual(["admission-policy error d.yaml:6:13 ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas-b' denied request: replicas must be no more than 5"]);
  });

  it('admits what passes', () => {
    expect(policyFindings({ 'p.yaml': maxReplicas(), 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 3) })).toEqual([]);
  });

  it('Warn: a warning worded as the API server\'s warning', () => {
    for (const actions of ['[Warn]', '[Warn, Audit]']) {
      const found = policyFindings({ 'p.yaml': maxReplicas(), 'b.yaml': binding('b', `policyName: max-replicas\nvalidationActions: ${actions}`), 'd.yaml': deployment('web', 7) });
      expect(found).toEqual(["admission-policy warning d.yaml:6:13 Validation failed for ValidatingAdmissionPolicy 'max-replicas' with binding 'b': replicas must be no more than 5"]);
    }
  });

  it('Audit only: the API server admits and writes an audit annotation; the finding says so, not what a warning would say', () => {
    const found = policyFindings({ 'p.yaml': maxReplicas(), 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Audit]'), 'd.yaml': deployment('web', 7) });
    expect(found).toEqual([
      "admission-policy warning d.yaml:6:13 ValidatingAdmissionPolicy 'max-replicas' with binding 'b' would write audit annotation validation.policy.admission.k8s.io/validation_failure (validationActions Audit: admitted, not shown to the client): replicas must be no more than 5",
    ]);
  });

  it('a policy without a binding is not enforced; a binding of another policy does not bind it', () => {
    expect(policyFindings({ 'p.yaml': maxReplicas(), 'b.yaml': binding('b', 'policyName: other\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) })).toEqual([]);
  });

  it('no message: "failed expression: <expression>"; an expression reading several fields points at the name', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nvalidations:\n- expression: "object.spec.replicas <= 5 || object.metadata.name == 'x'"`);
    const found = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) });
    expect(found).toEqual(["admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed expression: object.spec.replicas <= 5 || object.metadata.name == 'x'"]);
  });

  it('messageExpression wins; a blank, multi-line or failing one falls back to message, then to the expression', () => {
    const run = (messageExpression: string, message = '') => {
      const p = policy('p', `${DEPLOYMENT_RULES}\nvalidations:\n- expression: "object.spec.replicas <= 5"\n  messageExpression: ${JSON.stringify(messageExpression)}${message ? `\n  message: ${message}` : ''}`);
      return policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) })[0]!.replace(/^.*denied request: /, '');
    };
    expect(run("'replicas ' + string(object.spec.replicas) + ' > 5'")).toBe('replicas 7 > 5');
    expect(run("'  padded  '")).toBe('padded');
    expect(run("'   '", 'too many')).toBe('too many');
    expect(run("'a\\nb'", 'too many')).toBe('too many');
    expect(run('object.spec.nope', 'too many')).toBe('too many');
    expect(run('42', 'too many')).toBe('too many');
    expect(run("''")).toBe('failed expression: object.spec.replicas <= 5');
  });

  it('reason: a field of the refusal\'s Status, not of its message; the default Invalid is not shown, another is, as the status; a warning has none', () => {
    const p = maxReplicas('\n  reason: Forbidden');
    const deny = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) });
    expect(deny).toEqual(["admission-policy error d.yaml:6:13 ValidatingAdmissionPolicy 'max-replicas' with binding 'b' denied request: replicas must be no more than 5 [status Forbidden, HTTP 403]"]);
    const tooLarge = policyFindings({ 'p.yaml': maxReplicas('\n  reason: RequestEntityTooLarge'), 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) });
    expect(tooLarge[0]).toMatch(/no more than 5 \[status RequestEntityTooLarge, HTTP 413\]$/);
    const warn = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Warn]'), 'd.yaml': deployment('web', 7) });
    expect(warn).toEqual(["admission-policy warning d.yaml:6:13 Validation failed for ValidatingAdmissionPolicy 'max-replicas' with binding 'b': replicas must be no more than 5"]);
  });

  it('a reason the API server does not accept makes the policy invalid, in its words', () => {
    const found = policyFindings({ 'p.yaml': maxReplicas('\n  reason: Unauthorized'), 'b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 3) });
    expect(found).toEqual(['invalid-admission-policy error p.yaml:15:13 Unsupported value: "Unauthorized": supported values: "Forbidden", "Invalid", "RequestEntityTooLarge"']);
  });

  it('every failing validation is reported, not only the first', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nvalidations:\n- expression: "object.spec.replicas <= 5"\n- expression: "object.metadata.name.startsWith('app-')"`);
    const found = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 7) });
    expect(found).toEqual([
      "admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed expression: object.metadata.name.startsWith('app-')",
      "admission-policy error d.yaml:6:13 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: failed expression: object.spec.replicas <= 5",
    ]);
  });

  it('variables: variables.<name>, evaluated from object, read by validations and other variables', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}
variables:
- name: containers
  expression: "object.spec.template.spec.containers"
- name: untagged
  expression: "variables.containers.filter(c, !c.image.contains(':')).map(c, c.name)"
validations:
- expression: "size(variables.untagged) == 0"
  messageExpression: "'untagged images in: ' + variables.untagged.join(', ')"`);
    const d = deployment('web', 1).replace('nginx:1.27', 'nginx');
    const found = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': d });
    expect(found).toEqual(["admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: untagged images in: app"]);
  });

  it('variables: reading an undeclared or a later variable does not compile, as in the composited compiler', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}
variables:
- name: a
  expression: "variables.b + 1"
- name: b
  expression: "object.spec.replicas"
validations:
- expression: "variables.b < 9 && variables.nope == 1"`);
    const found = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 1) });
    expect(found).toEqual([
      "invalid-admission-policy error p.yaml:14:17 compilation failed: ERROR: <input>:1:10: undefined field 'b'",
      "invalid-admission-policy error p.yaml:18:17 compilation failed: ERROR: <input>:1:29: undefined field 'nope'",
    ]);
  });

  it('params is declared only with a paramKind, authorizer never in a messageExpression, as the API server compiles them', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}
validations:
- expression: "object.spec.replicas <= params.max"
- expression: "object.spec.replicas <= 5"
  messageExpression: "authorizer.group('apps').resource('deployments').check('create').reason()"`);
    const found = policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 1) });
    expect(found).toEqual([
      "invalid-admission-policy error p.yaml:13:17 compilation failed: ERROR: <input>:1:25: undeclared reference to 'params' (in container '')",
      "invalid-admission-policy error p.yaml:15:24 compilation failed: ERROR: <input>:1:1: undeclared reference to 'authorizer' (in container '')",
    ]);
  });

  it('request: kind, resource, namespace, name and operation CREATE are known', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nvalidations:\n- expression: "request.operation == 'CREATE' && request.kind.kind == 'Deployment' && request.resource.resource == 'deployments' && request.resource.group == 'apps' && request.namespace == 'team' && request.name == 'web'"`);
    expect(policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 1, { namespace: 'team' }) })).toEqual([]);
  });

  it('a namespaced object without metadata.namespace is admitted into default, with the namespace filled in', () => {
    const p = policy('p', `${DEPLOYMENT_RULES}\nvalidations:\n- expression: "object.metadata.namespace == 'default' && request.namespace == 'default'"`);
    expect(policyFindings({ 'p.yaml': p, 'b.yaml': binding('b', 'policyName: p\nvalidationActions: [Deny]'), 'd.yaml': deployment('web', 1) })).toEqual([]);
  });

  it('policies given with --policies apply to the inputs and are not checked themselves', () => {
    const found = policyFindings({ 'policies/p.yaml': maxReplicas(), 'policies/b.yaml': binding('b', 'policyName: max-replicas\nvalidationActions: [Deny]'), 'app/d.yaml': deployment('web', 9) }, ['app'], { policyPaths: ['policies'] });
    expect(found).toEqual(["admission-policy error app/d.yaml:6:13 ValidatingAdmissionPolicy 'max-replicas' with binding 'b' denied request: replicas must be no more than 5"]);
  });
});
