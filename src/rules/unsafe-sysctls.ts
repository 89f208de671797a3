import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

/**
 * The sysctls the kubelet accepts on every node, after kubernetes/kubernetes
 * pkg/kubelet/sysctl/safe_sysctls.go (`safeSysctls`; some need a recent kernel there, which a
 * manifest cannot know, so all count as safe here).
 */
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];

export const meta: RuleDocs = {
  id: 'unsafe-sysctls',
  severity: 'warning',
  // An unsafe sysctl is either shared with the node or weakens a kernel protection for the pod.
  securitySeverity: 5.0,
  description: "A pod that sets a sysctl outside the kubelet's safe set",
  docs: [
    'The kubelet runs a pod\'s `securityContext.sysctls` only if each is in its safe set (namespaced and isolated from other pods: `kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_unprivileged_port_start`, and the TCP keepalive, timeout and buffer settings of newer releases) or allowed on that node with `--allowed-unsafe-sysctls`; anywhere else the pod fails with `SysctlForbidden`. The unsafe ones change kernel state other pods share, or loosen a protection. Each unsafe entry is reported at its `name`; names written with slashes (`net/ipv4/tcp_syncookies`) are read as the kubelet reads them. The `allowed` option lists the sysctls your nodes allow (a trailing `*` allows a prefix, as the kubelet\'s flag does).',
    '',
    'Peer: kube-linter\'s `unsafe-sysctls`, on by default, so this rule is on, as a **warning**. The Pod Security `baseline` level refuses the same sysctls.',
  ].join('\n'),
  options: {
    schema: { type: 'object', properties: { allowed: { type: 'array', items: { type: 'string' }, description: 'unsafe sysctls (or prefixes ending in *) your nodes allow with --allowed-unsafe-sysctls' } }, additionalProperties: false },
    defaults: { allowed: [] },
  },
  perResource: true,
  examples: { bad: 'securityContext:\n  sysctls:\n  - {name: kernel.msgmax, value: "65536"}', good: 'securityContext:\n  sysctls:\n  - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}' },
};

/**
 * A sysctl name with dots as separators: when its first separator is a slash, slashes and dots
 * swap (`net/ipv4/conf/eno2.100/rp_filter` is `net.ipv4.conf.eno2/100.rp_filter`), after
 * k8s.io/component-helpers/node/util/sysctl/sysctl.go NormalizeName.
 */
export function normaliseSysctl(name: string): string {
  const slash = name.indexOf('/');
  const dot = name.indexOf('.');
  if (slash === -1 || (dot !== -1 && dot < slash)) return name;
  return name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
}

export function check(ctx: RuleContext): void {
  const allowed = Array.isArray(ctx.settings.allowed) ? ctx.settings.allowed.map((a) => normaliseSysctl(stringOf(a))) : [];
  const isSafe = (name: string) => SAFE_SYSCTLS.includes(name) || allowed.some((a) => (a.endsWith('*') ? name.startsWith(a.slice(0, -1)) : a === name));
  for (const t of podTemplates(ctx.resources)) {
    const sc = isMap(t.spec.securityContext) ? t.spec.securityContext : {};
    const sysctls = Array.isArray(sc.sysctls) ? sc.sysctls : [];
    sysctls.forEach((s, i) => {
      if (!isMap(s) || typeof s.name !== 'string' || isSafe(normaliseSysctl(s.name))) return;
      ctx.report({ resource: t.resource, pointer: `${t.specPointer}/securityContext/sysctls/${i}/name`, message: `sysctl "${s.name}" is not in the kubelet's safe set: the pod fails with SysctlForbidden on nodes that do not allow it (--allowed-unsafe-sysctls)` });
    });
  }
}
