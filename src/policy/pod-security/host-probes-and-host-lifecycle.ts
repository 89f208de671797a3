/**
 * Probes and lifecycle handlers must not set a host: it would make the kubelet reach another
 * machine for the pod. Follows policy/check_hostProbesAndhostLifecycle.go (from v1.34).
 */
import type { Obj, PodView, PssCheckMeta, Violation } from './types.js';
import { mapAt, stringAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'hostProbesAndHostLifecycle', level: 'baseline', description: 'A host in a probe or lifecycle handler', versions: [34], upstream: 'policy/check_hostProbesAndhostLifecycle.go' };

/** httpGet and tcpSocket hosts of a probe or a lifecycle handler, with their pointers. */
function hostsOf(handler: Obj | undefined, base: string): { host: string; pointer: string }[] {
  const out: { host: string; pointer: string }[] = [];
  for (const kind of ['httpGet', 'tcpSocket']) {
    const host = stringAt(mapAt(handler, kind), 'host');
    if (host !== '') out.push({ host, pointer: `${base}/${kind}/host` });
  }
  return out;
}

export function check(pod: PodView): Violation | undefined {
  const badContainers: string[] = [];
  const hosts: string[] = [];
  const pointers: string[] = [];
  for (const c of pod.containers) {
    const found = [
      ...['livenessProbe', 'readinessProbe', 'startupProbe'].flatMap((p) => hostsOf(mapAt(c.container, p), `${c.pointer}/${p}`)),
      ...['postStart', 'preStop'].flatMap((h) => hostsOf(mapAt(mapAt(c.container, 'lifecycle'), h), `${c.pointer}/lifecycle/${h}`)),
    ];
    if (found.length === 0) continue;
    badContainers.push(c.name);
    for (const f of found) {
      hosts.push(f.host);
      pointers.push(f.pointer);
    }
  }
  if (badContainers.length === 0) return undefined;
  // Both lists are sets upstream: sorted, without duplicates.
  const names = sortedSet(badContainers);
  const hostList = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${pluralize('container', 'containers', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hostList.length)} ${joinQuote(hostList)}`,
    pointers,
  };
}
