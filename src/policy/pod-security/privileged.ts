/** Privileged Pods disable most security mechanisms. Follows policy/check_privileged.go. */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { joinQuote, pluralize } from './text.js';

export const meta: PssCheckMeta = { id: 'privileged', level: 'baseline', description: 'Privileged containers', versions: [0], upstream: 'policy/check_privileged.go' };

export function check(pod: PodView): Violation | undefined {
  const bad = pod.containers.filter((c) => c.securityContext?.privileged === true);
  if (bad.length === 0) return undefined;
  return {
    reason: 'privileged',
    detail: `${pluralize('container', 'containers', bad.length)} ${joinQuote(bad.map((c) => c.name))} must not set securityContext.privileged=true`,
    pointers: bad.map((c) => `${c.pointer}/securityContext/privileged`),
  };
}
