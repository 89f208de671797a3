/** What the security rules read from a container's securityContext, read the same way by each. */
import { stringOf } from '../core/index.js';
import { isMap } from './workloads.js';

/** The container's securityContext, or an empty one when it has none (or something that is not a map). */
export function securityContextOf(container: Record<string, unknown>): Record<string, unknown> {
  return isMap(container.securityContext) ? container.securityContext : {};
}

/**
 * A capability as the container runtimes read it: case-insensitive, with or without the `CAP_`
 * prefix (containerd and CRI-O add it when missing), so `net_raw`, `NET_RAW` and `CAP_NET_RAW`
 * are one capability.
 */
export function capabilityName(value: unknown): string {
  const name = stringOf(value).toUpperCase();
  return name.startsWith('CAP_') ? name.slice(4) : name;
}

/** The entries of securityContext.capabilities.add or .drop, each with its index in the list. */
export function capabilityList(sc: Record<string, unknown>, which: 'add' | 'drop'): { name: string; index: number }[] {
  const caps = isMap(sc.capabilities) ? sc.capabilities[which] : undefined;
  return Array.isArray(caps) ? caps.map((c, index) => ({ name: capabilityName(c), index })) : [];
}

/** How a finding names its container: `container "app"`, or `init container "setup"`. */
export function containerLabel(container: Record<string, unknown>, pointer: string): string {
  return `${pointer.includes('/initContainers/') ? 'init container' : 'container'} "${stringOf(container.name)}"`;
}

/**
 * Where a finding about a securityContext field points. With a securityContext, at the field
 * (a missing one is reported at the nearest key above it, where it is added); without one, at
 * the container's name, as the other container rules do: a container's list item has no key,
 * and reporting the whole item would cover every line of the container.
 */
export function securityContextPointer(container: Record<string, unknown>, pointer: string, path: string): string {
  if (isMap(container.securityContext)) return `${pointer}/securityContext/${path}`;
  return container.name !== undefined ? `${pointer}/name` : pointer;
}
