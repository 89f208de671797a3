import { describe, expect, it } from 'vitest';
import * as seLinuxOptions from '../../../src/policy/pod-security/se-linux-options.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_seLinuxOptions_test.go (seLinuxOptions1_31 cases).
describe('pod security: seLinuxOptions', () => {
  const allowedTypes = containers(['a', { seLinuxOptions: { type: 'container_t' } }], ['b', { seLinuxOptions: { type: 'container_init_t' } }], ['c', { seLinuxOptions: { type: 'container_kvm_t' } }], ['d', { seLinuxOptions: { type: 'container_engine_t' } }]);
  const badContainers = containers(['e', { seLinuxOptions: { type: 'bar' } }], ['f', { seLinuxOptions: { user: 'bar' } }], ['g', { seLinuxOptions: { role: 'baz' } }]);

  it('words forbidden types, users and roles as the controller does', () => {
    runCases(seLinuxOptions, [
      {
        name: 'invalid pod and containers',
        spec: { securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } }, containers: [...allowedTypes, ...badContainers] },
        reason: 'seLinuxOptions',
        detail: 'pod and containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
      },
      {
        name: 'invalid pod',
        spec: { securityContext: { seLinuxOptions: { type: 'foo', user: 'bar', role: 'baz' } }, containers: allowedTypes },
        reason: 'seLinuxOptions',
        detail: 'pod set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set',
        pointers: ['/spec/securityContext/seLinuxOptions/type', '/spec/securityContext/seLinuxOptions/user', '/spec/securityContext/seLinuxOptions/role'],
      },
      {
        name: 'invalid containers',
        spec: { securityContext: { seLinuxOptions: {} }, containers: [...allowedTypes, ...badContainers] },
        reason: 'seLinuxOptions',
        detail: 'containers "e", "f", "g" set forbidden securityContext.seLinuxOptions: type "bar"; user may not be set; role may not be set',
      },
      { name: 'bad type', spec: { securityContext: { seLinuxOptions: { type: 'bad' } } }, reason: 'seLinuxOptions', detail: 'pod set forbidden securityContext.seLinuxOptions: type "bad"' },
      { name: 'bad user', spec: { securityContext: { seLinuxOptions: { user: 'bad' } } }, reason: 'seLinuxOptions', detail: 'pod set forbidden securityContext.seLinuxOptions: user may not be set' },
      { name: 'bad role', spec: { securityContext: { seLinuxOptions: { role: 'bad' } } }, reason: 'seLinuxOptions', detail: 'pod set forbidden securityContext.seLinuxOptions: role may not be set' },
    ]);
  });

  it('allows container_engine_t from policy v1.31 only', () => {
    const spec = { containers: containers(['d', { seLinuxOptions: { type: 'container_engine_t' } }]) };
    runCases(seLinuxOptions, [
      { name: 'v1.30', spec, version: 30, reason: 'seLinuxOptions', detail: 'container "d" set forbidden securityContext.seLinuxOptions: type "container_engine_t"' },
      { name: 'v1.31', spec, version: 31 },
    ]);
    expect(levelsReporting('seLinuxOptions', spec, 30)).toEqual(['baseline', 'restricted']);
    expect(levelsReporting('seLinuxOptions', spec, 'latest')).toEqual([]);
  });
});
