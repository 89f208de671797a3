import { describe, expect, it } from 'vitest';
import * as seccompRestricted from '../../../src/policy/pod-security/seccomp-profile-restricted.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_seccompProfile_restricted_test.go.
describe('pod security: seccompProfile_restricted', () => {
  it('requires RuntimeDefault or Localhost on the pod or every container', () => {
    runCases(seccompRestricted, [
      { name: 'no explicit seccomp', spec: { containers: containers(['a']) }, reason: 'seccompProfile', detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"', pointers: ['/spec/containers/0/securityContext/seccompProfile/type'] },
      { name: 'pod seccomp invalid', spec: { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: containers(['a']) }, reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
      {
        name: 'containers seccomp invalid',
        spec: {
          securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
          containers: containers(['a'], ['b', {}], ['c', { seccompProfile: { type: 'Unconfined' } }], ['d', { seccompProfile: { type: 'Unconfined' } }], ['e', { seccompProfile: { type: 'RuntimeDefault' } }], ['f', { seccompProfile: { type: 'RuntimeDefault' } }]),
        },
        reason: 'seccompProfile',
        detail: 'containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
      },
      {
        name: 'pod nil, container fallthrough',
        spec: { containers: containers(['a'], ['b', {}], ['d', { seccompProfile: { type: 'RuntimeDefault' } }], ['e', { seccompProfile: { type: 'RuntimeDefault' } }]) },
        reason: 'seccompProfile',
        detail: 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      },
      { name: 'pod level covers containers', spec: { securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'p.json' } }, containers: containers(['a']) } },
      { name: 'windows pod', spec: { os: { name: 'windows' }, containers: containers(['a']) } },
    ]);
  });

  it('is restricted only, from policy v1.19', () => {
    const spec = { containers: containers(['a']) };
    expect(levelsReporting('seccompProfile_restricted', spec)).toEqual(['restricted']);
    expect(levelsReporting('seccompProfile_restricted', spec, 18)).toEqual([]);
  });
});
