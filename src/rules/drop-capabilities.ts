import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { capabilityList, containerLabel, securityContextOf } from './security-context.js';

export const meta: RuleDocs = {
  id: 'drop-capabilities',
  severity: 'info',
  // NET_RAW, kept by the runtimes' default set, lets a container forge packets on the node's network (ARP, DNS spoofing).
  securitySeverity: 4.3,
  description: 'A container that drops neither ALL capabilities nor NET_RAW',
  docs: [
    'Container runtimes give every container a default set of Linux capabilities, NET_RAW among them: raw sockets let a compromised container forge packets (ARP and DNS spoofing of its neighbours on the node). Drop them all (`drop: [ALL]`) and add back only what the program needs, such as `NET_BIND_SERVICE`; dropping `NET_RAW` alone also satisfies this rule. Names are read as the runtimes read them: `net_raw` and `CAP_NET_RAW` are `NET_RAW`.',
    '',
    'Peer: kube-linter\'s `drop-net-raw-capability`, on by default, so this rule is on; at **info**, since it asks for a hardening the manifest leaves out. Adding capabilities back is the `dangerous-capabilities` rule\'s concern.',
  ].join('\n'),
  examples: { bad: 'securityContext: {runAsNonRoot: true}', good: 'securityContext:\n  runAsNonRoot: true\n  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const sc = securityContextOf(container);
      // A privileged container has every capability whatever it drops: the `privileged` rule reports it.
      if (sc.privileged === true) continue;
      if (capabilityList(sc, 'drop').some((c) => c.name === 'ALL' || c.name === 'NET_RAW')) continue;
      ctx.report({ resource: t.resource, pointer: `${pointer}/securityContext/capabilities/drop`, message: `${containerLabel(container, pointer)} keeps the runtime's default capabilities, NET_RAW among them; set securityContext.capabilities.drop: [ALL]` });
    }
  }
}
