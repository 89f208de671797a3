import { describe, expect, it } from 'vitest';
import * as sysctls from '../../../src/policy/pod-security/sysctls.js';
import { levelsReporting, runCases } from './helpers.js';

const named = (...names: string[]) => ({ securityContext: { sysctls: names.map((name) => ({ name, value: '1' })) } });

// Expected strings: upstream policy/check_sysctls_test.go.
describe('pod security: sysctls', () => {
  it('lists the forbidden sysctls in the order of the pod', () => {
    runCases(sysctls, [
      { name: 'forbidden sysctls', spec: named('a', 'b'), reason: 'forbidden sysctls', detail: 'a, b', pointers: ['/spec/securityContext/sysctls/0/name', '/spec/securityContext/sysctls/1/name'] },
      { name: 'new supported sysctls not supported: net.ipv4.ip_local_reserved_ports', version: 26, spec: named('net.ipv4.ip_local_reserved_ports'), reason: 'forbidden sysctls', detail: 'net.ipv4.ip_local_reserved_ports' },
      { name: 'supported at v1.27', version: 27, spec: named('net.ipv4.ip_local_reserved_ports') },
      { name: 'tcp_keepalive_time before v1.29', version: 28, spec: named('net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'), reason: 'forbidden sysctls', detail: 'net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes' },
      { name: 'keepalive at v1.29', version: 29, spec: named('net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes') },
      { name: 'tcp_rmem before v1.32', version: 31, spec: named('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'), reason: 'forbidden sysctls', detail: 'net.ipv4.tcp_rmem, net.ipv4.tcp_wmem' },
      { name: 'tcp_rmem at v1.32', version: 32, spec: named('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem') },
      { name: 'the v1.0 five', version: 0, spec: named('kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start') },
    ]);
  });

  it('applies at baseline and restricted, at the pinned version', () => {
    expect(levelsReporting('sysctls', named('kernel.msgmax'))).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('sysctls', named('net.ipv4.tcp_rmem'), 31)).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('sysctls', named('net.ipv4.tcp_rmem'), 'latest')).toEqual([]);
  });
});
