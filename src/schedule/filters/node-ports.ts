/** NodePorts: a host port (per protocol and host IP, 0.0.0.0 meaning every IP) is taken once per node. */
import type { FilterPlugin } from '../framework.js';
import type { HostPort } from '../types.js';

const ANY = '0.0.0.0';
const REASON = ["node(s) didn't have free ports for the requested pod ports"];

/** Whether two host ports collide: same port and protocol, on the same IP or on every IP. */
export function conflicts(a: HostPort, b: HostPort): boolean {
  return a.port === b.port && a.protocol === b.protocol && (a.hostIP === b.hostIP || a.hostIP === ANY || b.hostIP === ANY);
}

export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  nodeLocal: true,
  preFilter(pod) {
    if (pod.hostPorts.length === 0) return undefined;
    return (node) => (pod.hostPorts.some((want) => node.ports.some((used) => conflicts(want, used))) ? REASON : undefined);
  },
};
