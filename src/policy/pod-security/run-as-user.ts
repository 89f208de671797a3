/**
 * Containers must not run as UID 0. Follows policy/check_runAsUser.go (from v1.23; from v1.35
 * a pod in a user namespace is exempt).
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { badSetters, inUserNamespace } from './pod.js';

export const meta: PssCheckMeta = { id: 'runAsUser', level: 'restricted', description: 'Running as UID 0', versions: [23, 35], upstream: 'policy/check_runAsUser.go' };

export function check(pod: PodView, version: number): Violation | undefined {
  if (version >= 35 && inUserNamespace(pod)) return undefined;
  const { setters, pointers } = badSetters(pod, 'runAsUser', (sc) => (sc?.runAsUser === 0 ? '0' : undefined));
  if (setters.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, pointers };
}
