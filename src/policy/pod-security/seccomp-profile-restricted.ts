/**
 * A seccomp profile must be set, to RuntimeDefault or Localhost, on the pod or on every
 * container. Follows policy/check_seccompProfile_restricted.go (from v1.19; from v1.25 Windows pods are exempt).
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { badSetters, containersPhrase, isWindows, mapAt } from './pod.js';
import { badSeccompType } from './seccomp-profile-baseline.js';
import { joinQuote, sortedSet } from './text.js';

export const meta: PssCheckMeta = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  description: 'No seccomp profile of RuntimeDefault or Localhost',
  versions: [19, 25],
  overrides: [{ id: 'seccompProfile_baseline', from: 19 }],
  upstream: 'policy/check_seccompProfile_restricted.go',
};

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 25 && isWindows(pod)) return undefined;
  const explicit = badSetters(pod, 'seccompProfile/type', badSeccompType);
  if (explicit.setters.length > 0) {
    return { reason: 'seccompProfile', detail: `${explicit.setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(explicit.values))}`, pointers: explicit.pointers };
  }
  // Containers that set no profile are covered by a (valid) pod-level one.
  if (mapAt(pod.securityContext, 'seccompProfile')) return undefined;
  const implicit = pod.containers.filter((c) => !mapAt(c.securityContext, 'seccompProfile'));
  if (implicit.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    pointers: implicit.map((c) => `${c.pointer}/securityContext/seccompProfile/type`),
  };
}
