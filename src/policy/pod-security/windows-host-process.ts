/** Windows HostProcess containers have privileged access to the host. Follows policy/check_windowsHostProcess.go. */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { badSetters, mapAt } from './pod.js';

export const meta: PssCheckMeta = { id: 'windowsHostProcess', level: 'baseline', description: 'Windows HostProcess containers', versions: [0], upstream: 'policy/check_windowsHostProcess.go' };

export function check(pod: PodView): Violation | undefined {
  const { setters, pointers } = badSetters(pod, 'windowsOptions/hostProcess', (sc) => (mapAt(sc, 'windowsOptions')?.hostProcess === true ? 'true' : undefined));
  if (setters.length === 0) return undefined;
  return { reason: 'hostProcess', detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, pointers };
}
