import { describe, expect, it } from 'vitest';
import * as runAsUser from '../../../src/policy/pod-security/run-as-user.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_runAsUser_test.go.
describe('pod security: runAsUser', () => {
  it('names the pod and the containers that run as UID 0', () => {
    runCases(runAsUser, [
      {
        name: 'pod runAsUser=0',
        spec: { securityContext: { runAsUser: 0 }, containers: containers(['a']) },
        reason: 'runAsUser=0',
        detail: 'pod must not set runAsUser=0',
        pointers: ['/spec/securityContext/runAsUser'],
      },
      {
        name: 'containers runAsUser=0',
        spec: { securityContext: { runAsUser: 1000 }, containers: containers(['a', { runAsUser: 0 }], ['b', { runAsUser: 0 }], ['c', { runAsUser: 1 }], ['e'], ['f', {}]) },
        reason: 'runAsUser=0',
        detail: 'containers "a", "b" must not set runAsUser=0',
      },
      { name: 'pod and container', spec: { securityContext: { runAsUser: 0 }, containers: containers(['a', { runAsUser: 0 }]) }, reason: 'runAsUser=0', detail: 'pod and container "a" must not set runAsUser=0' },
      { name: 'unset is allowed', spec: { containers: containers(['a']) } },
      { name: 'user namespace, v1.35', spec: { hostUsers: false, securityContext: { runAsUser: 0 } } },
    ]);
  });

  it('is restricted only, from policy v1.23', () => {
    const spec = { securityContext: { runAsUser: 0 } };
    expect(levelsReporting('runAsUser', spec)).toEqual(['restricted']);
    expect(levelsReporting('runAsUser', spec, 22)).toEqual([]);
  });
});
