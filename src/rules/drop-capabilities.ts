import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { capabilityList, containerLabel, securityContextOf, securityContextPointer } from './security-context.js';

export const meta: RuleDocs = {
  id: 'drop-capabilities',
  severity: 'info',
  // NET_RAW, kept by the runtimes' default set, lets a container forge packets on the node's network (ARP, DNS spoofing).
  securitySeverity: 4.3,
  defaultOff: true,
  description: 'A container that drops neither ALL capabilities nor NET_RAW',
  docs: [
    'Container runtimes give every container a default set of Linux capabilities, NET_RAW among them: raw sockets let a compromised container forge packets (ARP and DNS spoofing of its neighbours on the node). Drop them all (`drop: [ALL]`) and add back only what the program needs, such as `NET_BIND_SERVICE`; dropping `NET_RAW` alone also satisfies this rule. Names are read as the runtimes read them: `net_raw` and `CAP_NET_RAW` are `NET_RAW`.',
    '',
    'Peer: kube-linter\'s `drop-net-raw-capability`, on by default. kubeproof leaves this rule **off** by default, a deliberate difference, for the reason given at `read-only-root-filesystem`: it fires on every container that says nothing about capabilities, nearly all of them. The Pod Security `restricted` level requires `drop: [ALL]`, so a namespace that enforces it gets the finding from the Pod Security checks; turn this rule on (at **info**, or raised) to ask it everywhere. Adding capabilities back is the `dangerous-capabilities` rule\'s concern, on by default.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'securityContext: {runAsNonRoot: true}', good: 'securityContext:\n  runAsNonRoot: true\n  capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const sc = securityContextOf(container);
      // A privileged container has every capability whatever it drops: the `privileged` rule reports it.
      if (sc.privileged === true) continue;
      if (capabilityList(sc, 'drop').some((c) => c.name === 'ALL' || c.name === 'NET_RAW')) continue;
      ctx.report({ resource: t.resource, pointer: securityContextPointer(container, pointer, 'capabilities/drop'), message: `${containerLabel(container, pointer)} keeps the runtime's default capabilities, NET_RAW among them; set securityContext.capabilities.drop: [ALL]` });
    }
  }
}
