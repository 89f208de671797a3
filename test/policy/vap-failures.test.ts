import { describe, expect, it } from 'vitest';
import { binding, deployment, DEPLOYMENT_RULES, policy, policyFindings } from './helpers.js';

const BIND = binding('b', 'policyName: p\nvalidationActions: [Deny]');
const run = (spec: string, d = deployment('web', 1)) => policyFindings({ 'p.yaml': policy('p', `${DEPLOYMENT_RULES}\n${spec}`), 'b.yaml': BIND, 'd.yaml': d });

describe('ValidatingAdmissionPolicy: errors, failurePolicy and what is unknown offline', () => {
  it('failurePolicy Fail (the default): a runtime error refuses, in the API server\'s words', () => {
    // The field it reads does not exist: the finding is at the nearest parent there is, spec.
    expect(run('validations:\n- expression: "object.spec.missing.x == 1"')).toEqual([
      "admission-policy error d.yaml:5:1 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression 'object.spec.missing.x == 1' resulted in error: no such key: missing",
    ]);
  });

  it('failurePolicy Ignore: a runtime error admits; a failed validation still refuses', () => {
    expect(run('failurePolicy: Ignore\nvalidations:\n- expression: "object.spec.missing.x == 1"')).toEqual([]);
    expect(run('failurePolicy: Ignore\nvalidations:\n- expression: "object.spec.replicas > 3"')).toHaveLength(1);
  });

  it('matchConditions errors: Fail refuses, Ignore skips the policy', () => {
    const conditions = 'matchConditions:\n- {name: broken, expression: "object.nope == 1"}\nvalidations:\n- expression: "true"';
    expect(run(conditions)).toEqual([
      "admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression 'object.nope == 1' resulted in error: no such key: nope",
    ]);
    expect(run(`failurePolicy: Ignore\n${conditions}`)).toEqual([]);
    // A false condition wins over an error: the policy does not apply.
    expect(run('matchConditions:\n- {name: broken, expression: "object.nope == 1"}\n- {name: no, expression: "false"}\nvalidations:\n- expression: "false"')).toEqual([]);
  });

  it('a variable that fails to evaluate fails its readers', () => {
    const found = run('variables:\n- {name: bad, expression: "object.nope"}\nvalidations:\n- expression: "variables.bad == 1"');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`denied request: expression 'variables.bad == 1' resulted in error: composited variable "bad" fails to evaluate: no such key: nope`);
  });

  it('an expression that does not compile: a finding at it in the policy, not a crash; the others still run', () => {
    const found = run('validations:\n- expression: "object.spec.replicas >"\n- expression: "object.spec.replicas < 0"\n  message: negative?');
    expect(found).toEqual([
      "admission-policy error d.yaml:6:13 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: negative?",
      expect.stringMatching(/^invalid-admission-policy error p\.yaml:13:17 compilation failed: ERROR: <input>:1:\d+: /),
    ]);
  });

  it('request.userInfo and authorizer: an info note at the expression, and the validation is not evaluated', () => {
    const found = run(`validations:
- expression: "request.userInfo.username == 'admin'"
- expression: "authorizer.group('apps').resource('deployments').check('delete').allowed()"
- expression: "false"
  message: evaluated`);
    expect(found).toEqual([
      "admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: evaluated",
      "admission-policy-offline info p.yaml:13:17 ValidatingAdmissionPolicy 'p' reads request.userInfo, which is not known offline: the expression is not evaluated",
      "admission-policy-offline info p.yaml:14:17 ValidatingAdmissionPolicy 'p' calls the authorizer, which is not available offline: the expression is not evaluated",
    ]);
  });

  it('through a variable: noted once, at the variable', () => {
    const found = run(`variables:
- {name: user, expression: "request.userInfo.username"}
validations:
- expression: "variables.user != 'admin'"
- expression: "variables.user.startsWith('system:')"`);
    expect(found).toEqual(["admission-policy-offline info p.yaml:13:30 ValidatingAdmissionPolicy 'p' reads request.userInfo, which is not known offline: the expression is not evaluated"]);
  });

  it('oldObject: null offline (a CREATE), evaluated, and said once', () => {
    const found = run('validations:\n- expression: "oldObject == null || object.spec.replicas >= oldObject.spec.replicas"\n- expression: "oldObject != null"\n  message: no old object');
    expect(found).toEqual([
      "admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: no old object",
      "admission-policy-offline info p.yaml:13:17 ValidatingAdmissionPolicy 'p' reads oldObject, which is null offline: every input is checked as a CREATE",
    ]);
  });

  it('namespaceObject: the Namespace among the inputs', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels: {owner: a}\n';
    const spec = 'validations:\n- expression: "namespaceObject.metadata.labels.owner == \'b\'"\n  message: wrong owner';
    expect(policyFindings({ 'p.yaml': policy('p', `${DEPLOYMENT_RULES}\n${spec}`), 'b.yaml': BIND, 'n.yaml': ns, 'd.yaml': deployment('web', 1, { namespace: 'team' }) })).toEqual([
      "admission-policy error d.yaml:4:9 ValidatingAdmissionPolicy 'p' with binding 'b' denied request: wrong owner",
    ]);
  });
});
