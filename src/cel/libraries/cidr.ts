/** The Kubernetes CIDR library (k8s.io/apiserver/pkg/cel/library/cidr.go): cidr(), isCIDR(), containsIP, containsCIDR, ip, masked, prefixLength. */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { addrString, maskAddr, parseAddr, sameAddr, type Addr } from './ip-addr.js';
import { IP, toIP } from './ip.js';

export class CIDR {
  constructor(
    readonly addr: Addr,
    readonly bits: number,
  ) {}
  equals(other: unknown): boolean {
    return other instanceof CIDR && other.bits === this.bits && sameAddr(this.addr, other.addr);
  }
  contains(ip: Addr): boolean {
    return ip.bytes.length === this.addr.bytes.length && sameAddr(maskAddr(ip, this.bits), maskAddr(this.addr, this.bits));
  }
  toString(): string {
    return `${addrString(this.addr)}/${this.bits}`;
  }
}

/** cidr.go parseCIDR: netip.ParsePrefix, minus zones and IPv4-mapped IPv6 prefixes. */
export function parseCIDR(raw: string): CIDR | string {
  const fail = (why: string) => `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(raw)}): ${why}`;
  const slash = raw.lastIndexOf('/');
  if (slash === -1) return fail('no \'/\'');
  const addr = parseAddr(raw.slice(0, slash));
  if (typeof addr === 'string') return fail(addr.replace(/^ParseAddr\("[^"]*"\): /, ''));
  if (addr.zone !== '') return fail('IPv6 zones cannot be present in a prefix');
  const bitsText = raw.slice(slash + 1);
  const max = addr.bytes.length * 8;
  if (!/^\d{1,3}$/.test(bitsText) || (bitsText.length > 1 && bitsText[0] === '0') || Number(bitsText) > max) return fail(`bad bits after slash: ${JSON.stringify(bitsText)}`);
  if (addr.is4in6) return `IPv4-mapped IPv6 address ${JSON.stringify(raw)} is not allowed`;
  return new CIDR(addr, Number(bitsText));
}

function toCIDR(raw: string): CIDR {
  const c = parseCIDR(raw);
  if (typeof c === 'string') throw celError(c);
  return c;
}

export function registerCIDR(env: Environment): void {
  env
    .registerType('net.CIDR', CIDR)
    .registerOperator('net.CIDR == net.CIDR', (a: CIDR, b: CIDR) => a.equals(b))
    .registerFunction('cidr(string): net.CIDR', toCIDR)
    .registerFunction('isCIDR(string): bool', (s: string) => typeof parseCIDR(s) !== 'string')
    .registerFunction('string(net.CIDR): string', (c: CIDR) => c.toString())
    .registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CIDR, ip: IP) => c.contains(ip.addr))
    .registerFunction('net.CIDR.containsIP(string): bool', (c: CIDR, ip: string) => c.contains(toIP(ip).addr))
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CIDR, o: CIDR) => o.bits >= c.bits && c.contains(o.addr))
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CIDR, s: string) => {
      const o = toCIDR(s);
      return o.bits >= c.bits && c.contains(o.addr);
    })
    .registerFunction('net.CIDR.ip(): net.IP', (c: CIDR) => new IP(c.addr))
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CIDR) => new CIDR(maskAddr(c.addr, c.bits), c.bits))
    .registerFunction('net.CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.bits));
}
