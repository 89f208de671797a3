/**
 * IP addresses as Go's net/netip reads and prints them (ParseAddr, Addr.String, the Is* tests),
 * for the Kubernetes ip and cidr CEL libraries. Addresses are 4 or 16 bytes.
 */

export interface Addr {
  readonly bytes: Uint8Array;
  readonly zone: string;
  /** An IPv6 address written as ::ffff:a.b.c.d. */
  readonly is4in6: boolean;
}

/** netip.ParseAddr: the address or Go's error text. */
export function parseAddr(s: string): Addr | string {
  const fail = (why: string) => `ParseAddr(${JSON.stringify(s)}): ${why}`;
  if (s.includes(':')) {
    const pct = s.indexOf('%');
    const zone = pct === -1 ? '' : s.slice(pct + 1);
    if (pct !== -1 && zone === '') return fail('zone must be a non-empty string');
    const bytes = parse6(pct === -1 ? s : s.slice(0, pct));
    if (typeof bytes === 'string') return fail(bytes);
    const is4in6 = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
    return { bytes, zone, is4in6 };
  }
  if (s.includes('.')) {
    const bytes = parse4(s);
    return typeof bytes === 'string' ? fail(bytes) : { bytes, zone: '', is4in6: false };
  }
  return fail('unable to parse IP');
}

function parse4(s: string): Uint8Array | string {
  const parts = s.split('.');
  if (parts.length !== 4) return 'IPv4 address too short';
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i]!;
    if (!/^\d{1,3}$/.test(p)) return p === '' ? 'IPv4 field must have at least one digit' : 'unexpected character';
    if (p.length > 1 && p[0] === '0') return 'IPv4 field has octet with leading zero';
    const n = Number(p);
    if (n > 255) return 'IPv4 field has value >255';
    out[i] = n;
  }
  return out;
}

function parse6(s: string): Uint8Array | string {
  const out = new Uint8Array(16);
  let head = s;
  let tailV4: Uint8Array | undefined;
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parse4(s.slice(lastColon + 1));
    if (typeof v4 === 'string') return v4;
    tailV4 = v4;
    // "::1.2.3.4" keeps its "::"; "64:ff9b::1.2.3.4" and "::ffff:1.2.3.4" drop the separator.
    head = s[lastColon - 1] === ':' ? s.slice(0, lastColon + 1) : s.slice(0, lastColon);
  }
  const groups = 8 - (tailV4 ? 2 : 0);
  const halves = head.split('::');
  if (halves.length > 2) return 'multiple :: in address';
  const parseGroups = (t: string): number[] | string => {
    if (t === '') return [];
    const out: number[] = [];
    for (const g of t.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return g.length > 4 ? 'IPv6 field has value >=2^16' : 'unexpected character';
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = parseGroups(halves[0]!);
  if (typeof left === 'string') return left;
  let words: number[];
  if (halves.length === 2) {
    const right = parseGroups(halves[1]!);
    if (typeof right === 'string') return right;
    if (left.length + right.length >= groups) return 'IPv6 address too long';
    words = [...left, ...new Array<number>(groups - left.length - right.length).fill(0), ...right];
  } else {
    if (left.length !== groups) return left.length < groups ? 'IPv6 address too short' : 'IPv6 address too long';
    words = left;
  }
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  if (tailV4) out.set(tailV4, 12);
  return out;
}

/** Addr.String(): dotted quad, or RFC 5952 (longest run of zero groups as ::, lower case). */
export function addrString(a: Addr): string {
  const b = a.bytes;
  if (b.length === 4) return Array.from(b).join('.');
  const words = Array.from({ length: 8 }, (_, i) => (b[i * 2]! << 8) | b[i * 2 + 1]!);
  if (a.is4in6) return `::ffff:${Array.from(b.slice(12)).join('.')}${a.zone ? '%' + a.zone : ''}`;
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  const text = bestStart === -1 ? hex(words) : `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
  return text + (a.zone ? '%' + a.zone : '');
}

export const family = (a: Addr): 4 | 6 => (a.bytes.length === 4 ? 4 : 6);

export const isUnspecified = (a: Addr) => a.bytes.every((x) => x === 0);

export function isLoopback(a: Addr): boolean {
  const b = a.bytes;
  return b.length === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
}

export function isLinkLocalMulticast(a: Addr): boolean {
  const b = a.bytes;
  return b.length === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1]! & 0x0f) === 0x02;
}

export function isLinkLocalUnicast(a: Addr): boolean {
  const b = a.bytes;
  return b.length === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1]! & 0xc0) === 0x80;
}

/** netip's IsGlobalUnicast: not unspecified, loopback, multicast, link-local or IPv4 broadcast. */
export function isGlobalUnicast(a: Addr): boolean {
  const b = a.bytes;
  if (b.length === 4 && b.every((x) => x === 255)) return false;
  const multicast = b.length === 4 ? (b[0]! & 0xf0) === 0xe0 : b[0] === 0xff;
  return !isUnspecified(a) && !isLoopback(a) && !multicast && !isLinkLocalUnicast(a);
}

/** The address with every bit past `bits` cleared. */
export function maskAddr(a: Addr, bits: number): Addr {
  const out = new Uint8Array(a.bytes);
  for (let i = 0; i < out.length; i++) {
    const keep = Math.max(0, Math.min(8, bits - i * 8));
    out[i] = out[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return { bytes: out, zone: '', is4in6: a.is4in6 };
}

export const sameAddr = (a: Addr, b: Addr) => a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
