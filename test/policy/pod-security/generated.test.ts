import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checks } from '../../../src/policy/pod-security/checks.generated.js';
import { checksFor, MAX_VERSION } from '../../../src/policy/pod-security/evaluate.js';
import { REPO_ROOT } from '../../helpers.js';
// @ts-expect-error: a plain JavaScript build script
import { podSecurityChecksSource } from '../../../scripts/generate-rule-index.mjs';

describe('the Pod Security Standards check registry', () => {
  it('src/policy/pod-security/checks.generated.ts lists every check module (npm run rules:index)', () => {
    expect(fs.readFileSync(path.join(REPO_ROOT, 'src/policy/pod-security/checks.generated.ts'), 'utf8')).toBe(podSecurityChecksSource());
  });

  it('holds the checks of pod-security-admission, each with its own test', () => {
    expect(checks.map((c) => c.meta.id).sort()).toEqual([
      'allowPrivilegeEscalation', 'appArmorProfile', 'capabilities_baseline', 'capabilities_restricted', 'hostNamespaces', 'hostPathVolumes', 'hostPorts',
      'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seLinuxOptions',
      'seccompProfile_baseline', 'seccompProfile_restricted', 'sysctls', 'windowsHostProcess',
    ]);
    const tests = fs.readdirSync(path.join(REPO_ROOT, 'test/policy/pod-security')).map((f) => fs.readFileSync(path.join(REPO_ROOT, 'test/policy/pod-security', f), 'utf8'));
    for (const c of checks) expect(tests.some((t) => t.includes(`levelsReporting('${c.meta.id}'`)), c.meta.id).toBe(true);
  });

  it('evaluates latest as v1.35, the newest revision of any check, and orders checks as registry.go does', () => {
    expect(MAX_VERSION).toBe(35);
    expect(checksFor('baseline', 35).map((c) => c.meta.id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess',
    ]);
    expect(checksFor('restricted', 35).map((c) => c.meta.id)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
      'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
    // v1.0: no restricted revision yet of the capabilities, seccomp, runAsUser and privilege escalation checks.
    expect(checksFor('restricted', 0).map((c) => c.meta.id)).toEqual([
      'appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot',
    ]);
    expect(checksFor('privileged', 35)).toEqual([]);
  });
});
