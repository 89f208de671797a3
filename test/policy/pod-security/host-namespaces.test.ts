import { describe, expect, it } from 'vitest';
import * as hostNamespaces from '../../../src/policy/pod-security/host-namespaces.js';
import { levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_hostNamespaces_test.go.
describe('pod security: hostNamespaces', () => {
  it('lists the host namespaces in upstream order: network, PID, IPC', () => {
    runCases(hostNamespaces, [
      { name: 'host network', spec: { hostNetwork: true }, reason: 'host namespaces', detail: 'hostNetwork=true', pointers: ['/spec/hostNetwork'] },
      { name: 'host pid', spec: { hostPID: true }, reason: 'host namespaces', detail: 'hostPID=true' },
      { name: 'host ipc', spec: { hostIPC: true }, reason: 'host namespaces', detail: 'hostIPC=true' },
      { name: 'all', spec: { hostNetwork: true, hostPID: true, hostIPC: true }, reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true, hostIPC=true', pointers: ['/spec/hostNetwork', '/spec/hostPID', '/spec/hostIPC'] },
      { name: 'false', spec: { hostNetwork: false, hostPID: false } },
    ]);
  });

  it('applies at baseline and restricted', () => {
    expect(levelsReporting('hostNamespaces', { hostNetwork: true })).toEqual(['baseline', 'restricted']);
  });
});
