import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { capabilityList, containerLabel, securityContextOf, securityContextPointer } from './security-context.js';

export const meta: RuleDocs = {
  id: 'privilege-escalation',
  severity: 'warning',
  // Without no_new_privs a setuid binary in the image turns a foothold into root inside the container.
  securitySeverity: 5.5,
  defaultOff: true,
  description: 'A container that does not set allowPrivilegeEscalation: false',
  docs: [
    'Unless `allowPrivilegeEscalation` is `false`, the container\'s processes may gain privileges through setuid and setgid binaries or file capabilities (the kernel\'s `no_new_privs` flag is left unset): a foothold as an unprivileged user becomes root inside the container. The Pod Security `restricted` level requires the explicit `false`. Reported where the field goes, for every container that does not set it; an explicit `true` is the `privileged` rule\'s finding, and a privileged container or one that adds `SYS_ADMIN` cannot set `false` (the API server refuses it), so neither is reported here.',
    '',
    'Peers: kube-linter\'s `privilege-escalation-container` (on by default) reports only an explicit `true`, which `privileged` reports here; neither kube-linter nor kube-score asks for the explicit `false`, so this rule is **off** by default. Turn it on to hold workloads to the `restricted` level before a namespace enforces it.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'securityContext: {runAsNonRoot: true}', good: 'securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const sc = securityContextOf(container);
      if (sc.allowPrivilegeEscalation === false || sc.allowPrivilegeEscalation === true || sc.privileged === true) continue;
      if (capabilityList(sc, 'add').some((c) => c.name === 'SYS_ADMIN')) continue;
      ctx.report({ resource: t.resource, pointer: securityContextPointer(container, pointer, 'allowPrivilegeEscalation'), message: `${containerLabel(container, pointer)} may gain privileges (allowPrivilegeEscalation is not false); set securityContext.allowPrivilegeEscalation: false` });
    }
  }
}
