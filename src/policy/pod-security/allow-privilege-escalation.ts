/**
 * Privilege escalation (set-user-ID or set-group-ID file modes) must be disallowed: every
 * container sets allowPrivilegeEscalation=false. Follows policy/check_allowPrivilegeEscalation.go
 * (from v1.8; from v1.25 Windows pods are exempt).
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { isWindows } from './pod.js';
import { joinQuote, pluralize } from './text.js';

export const meta: PssCheckMeta = { id: 'allowPrivilegeEscalation', level: 'restricted', description: 'Containers that do not set allowPrivilegeEscalation: false', versions: [8, 25], upstream: 'policy/check_allowPrivilegeEscalation.go' };

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 25 && isWindows(pod)) return undefined;
  const bad = pod.containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
  if (bad.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad.map((c) => c.name))} must set securityContext.allowPrivilegeEscalation=false`,
    pointers: bad.map((c) => `${c.pointer}/securityContext/allowPrivilegeEscalation`),
  };
}
