/** Adding capabilities beyond the default set must be disallowed. Follows policy/check_capabilities_baseline.go. */
import { stringOf } from '../../core/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { mapAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'capabilities_baseline', level: 'baseline', description: 'Adding capabilities beyond the container runtime\'s default set', versions: [0], upstream: 'policy/check_capabilities_baseline.go' };

/** The container runtime's default set, which baseline lets a container add again. */
export const DEFAULT_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export function check(pod: PodView): Violation | undefined {
  const badContainers: string[] = [];
  const caps: string[] = [];
  const pointers: string[] = [];
  for (const c of pod.containers) {
    const add = mapAt(c.securityContext, 'capabilities')?.add;
    if (!Array.isArray(add)) continue;
    let valid = true;
    add.forEach((cap, i) => {
      if (DEFAULT_CAPABILITIES.has(stringOf(cap))) return;
      valid = false;
      caps.push(stringOf(cap));
      pointers.push(`${c.pointer}/securityContext/capabilities/add/${i}`);
    });
    if (!valid) badContainers.push(c.name);
  }
  if (badContainers.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} must not include ${joinQuote(sortedSet(caps))} in securityContext.capabilities.add`,
    pointers,
  };
}
