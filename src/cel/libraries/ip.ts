/** The Kubernetes IP library (k8s.io/apiserver/pkg/cel/library/ip.go): ip(), isIP(), ip.isCanonical() and the address tests. */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { addrString, family, isGlobalUnicast, isLinkLocalMulticast, isLinkLocalUnicast, isLoopback, isUnspecified, parseAddr, sameAddr, type Addr } from './ip-addr.js';

export class IP {
  constructor(readonly addr: Addr) {}
  equals(other: unknown): boolean {
    return other instanceof IP && sameAddr(this.addr, other.addr);
  }
  toString(): string {
    return addrString(this.addr);
  }
}

/** ip.go parseIPAddr: netip.ParseAddr, minus zones and IPv4-mapped IPv6 addresses. */
export function parseIP(raw: string): Addr | string {
  const addr = parseAddr(raw);
  if (typeof addr === 'string') return `IP Address ${JSON.stringify(raw)} parse error during conversion from string: ${addr}`;
  if (addr.zone !== '') return `IP address ${JSON.stringify(raw)} with zone value is not allowed`;
  if (addr.is4in6) return `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`;
  return addr;
}

export function toIP(raw: string): IP {
  const addr = parseIP(raw);
  if (typeof addr === 'string') throw celError(addr);
  return new IP(addr);
}

class IPNamespace {}

export function registerIP(env: Environment): void {
  env
    .registerType('net.IP', IP)
    .registerOperator('net.IP == net.IP', (a: IP, b: IP) => a.equals(b))
    .registerFunction('ip(string): net.IP', toIP)
    .registerFunction('isIP(string): bool', (s: string) => typeof parseIP(s) !== 'string')
    .registerFunction('string(net.IP): string', (ip: IP) => ip.toString())
    .registerFunction('net.IP.family(): int', (ip: IP) => BigInt(family(ip.addr)))
    .registerFunction('net.IP.isUnspecified(): bool', (ip: IP) => isUnspecified(ip.addr))
    .registerFunction('net.IP.isLoopback(): bool', (ip: IP) => isLoopback(ip.addr))
    .registerFunction('net.IP.isLinkLocalMulticast(): bool', (ip: IP) => isLinkLocalMulticast(ip.addr))
    .registerFunction('net.IP.isLinkLocalUnicast(): bool', (ip: IP) => isLinkLocalUnicast(ip.addr))
    .registerFunction('net.IP.isGlobalUnicast(): bool', (ip: IP) => isGlobalUnicast(ip.addr))
    // `ip.isCanonical(s)`: a function named with a dot, which CEL resolves like a namespace.
    .registerType('IPNamespace', IPNamespace)
    .registerConstant('ip', 'IPNamespace', new IPNamespace())
    .registerFunction('IPNamespace.isCanonical(string): bool', (_: unknown, s: string) => toIP(s).toString() === s);
}
