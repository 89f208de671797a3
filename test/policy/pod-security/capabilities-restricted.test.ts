import { describe, expect, it } from 'vitest';
import * as capabilitiesRestricted from '../../../src/policy/pod-security/capabilities-restricted.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_capabilities_restricted_test.go.
describe('pod security: capabilities_restricted', () => {
  it('requires drop ALL and allows adding only NET_BIND_SERVICE', () => {
    runCases(capabilitiesRestricted, [
      {
        name: 'multiple containers',
        spec: {
          containers: containers(
            ['a', { capabilities: { add: ['FOO', 'BAR'] } }],
            ['b', { capabilities: { add: ['BAR', 'BAZ'] } }],
            ['c', { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } }],
          ),
        },
        reason: 'unrestricted capabilities',
        detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
      },
      { name: 'no securityContext', spec: { containers: containers(['app']) }, reason: 'unrestricted capabilities', detail: 'container "app" must set securityContext.capabilities.drop=["ALL"]', pointers: ['/spec/containers/0/securityContext/capabilities/drop'] },
      { name: 'drop ALL, add NET_BIND_SERVICE', spec: { containers: containers(['a', { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] } }]) } },
      { name: 'windows pod from v1.25', spec: { os: { name: 'windows' }, containers: containers(['a']) } },
    ]);
  });

  it('is restricted only, from policy v1.22', () => {
    const spec = { containers: containers(['a']) };
    expect(levelsReporting('capabilities_restricted', spec)).toEqual(['restricted']);
    expect(levelsReporting('capabilities_restricted', spec, 21)).toEqual([]);
  });
});
