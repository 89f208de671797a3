/** HostPath volumes must be forbidden. Follows policy/check_hostPathVolumes.go. */
import { isMap } from '../../rules/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { joinQuote, pluralize } from './text.js';
import { stringAt } from './pod.js';

export const meta: PssCheckMeta = { id: 'hostPathVolumes', level: 'baseline', description: 'hostPath volumes', versions: [0], upstream: 'policy/check_hostPathVolumes.go' };

export function check(pod: PodView): Violation | undefined {
  const names: string[] = [];
  const pointers: string[] = [];
  const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
  volumes.forEach((v, i) => {
    if (isMap(v) && isMap(v.hostPath)) {
      names.push(stringAt(v, 'name'));
      pointers.push(`${pod.specPointer}/volumes/${i}/hostPath`);
    }
  });
  if (names.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`, pointers };
}
