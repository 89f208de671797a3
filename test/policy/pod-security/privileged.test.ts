import { describe, expect, it } from 'vitest';
import * as privileged from '../../../src/policy/pod-security/privileged.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_privileged_test.go.
describe('pod security: privileged', () => {
  it("words a privileged container as the controller does", () => {
    runCases(privileged, [
      {
        name: 'multiple containers',
        spec: { containers: containers(['a'], ['b', { privileged: null }], ['c', { privileged: false }], ['d', { privileged: true }], ['e', { privileged: true }]) },
        reason: 'privileged',
        detail: 'containers "d", "e" must not set securityContext.privileged=true',
        pointers: ['/spec/containers/3/securityContext/privileged', '/spec/containers/4/securityContext/privileged'],
      },
      { name: 'one init container', spec: { initContainers: containers(['i', { privileged: true }]), containers: containers(['a']) }, reason: 'privileged', detail: 'container "i" must not set securityContext.privileged=true' },
      { name: 'not privileged', spec: { containers: containers(['a', { privileged: false }]) } },
    ]);
  });

  it('is a baseline check, so restricted runs it too', () => {
    const spec = { containers: containers(['a', { privileged: true }]) };
    expect(levelsReporting('privileged', spec)).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('privileged', spec, 0)).toEqual(['baseline', 'restricted']);
  });
});
