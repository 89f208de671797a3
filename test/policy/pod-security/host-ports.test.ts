import { describe, expect, it } from 'vitest';
import * as hostPorts from '../../../src/policy/pod-security/host-ports.js';
import { levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_hostPorts_test.go.
describe('pod security: hostPorts', () => {
  it('names the containers and the host ports', () => {
    runCases(hostPorts, [
      {
        name: 'one container, one host port',
        spec: { containers: [{ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 20 }] }] },
        reason: 'hostPort',
        detail: 'container "b" uses hostPort 20',
        pointers: ['/spec/containers/1/ports/1/hostPort'],
      },
      {
        name: 'multiple containers, multiple host port',
        spec: { containers: [{ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 20 }] }, { name: 'c', ports: [{ hostPort: 0 }, { hostPort: 10 }, { hostPort: 30 }] }] },
        reason: 'hostPort',
        detail: 'containers "b", "c" use hostPorts 10, 20, 30',
      },
      // A set of strings upstream: "8080" sorts before "9".
      { name: 'sorted as text', spec: { containers: [{ name: 'a', ports: [{ hostPort: 9 }, { hostPort: 8080 }] }] }, reason: 'hostPort', detail: 'container "a" uses hostPorts 8080, 9' },
    ]);
  });

  it('applies at baseline and restricted', () => {
    expect(levelsReporting('hostPorts', { containers: [{ name: 'a', ports: [{ hostPort: 80 }] }] })).toEqual(['baseline', 'restricted']);
  });
});
