import { describe, expect, it } from 'vitest';
import * as capabilitiesBaseline from '../../../src/policy/pod-security/capabilities-baseline.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_capabilities_baseline_test.go.
describe('pod security: capabilities_baseline', () => {
  it('names the containers and the sorted capabilities beyond the default set', () => {
    runCases(capabilitiesBaseline, [
      {
        name: 'multiple containers',
        spec: {
          containers: containers(
            ['a', { capabilities: { add: ['FOO', 'BAR'] } }],
            ['b', { capabilities: { add: ['BAR', 'BAZ'] } }],
            ['c', { capabilities: { add: ['CHOWN'] } }],
          ),
        },
        reason: 'non-default capabilities',
        detail: 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
        pointers: ['/spec/containers/0/securityContext/capabilities/add/0', '/spec/containers/0/securityContext/capabilities/add/1', '/spec/containers/1/securityContext/capabilities/add/0', '/spec/containers/1/securityContext/capabilities/add/1'],
      },
      { name: 'NET_RAW is not in the default set', spec: { containers: containers(['a', { capabilities: { add: ['NET_RAW'] } }]) }, reason: 'non-default capabilities', detail: 'container "a" must not include "NET_RAW" in securityContext.capabilities.add' },
      { name: 'default set', spec: { containers: containers(['a', { capabilities: { add: ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'] } }]) } },
    ]);
  });

  it('applies at baseline; restricted replaces it with capabilities_restricted from v1.22', () => {
    const spec = { containers: containers(['a', { capabilities: { add: ['NET_ADMIN'] } }]) };
    expect(levelsReporting('capabilities_baseline', spec)).toEqual(['baseline']);
    expect(levelsReporting('capabilities_restricted', spec)).toEqual(['restricted']);
    expect(levelsReporting('capabilities_baseline', spec, 21)).toEqual(['baseline', 'restricted']);
  });
});
