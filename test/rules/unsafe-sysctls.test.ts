import * as rule from '../../src/rules/unsafe-sysctls.js';
import { normaliseSysctl } from '../../src/rules/unsafe-sysctls.js';
import { expect, it } from 'vitest';
import { ruleTester } from './tester.js';

const pod = (sysctls: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    sysctls:\n${sysctls}  containers: [{name: c, image: busybox:1}]\n`;
const MSG = (name: string) => `sysctl "${name}" is not in the kubelet's safe set: the pod fails with SysctlForbidden on nodes that do not allow it (--allowed-unsafe-sysctls)`;

ruleTester(rule, {
  valid: [
    { name: 'safe ones, old and new', yaml: pod('    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}\n    - {name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}\n') },
    { name: 'a safe one written with slashes', yaml: pod('    - {name: net/ipv4/tcp_syncookies, value: "1"}\n') },
    { name: 'unsafe, but the nodes allow the prefix', yaml: pod('    - {name: kernel.msgmax, value: "65536"}\n'), settings: { allowed: ['kernel.msg*'] } },
  ],
  invalid: [
    {
      name: 'each unsafe entry, at its name',
      yaml: pod('    - {name: kernel.msgmax, value: "65536"}\n    - {name: kernel.shm_rmid_forced, value: "1"}\n    - {name: net.core.somaxconn, value: "1024"}\n'),
      findings: [`7:14 ${MSG('kernel.msgmax')}`, `9:14 ${MSG('net.core.somaxconn')}`],
    },
  ],
});

it('reads slash-separated names as the kubelet does', () => {
  expect(normaliseSysctl('net/ipv4/conf/eno2.100/rp_filter')).toBe('net.ipv4.conf.eno2/100.rp_filter');
  expect(normaliseSysctl('net.ipv4.conf.eno2/100.rp_filter')).toBe('net.ipv4.conf.eno2/100.rp_filter');
});
