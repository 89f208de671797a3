/**
 * The default /proc masks must not be turned off (procMount other than Default). Follows
 * policy/check_procMount_baseline.go: from v1.35 a pod in a user namespace (hostUsers: false) may.
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { inUserNamespace, stringAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'procMount', level: 'baseline', description: 'Unmasking /proc (procMount other than Default)', versions: [0, 35], upstream: 'policy/check_procMount_baseline.go' };

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 35 && inUserNamespace(pod)) return undefined;
  return unmaskedProcMount(pod);
}

/** procMount_1_0, which the restricted check (check_procMount_restricted.go) runs unconditionally. */
export function unmaskedProcMount(pod: PodView): Violation | undefined {
  const badContainers: string[] = [];
  const types: string[] = [];
  const pointers: string[] = [];
  for (const c of pod.containers) {
    const value = c.securityContext?.procMount;
    if (value === undefined || value === null) continue;
    const type = stringAt(c.securityContext, 'procMount');
    if (type === 'Default') continue;
    badContainers.push(c.name);
    types.push(type);
    pointers.push(`${c.pointer}/securityContext/procMount`);
  }
  if (badContainers.length === 0) return undefined;
  return {
    reason: 'procMount',
    detail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`,
    pointers,
  };
}
