import { describe, expect, it } from 'vitest';
import * as windowsHostProcess from '../../../src/policy/pod-security/windows-host-process.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_windowsHostProcess_test.go.
describe('pod security: windowsHostProcess', () => {
  it('names the pod and the containers', () => {
    runCases(windowsHostProcess, [
      {
        name: 'host process',
        spec: {
          securityContext: { windowsOptions: { hostProcess: true } },
          containers: containers(['a'], ['b', {}], ['c', { windowsOptions: {} }], ['d', { windowsOptions: { hostProcess: false } }], ['e', { windowsOptions: { hostProcess: true } }], ['f', { windowsOptions: { hostProcess: true } }]),
        },
        reason: 'hostProcess',
        detail: 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true',
        pointers: ['/spec/securityContext/windowsOptions/hostProcess', '/spec/containers/4/securityContext/windowsOptions/hostProcess', '/spec/containers/5/securityContext/windowsOptions/hostProcess'],
      },
      { name: 'container only', spec: { containers: containers(['w', { windowsOptions: { hostProcess: true } }]) }, reason: 'hostProcess', detail: 'container "w" must not set securityContext.windowsOptions.hostProcess=true' },
    ]);
  });

  it('applies at baseline and restricted', () => {
    expect(levelsReporting('windowsHostProcess', { securityContext: { windowsOptions: { hostProcess: true } } })).toEqual(['baseline', 'restricted']);
  });
});
