/**
 * Go's url.ParseRequestURI (net/url), the parser behind the Kubernetes URL library: scheme,
 * authority, escaped path and raw query, with Go's error texts.
 */

export interface GoURL {
  scheme: string;
  opaque: string;
  host: string;
  /** The path as written (still escaped). */
  rawPath: string;
  rawQuery: string;
}

export function parseRequestURI(raw: string): GoURL | string {
  const fail = (why: string) => `parse ${JSON.stringify(raw)}: ${why}`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(raw)) return fail('net/url: invalid control character in URL');
  if (raw === '') return fail('empty url');
  const u: GoURL = { scheme: '', opaque: '', host: '', rawPath: '', rawQuery: '' };
  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(raw);
  if (scheme) {
    u.scheme = scheme[1]!.toLowerCase();
    rest = raw.slice(scheme[0].length);
  } else if (/^[^/?]*:/.test(raw) && !/^[a-zA-Z]/.test(raw)) return fail('missing protocol scheme');
  const q = rest.indexOf('?');
  if (q !== -1) {
    u.rawQuery = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    return fail('invalid URI for request');
  }
  if (u.scheme !== '' && rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    const authority = end === -1 ? rest.slice(2) : rest.slice(2, end);
    rest = end === -1 ? '' : rest.slice(end);
    const at = authority.lastIndexOf('@');
    u.host = at === -1 ? authority : authority.slice(at + 1);
    const hostError = checkHost(u.host);
    if (hostError) return fail(hostError);
  }
  const badEscape = /%(?![0-9a-fA-F]{2})(.{0,2})/.exec(rest);
  if (badEscape) return fail(`invalid URL escape ${JSON.stringify('%' + badEscape[1])}`);
  u.rawPath = rest;
  return u;
}

function checkHost(host: string): string | undefined {
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close === -1) return 'missing \']\' in host';
    const port = host.slice(close + 1);
    if (port !== '' && !/^:\d*$/.test(port)) return `invalid port ${JSON.stringify(port)} after host`;
    return undefined;
  }
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && !/^\d*$/.test(host.slice(colon + 1))) return `invalid port ${JSON.stringify(host.slice(colon))} after host`;
  return undefined;
}

/** URL.Hostname(): the host without port, IPv6 brackets removed. */
export function hostname(u: GoURL): string {
  const h = u.host;
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/** URL.Port(): the digits after the host's last colon, or "". */
export function port(u: GoURL): string {
  const h = u.host;
  const tail = h.startsWith('[') ? h.slice(h.indexOf(']') + 1) : h.slice(h.lastIndexOf(':') === -1 ? h.length : h.lastIndexOf(':'));
  return tail.startsWith(':') ? tail.slice(1) : '';
}

/** URL.Query(): url.ParseQuery of the raw query; pairs that do not decode are dropped, as Go drops them. */
export function query(u: GoURL): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pair of u.rawQuery.split(/[&]/)) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const k = decode(eq === -1 ? pair : pair.slice(0, eq));
    const v = decode(eq === -1 ? '' : pair.slice(eq + 1));
    if (k === undefined || v === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), v]);
  }
  return out;
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
