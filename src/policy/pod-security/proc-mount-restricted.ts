/**
 * Restricted keeps the default /proc masks even for pods in a user namespace: from v1.35 this
 * check replaces the relaxed baseline one. Follows policy/check_procMount_restricted.go.
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { unmaskedProcMount } from './proc-mount-baseline.js';

export const meta: PssCheckMeta = { id: 'procMount_restricted', level: 'restricted', description: 'Unmasking /proc, even in a user namespace', versions: [35], overrides: [{ id: 'procMount', from: 35 }], upstream: 'policy/check_procMount_restricted.go' };

export function check(pod: PodView): Violation | undefined {
  return unmaskedProcMount(pod);
}
