import { describe, expect, it } from 'vitest';
import * as hostPathVolumes from '../../../src/policy/pod-security/host-path-volumes.js';
import { levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_hostPathVolumes_test.go.
describe('pod security: hostPathVolumes', () => {
  it('names the hostPath volumes in the order of the pod', () => {
    runCases(hostPathVolumes, [
      {
        name: 'host path volumes',
        spec: { volumes: [{ name: 'a', hostPath: {} }, { name: 'b' }, { name: 'c', hostPath: {} }] },
        reason: 'hostPath volumes',
        detail: 'volumes "a", "c"',
        pointers: ['/spec/volumes/0/hostPath', '/spec/volumes/2/hostPath'],
      },
      { name: 'one', spec: { volumes: [{ name: 'host', hostPath: { path: '/' } }] }, reason: 'hostPath volumes', detail: 'volume "host"' },
      { name: 'none', spec: { volumes: [{ name: 'e', emptyDir: {} }] } },
    ]);
  });

  it('applies at baseline; restricted reports restrictedVolumes instead', () => {
    const spec = { volumes: [{ name: 'host', hostPath: { path: '/' } }] };
    expect(levelsReporting('hostPathVolumes', spec)).toEqual(['baseline']);
    expect(levelsReporting('restrictedVolumes', spec)).toEqual(['restricted']);
  });
});
