import { describe, expect, it } from 'vitest';
import * as hostProbes from '../../../src/policy/pod-security/host-probes-and-host-lifecycle.js';
import { levelsReporting, runCases } from './helpers.js';

const http = (host: string) => ({ httpGet: { host, port: 80 } });
const tcp = (host: string) => ({ tcpSocket: { host, port: 80 } });

// Expected strings: upstream policy/check_hostProbesAndhostLifecycle_test.go.
describe('pod security: hostProbesAndHostLifecycle', () => {
  it('names the containers and the sorted hosts', () => {
    runCases(hostProbes, [
      { name: 'valid pod', spec: { containers: [{ name: 'a', livenessProbe: http(''), readinessProbe: { exec: { command: ['true'] } } }] } },
      {
        name: 'invalid pod with local host IP as probe host',
        spec: { containers: [{ name: 'a', livenessProbe: http('127.0.0.1'), readinessProbe: tcp('::1'), startupProbe: http('localhost') }] },
        reason: 'probe or lifecycle host',
        detail: 'container "a" uses probe or lifecycle hosts "127.0.0.1", "::1", "localhost"',
        pointers: ['/spec/containers/0/livenessProbe/httpGet/host', '/spec/containers/0/readinessProbe/tcpSocket/host', '/spec/containers/0/startupProbe/httpGet/host'],
      },
      { name: 'invalid httpget host in liveness probe', spec: { containers: [{ name: 'a', livenessProbe: http('invalid.host') }] }, reason: 'probe or lifecycle host', detail: 'container "a" uses probe or lifecycle host "invalid.host"' },
      { name: 'invalid poststart tcpsocket host', spec: { containers: [{ name: 'd', lifecycle: { postStart: tcp('invalid.host') } }] }, reason: 'probe or lifecycle host', detail: 'container "d" uses probe or lifecycle host "invalid.host"' },
      { name: 'invalid prestop httpget host', spec: { containers: [{ name: 'e', lifecycle: { preStop: http('another.invalid.host') } }] }, reason: 'probe or lifecycle host', detail: 'container "e" uses probe or lifecycle host "another.invalid.host"' },
      {
        name: 'multiple containers with multiple invalid hosts',
        spec: { containers: [{ name: 'valid' }, { name: 'invalid1', livenessProbe: http('a.com') }, { name: 'invalid2', lifecycle: { preStop: tcp('b.com') }, startupProbe: http('a.com') }] },
        reason: 'probe or lifecycle host',
        detail: 'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"',
      },
      { name: 'invalid host in initcontainer', spec: { initContainers: [{ name: 'init', livenessProbe: http('invalid.init.host') }] }, reason: 'probe or lifecycle host', detail: 'container "init" uses probe or lifecycle host "invalid.init.host"' },
    ]);
  });

  it('applies at baseline and restricted from policy v1.34', () => {
    const spec = { containers: [{ name: 'a', livenessProbe: http('8.8.8.8') }] };
    expect(levelsReporting('hostProbesAndHostLifecycle', spec)).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('hostProbesAndHostLifecycle', spec, 33)).toEqual([]);
  });
});
