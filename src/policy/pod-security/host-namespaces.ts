/** Sharing the host namespaces must be disallowed. Follows policy/check_hostNamespaces.go. */
import type { PodView, PssCheckMeta, Violation } from './types.js';

export const meta: PssCheckMeta = { id: 'hostNamespaces', level: 'baseline', description: 'Sharing the host network, PID or IPC namespace', versions: [0], upstream: 'policy/check_hostNamespaces.go' };

/** In upstream's order (network, PID, IPC), not sorted: hostNamespaces_1_0 appends them one by one. */
export function check(pod: PodView): Violation | undefined {
  const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((f) => pod.spec[f] === true);
  if (set.length === 0) return undefined;
  return { reason: 'host namespaces', detail: set.map((f) => `${f}=true`).join(', '), pointers: set.map((f) => `${pod.specPointer}/${f}`) };
}
