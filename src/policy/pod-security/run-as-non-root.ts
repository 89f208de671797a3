/**
 * Containers must run as non-root users: runAsNonRoot=true on the pod or on every container.
 * Follows policy/check_runAsNonRoot.go (from v1.35 a pod in a user namespace is exempt).
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { badSetters, containersPhrase, inUserNamespace } from './pod.js';

export const meta: PssCheckMeta = { id: 'runAsNonRoot', level: 'restricted', description: 'Containers that may run as root (runAsNonRoot not true)', versions: [0, 35], upstream: 'policy/check_runAsNonRoot.go' };

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 35 && inUserNamespace(pod)) return undefined;
  const explicit = badSetters(pod, 'runAsNonRoot', (sc) => (sc?.runAsNonRoot === false ? 'false' : undefined));
  if (explicit.setters.length > 0) {
    return { reason: 'runAsNonRoot != true', detail: `${explicit.setters.join(' and ')} must not set securityContext.runAsNonRoot=false`, pointers: explicit.pointers };
  }
  // Containers that do not say are covered by runAsNonRoot=true on the pod.
  if (pod.securityContext?.runAsNonRoot === true) return undefined;
  const implicit = pod.containers.filter((c) => typeof c.securityContext?.runAsNonRoot !== 'boolean');
  if (implicit.length === 0) return undefined;
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${containersPhrase(implicit.map((c) => c.name))} must set securityContext.runAsNonRoot=true`,
    pointers: implicit.map((c) => `${c.pointer}/securityContext/runAsNonRoot`),
  };
}
