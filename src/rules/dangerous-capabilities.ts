import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { capabilityName, capabilityList, containerLabel, securityContextOf } from './security-context.js';

/**
 * Capabilities that each come close to root on the node, or let a container attack its
 * neighbours: none of them is in the runtimes' default set, so adding one is a decision to review.
 */
const DANGEROUS = ['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'NET_RAW', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG'];

export const meta: RuleDocs = {
  id: 'dangerous-capabilities',
  severity: 'warning',
  // SYS_ADMIN alone is "the new root": mounts, namespaces, most kernel interfaces.
  securitySeverity: 7.5,
  description: 'A container that adds a capability close to root (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, ALL...)',
  docs: [
    '`SYS_ADMIN` allows mounting filesystems and most of what root can do; `NET_ADMIN` reconfigures the pod\'s network and firewall; `SYS_PTRACE` reads other processes\' memory (with `shareProcessNamespace` or `hostPID`, the node\'s); `SYS_MODULE` loads kernel modules; `ALL` is all of them. Each entry of `capabilities.add` on the `capabilities` list is reported where it is written; names are read as the runtimes read them (`cap_sys_admin` is `SYS_ADMIN`).',
    '',
    'Peers: kube-linter\'s `privilege-escalation-container` (on by default) counts an added `SYS_ADMIN` as escalation and its `drop-net-raw-capability` forbids `NET_RAW`; kube-score has no capability check. On by default as a **warning**, since an added capability is an explicit widening of the container\'s rights. The Pod Security `baseline` level refuses every capability outside its short allowed list; this rule is about the dangerous ones whatever level a namespace enforces.',
  ].join('\n'),
  options: {
    schema: { type: 'object', properties: { capabilities: { type: 'array', items: { type: 'string' }, description: 'capabilities to report when added (names without CAP_)' } }, additionalProperties: false },
    defaults: { capabilities: DANGEROUS },
  },
  perResource: true,
  examples: { bad: 'securityContext:\n  capabilities: {add: [SYS_ADMIN]}', good: 'securityContext:\n  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}' },
};

export function check(ctx: RuleContext): void {
  const listed = ctx.settings.capabilities;
  const dangerous = new Set((Array.isArray(listed) ? listed : DANGEROUS).map(capabilityName));
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      for (const { name, index } of capabilityList(securityContextOf(container), 'add')) {
        if (!dangerous.has(name)) continue;
        ctx.report({ resource: t.resource, pointer: `${pointer}/securityContext/capabilities/add/${index}`, message: `${containerLabel(container, pointer)} adds capability ${name}` });
      }
    }
  }
}
