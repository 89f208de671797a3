/** HostPorts should be disallowed entirely. Follows policy/check_hostPorts.go. */
import { isMap } from '../../rules/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'hostPorts', level: 'baseline', description: 'Host ports', versions: [0], upstream: 'policy/check_hostPorts.go' };

export function check(pod: PodView): Violation | undefined {
  const badContainers: string[] = [];
  const ports: string[] = [];
  const pointers: string[] = [];
  for (const c of pod.containers) {
    const list = Array.isArray(c.container.ports) ? c.container.ports : [];
    let valid = true;
    list.forEach((p, i) => {
      if (!isMap(p) || typeof p.hostPort !== 'number' || p.hostPort === 0) return;
      valid = false;
      ports.push(String(p.hostPort));
      pointers.push(`${c.pointer}/ports/${i}/hostPort`);
    });
    if (!valid) badContainers.push(c.name);
  }
  if (badContainers.length === 0) return undefined;
  // Upstream sorts the ports as strings (sets.String), so "80" < "8080" < "9".
  const sorted = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${pluralize('container', 'containers', badContainers.length)} ${joinQuote(badContainers)} ${pluralize('uses', 'use', badContainers.length)} ${pluralize('hostPort', 'hostPorts', sorted.length)} ${sorted.join(', ')}`,
    pointers,
  };
}
