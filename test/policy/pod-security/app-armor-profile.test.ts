import { describe, expect, it } from 'vitest';
import * as appArmorProfile from '../../../src/policy/pod-security/app-armor-profile.js';
import { podView } from '../../../src/policy/pod-security/pod.js';
import { containers, levelsReporting, runCases } from './helpers.js';

// Expected strings: upstream policy/check_appArmorProfile_test.go (TestAppArmorProfile).
describe('pod security: appArmorProfile', () => {
  it('reports the appArmorProfile fields and the beta annotations', () => {
    runCases(appArmorProfile, [
      {
        name: 'unconfined pod',
        spec: { securityContext: { appArmorProfile: { type: 'Unconfined' } } },
        reason: 'forbidden AppArmor profile',
        detail: 'pod must not set AppArmor profile type to "Unconfined"',
        pointers: ['/spec/securityContext/appArmorProfile/type'],
      },
      {
        name: 'unconfined container',
        spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: containers(['foo', { appArmorProfile: { type: 'Unconfined' } }]) },
        reason: 'forbidden AppArmor profile',
        detail: 'container "foo" must not set AppArmor profile type to "Unconfined"',
      },
      {
        name: 'unconfined init container',
        spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: containers(['foo']), initContainers: containers(['bar', { appArmorProfile: { type: 'Unconfined' } }]) },
        reason: 'forbidden AppArmor profile',
        detail: 'container "bar" must not set AppArmor profile type to "Unconfined"',
      },
      {
        name: 'multiple containers',
        spec: {},
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/': 'bogus',
          'container.apparmor.security.beta.kubernetes.io/a': '',
          'container.apparmor.security.beta.kubernetes.io/b': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/c': 'localhost/',
          'container.apparmor.security.beta.kubernetes.io/d': 'localhost/foo',
          'container.apparmor.security.beta.kubernetes.io/e': 'unconfined',
          'container.apparmor.security.beta.kubernetes.io/f': 'unknown',
        },
        reason: 'forbidden AppArmor profiles',
        detail:
          'annotations must not set AppArmor profile type to ' +
          ['"container.apparmor.security.beta.kubernetes.io/="bogus""', '"container.apparmor.security.beta.kubernetes.io/e="unconfined""', '"container.apparmor.security.beta.kubernetes.io/f="unknown""'].join(', '),
      },
      { name: 'localhost and runtime default', spec: { securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } }, containers: containers(['a', { appArmorProfile: { type: 'RuntimeDefault' } }]) } },
    ]);
  });

  it("points at an annotation of a workload's template by its escaped key", () => {
    const view = podView({}, '/spec/template/spec', { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }, '/spec/template/metadata');
    expect(appArmorProfile.check(view)?.pointers).toEqual(['/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1app']);
  });

  it('applies at baseline and restricted', () => {
    expect(levelsReporting('appArmorProfile', { securityContext: { appArmorProfile: { type: 'Unconfined' } } })).toEqual(['baseline', 'restricted']);
  });
});
