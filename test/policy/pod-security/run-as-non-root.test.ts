import { describe, expect, it } from 'vitest';
import * as runAsNonRoot from '../../../src/policy/pod-security/run-as-non-root.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_runAsNonRoot_test.go.
describe('pod security: runAsNonRoot', () => {
  it('tells explicit false from unset', () => {
    runCases(runAsNonRoot, [
      { name: 'no explicit runAsNonRoot', spec: { containers: containers(['a']) }, reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true', pointers: ['/spec/containers/0/securityContext/runAsNonRoot'] },
      { name: 'pod runAsNonRoot=false', spec: { securityContext: { runAsNonRoot: false }, containers: containers(['a']) }, reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false' },
      {
        name: 'containers runAsNonRoot=false',
        spec: { securityContext: { runAsNonRoot: true }, containers: containers(['a'], ['b', {}], ['c', { runAsNonRoot: false }], ['d', { runAsNonRoot: false }], ['e', { runAsNonRoot: true }], ['f', { runAsNonRoot: true }]) },
        reason: 'runAsNonRoot != true',
        detail: 'containers "c", "d" must not set securityContext.runAsNonRoot=false',
      },
      {
        name: 'pod nil, container fallthrough',
        spec: { containers: containers(['a'], ['b', {}], ['d', { runAsNonRoot: true }], ['e', { runAsNonRoot: true }]) },
        reason: 'runAsNonRoot != true',
        detail: 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
      },
      { name: 'pod true covers containers', spec: { securityContext: { runAsNonRoot: true }, containers: containers(['a']) } },
      { name: 'user namespace, v1.35', spec: { hostUsers: false, containers: containers(['a']) } },
      { name: 'user namespace, v1.34', version: 34, spec: { hostUsers: false, containers: containers(['a']) }, reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' },
    ]);
  });

  it('is restricted only', () => {
    expect(levelsReporting('runAsNonRoot', { containers: containers(['a']) })).toEqual(['restricted']);
    expect(levelsReporting('runAsNonRoot', { containers: containers(['a']) }, 0)).toEqual(['restricted']);
  });
});
