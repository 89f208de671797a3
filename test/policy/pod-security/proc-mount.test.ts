import { describe, expect, it } from 'vitest';
import * as procMount from '../../../src/policy/pod-security/proc-mount-baseline.js';
import * as procMountRestricted from '../../../src/policy/pod-security/proc-mount-restricted.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_procMount_baseline.go and its test.
describe('pod security: procMount and procMount_restricted', () => {
  const unmasked = { containers: containers(['a'], ['b', { procMount: 'Default' }], ['c', { procMount: 'Unmasked' }], ['d', { procMount: 'other' }]) };

  it('names the containers and the sorted mount types', () => {
    runCases(procMount, [
      { name: 'procMount', spec: unmasked, reason: 'procMount', detail: 'containers "c", "d" must not set securityContext.procMount to "Unmasked", "other"', pointers: ['/spec/containers/2/securityContext/procMount', '/spec/containers/3/securityContext/procMount'] },
      { name: 'user namespace, v1.35', spec: { ...unmasked, hostUsers: false } },
      { name: 'user namespace, v1.34', spec: { ...unmasked, hostUsers: false }, version: 34, reason: 'procMount', detail: 'containers "c", "d" must not set securityContext.procMount to "Unmasked", "other"' },
    ]);
    runCases(procMountRestricted, [{ name: 'restricted ignores user namespaces', spec: { ...unmasked, hostUsers: false }, reason: 'procMount', detail: 'containers "c", "d" must not set securityContext.procMount to "Unmasked", "other"' }]);
  });

  it('baseline relaxes for user namespaces from v1.35, where restricted replaces it with procMount_restricted', () => {
    const spec = { hostUsers: false, containers: containers(['c', { procMount: 'Unmasked' }]) };
    expect(levelsReporting('procMount', spec)).toEqual([]);
    expect(levelsReporting('procMount_restricted', spec)).toEqual(['restricted']);
    expect(levelsReporting('procMount', spec, 34)).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('procMount_restricted', spec, 34)).toEqual([]);
  });
});
