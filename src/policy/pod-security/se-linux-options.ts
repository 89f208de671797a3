/**
 * Setting the SELinux type is restricted, and a custom SELinux user or role is forbidden.
 * Follows policy/check_seLinuxOptions.go (container_engine_t allowed from v1.31).
 */
import type { Obj, PodView, PssCheckMeta, Violation } from './types.js';
import { mapAt, stringAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'seLinuxOptions', level: 'baseline', description: 'A custom SELinux user or role, or a type outside the container types', versions: [0, 31], upstream: 'policy/check_seLinuxOptions.go' };

const ALLOWED_TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const ALLOWED_TYPES_1_31 = [...ALLOWED_TYPES_1_0, 'container_engine_t'];

export function check(pod: PodView, version: number): Violation | undefined {
  const allowed = new Set(version >= 31 ? ALLOWED_TYPES_1_31 : ALLOWED_TYPES_1_0);
  const badTypes: string[] = [];
  let setUser = false;
  let setRole = false;
  const pointers: string[] = [];
  const valid = (opts: Obj, base: string): boolean => {
    let ok = true;
    const type = stringAt(opts, 'type');
    if (!allowed.has(type)) {
      ok = false;
      badTypes.push(type);
      pointers.push(`${base}/type`);
    }
    if (stringAt(opts, 'user') !== '') {
      ok = false;
      setUser = true;
      pointers.push(`${base}/user`);
    }
    if (stringAt(opts, 'role') !== '') {
      ok = false;
      setRole = true;
      pointers.push(`${base}/role`);
    }
    return ok;
  };
  const setters: string[] = [];
  const podOpts = mapAt(pod.securityContext, 'seLinuxOptions');
  if (podOpts && !valid(podOpts, `${pod.specPointer}/securityContext/seLinuxOptions`)) setters.push('pod');
  const badContainers: string[] = [];
  for (const c of pod.containers) {
    const opts = mapAt(c.securityContext, 'seLinuxOptions');
    if (opts && !valid(opts, `${c.pointer}/securityContext/seLinuxOptions`)) badContainers.push(c.name);
  }
  if (badContainers.length > 0) setters.push(`${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)}`);
  if (setters.length === 0) return undefined;
  const data: string[] = [];
  const types = sortedSet(badTypes);
  if (types.length > 0) data.push(`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`);
  if (setUser) data.push('user may not be set');
  if (setRole) data.push('role may not be set');
  return { reason: 'seLinuxOptions', detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`, pointers };
}
