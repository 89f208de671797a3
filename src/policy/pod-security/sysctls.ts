/**
 * Only the "safe" sysctls (namespaced, isolated from other pods) may be set; the list grows
 * with the policy version. Follows policy/check_sysctls.go.
 */
import { isMap } from '../../rules/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { stringAt } from './pod.js';

export const meta: PssCheckMeta = { id: 'sysctls', level: 'baseline', description: 'Sysctls outside the safe, namespaced set', versions: [0, 27, 29, 32], upstream: 'policy/check_sysctls.go' };

const ALLOWED_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const ALLOWED_1_27 = [...ALLOWED_1_0, 'net.ipv4.ip_local_reserved_ports'];
const ALLOWED_1_29 = [...ALLOWED_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const ALLOWED_1_32 = [...ALLOWED_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

/** The safe sysctls at a policy version. */
export function allowedSysctls(version: number): ReadonlySet<string> {
  return new Set(version >= 32 ? ALLOWED_1_32 : version >= 29 ? ALLOWED_1_29 : version >= 27 ? ALLOWED_1_27 : ALLOWED_1_0);
}

export function check(pod: PodView, version: number): Violation | undefined {
  const allowed = allowedSysctls(version);
  const list = Array.isArray(pod.securityContext?.sysctls) ? pod.securityContext.sysctls : [];
  const forbidden: string[] = [];
  const pointers: string[] = [];
  list.forEach((s, i) => {
    const name = isMap(s) ? stringAt(s, 'name') : '';
    if (allowed.has(name)) return;
    forbidden.push(name);
    pointers.push(`${pod.specPointer}/securityContext/sysctls/${i}/name`);
  });
  if (forbidden.length === 0) return undefined;
  // In the order the pod lists them, duplicates and all, as upstream joins them.
  return { reason: 'forbidden sysctls', detail: forbidden.join(', '), pointers };
}
