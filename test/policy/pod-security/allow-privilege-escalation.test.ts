import { describe, expect, it } from 'vitest';
import * as ape from '../../../src/policy/pod-security/allow-privilege-escalation.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_allowPrivilegeEscalation_test.go.
describe('pod security: allowPrivilegeEscalation', () => {
  it('names every container that does not set it to false', () => {
    runCases(ape, [
      {
        name: 'multiple containers',
        spec: { containers: containers(['a'], ['b', {}], ['c', { allowPrivilegeEscalation: true }], ['d', { allowPrivilegeEscalation: false }]) },
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false',
        pointers: ['/spec/containers/0/securityContext/allowPrivilegeEscalation', '/spec/containers/1/securityContext/allowPrivilegeEscalation', '/spec/containers/2/securityContext/allowPrivilegeEscalation'],
      },
      { name: 'windows pod from v1.25', spec: { os: { name: 'windows' }, containers: containers(['a']) } },
      { name: 'windows pod before v1.25', version: 24, spec: { os: { name: 'windows' }, containers: containers(['a']) }, reason: 'allowPrivilegeEscalation != false', detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false' },
    ]);
  });

  it('is restricted only, from policy v1.8', () => {
    const spec = { containers: containers(['app']) };
    expect(levelsReporting('allowPrivilegeEscalation', spec)).toEqual(['restricted']);
    expect(levelsReporting('allowPrivilegeEscalation', spec, 7)).toEqual([]);
    expect(levelsReporting('allowPrivilegeEscalation', spec, 8)).toEqual(['restricted']);
  });
});
