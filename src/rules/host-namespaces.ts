import type { RuleContext, RuleDocs } from './types.js';
import { podTemplates } from './resource-index.js';

/** The pod spec fields that put a pod into one of the node's own namespaces, and what each shares. */
const HOST_NAMESPACES: { field: string; what: string }[] = [
  { field: 'hostNetwork', what: 'network' },
  { field: 'hostPID', what: 'process' },
  { field: 'hostIPC', what: 'IPC' },
];

export const meta: RuleDocs = {
  id: 'host-namespaces',
  severity: 'warning',
  // hostPID and hostNetwork expose the node's processes and interfaces: one step from the node itself.
  securitySeverity: 7.0,
  description: "A pod that shares the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC)",
  docs: [
    'A pod with `hostNetwork: true` sits on the node\'s interfaces: it reaches every port bound to localhost on the node (the kubelet\'s among them) and bypasses NetworkPolicies. `hostPID: true` shows it every process of the node, with their environment and, with ptrace, their memory; `hostIPC: true` shares the node\'s shared memory. Node agents (CNI plugins, monitoring) may need one of them; an application does not. Each field set to `true` is reported where it is written.',
    '',
    'Peers: kube-linter\'s `host-network`, `host-pid` and `host-ipc`, all on by default, so this rule is on, as a **warning**. The Pod Security `baseline` level refuses all three.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'spec:\n  hostNetwork: true\n  hostPID: true', good: 'spec:\n  containers: [...]   # no host namespaces' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { field, what } of HOST_NAMESPACES) {
      if (t.spec[field] === true) ctx.report({ resource: t.resource, pointer: `${t.specPointer}/${field}`, message: `pod shares the node's ${what} namespace (${field}: true)` });
    }
  }
}
