/**
 * Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE. Follows
 * policy/check_capabilities_restricted.go (from v1.22; from v1.25 Windows pods are exempt).
 */
import { stringOf } from '../../core/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { isWindows, mapAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = {
  id: 'capabilities_restricted',
  level: 'restricted',
  description: 'Not dropping ALL capabilities, or adding any but NET_BIND_SERVICE',
  versions: [22, 25],
  overrides: [{ id: 'capabilities_baseline', from: 22 }],
  upstream: 'policy/check_capabilities_restricted.go',
};

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 25 && isWindows(pod)) return undefined;
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden: string[] = [];
  const pointers: string[] = [];
  for (const c of pod.containers) {
    const caps = mapAt(c.securityContext, 'capabilities');
    const base = `${c.pointer}/securityContext/capabilities`;
    if (!caps) {
      missingDropAll.push(c.name);
      pointers.push(`${base}/drop`);
      continue;
    }
    const drop = Array.isArray(caps.drop) ? caps.drop : [];
    if (!drop.some((d) => d === 'ALL')) {
      missingDropAll.push(c.name);
      pointers.push(`${base}/drop`);
    }
    const add = Array.isArray(caps.add) ? caps.add : [];
    let addedForbidden = false;
    add.forEach((cap, i) => {
      if (cap === 'NET_BIND_SERVICE') return;
      addedForbidden = true;
      forbidden.push(stringOf(cap));
      pointers.push(`${base}/add/${i}`);
    });
    if (addedForbidden) addingForbidden.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${pluralize('container', 'containers', missingDropAll.length)} ${joinQuote(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) details.push(`${pluralize('container', 'containers', addingForbidden.length)} ${joinQuote(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`);
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), pointers };
}
