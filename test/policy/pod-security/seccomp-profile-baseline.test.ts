import { describe, expect, it } from 'vitest';
import * as seccompBaseline from '../../../src/policy/pod-security/seccomp-profile-baseline.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_seccompProfile_baseline_test.go.
describe('pod security: seccompProfile_baseline', () => {
  it('forbids Unconfined in the fields from v1.19', () => {
    runCases(seccompBaseline, [
      {
        name: 'pod and containers seccomp invalid',
        spec: {
          securityContext: { seccompProfile: { type: 'Unconfined' } },
          containers: containers(['a'], ['b', {}], ['c', { seccompProfile: { type: 'Unconfined' } }], ['d', { seccompProfile: { type: 'Unconfined' } }], ['e', { seccompProfile: { type: 'RuntimeDefault' } }], ['f', { seccompProfile: { type: 'RuntimeDefault' } }]),
        },
        reason: 'seccompProfile',
        detail: 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"',
        pointers: ['/spec/securityContext/seccompProfile/type', '/spec/containers/2/securityContext/seccompProfile/type', '/spec/containers/3/securityContext/seccompProfile/type'],
      },
      { name: 'unset is fine at baseline', spec: { containers: containers(['a']) } },
    ]);
  });

  it('reads the alpha annotations before v1.19', () => {
    runCases(seccompBaseline, [
      {
        name: 'annotations',
        version: 18,
        spec: { containers: containers(['a'], ['b']) },
        annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'docker/default', 'container.seccomp.security.alpha.kubernetes.io/b': 'unconfined' },
        reason: 'seccompProfile',
        detail: 'forbidden annotations container.seccomp.security.alpha.kubernetes.io/b="unconfined", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
      },
      { name: 'fields ignored before v1.19', version: 18, spec: { securityContext: { seccompProfile: { type: 'Unconfined' } } } },
    ]);
  });

  it('applies at baseline; restricted replaces it with seccompProfile_restricted from v1.19', () => {
    const spec = { securityContext: { seccompProfile: { type: 'Unconfined' } } };
    expect(levelsReporting('seccompProfile_baseline', spec)).toEqual(['baseline']);
    expect(levelsReporting('seccompProfile_restricted', spec)).toEqual(['restricted']);
    const annotated = { containers: containers(['a']) };
    expect(levelsReporting('seccompProfile_baseline', annotated, 18, { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' })).toEqual(['baseline', 'restricted']);
  });
});
