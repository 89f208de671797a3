/**
 * The Kubernetes URL library (k8s.io/apiserver/pkg/cel/library/urls.go): url(), isURL() and the
 * getters, on Go's url.ParseRequestURI.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { hostname, parseRequestURI, port, query, type GoURL } from './url-parse.js';

export class URL {
  constructor(
    readonly u: GoURL,
    readonly text: string,
  ) {}
  equals(other: unknown): boolean {
    return other instanceof URL && other.text === this.text;
  }
}

function toURL(s: string): URL {
  const u = parseRequestURI(s);
  if (typeof u === 'string') throw celError(`URL parse error during conversion from string: ${u}`);
  return new URL(u, s);
}

export function registerURL(env: Environment): void {
  env
    .registerType('kubernetes.URL', URL)
    .registerOperator('kubernetes.URL == kubernetes.URL', (a: URL, b: URL) => a.equals(b))
    .registerFunction('url(string): kubernetes.URL', toURL)
    .registerFunction('isURL(string): bool', (s: string) => typeof parseRequestURI(s) !== 'string')
    .registerFunction('kubernetes.URL.getScheme(): string', (u: URL) => u.u.scheme)
    .registerFunction('kubernetes.URL.getHost(): string', (u: URL) => u.u.host)
    .registerFunction('kubernetes.URL.getHostname(): string', (u: URL) => hostname(u.u))
    .registerFunction('kubernetes.URL.getPort(): string', (u: URL) => port(u.u))
    .registerFunction('kubernetes.URL.getEscapedPath(): string', (u: URL) => u.u.rawPath)
    .registerFunction('kubernetes.URL.getQuery(): map<string, list<string>>', (u: URL) => query(u.u));
}
