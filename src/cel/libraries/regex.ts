/**
 * Regular expressions with RE2 semantics: CEL's own `matches` (which cel-js runs on JavaScript's
 * RegExp; see ../matches-rewrite.ts for how calls reach this one instead) and the Kubernetes regex
 * library (k8s.io/apiserver/pkg/cel/library/regex.go): find and findAll.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { re2 } from '../re2.js';
import { RE2_MATCHES } from '../matches-rewrite.js';

export function registerRegex(env: Environment): void {
  env
    .registerFunction(`string.${RE2_MATCHES}(string): bool`, (s: string, pattern: string) => re2(pattern).test(s))
    .registerFunction('matches(string, string): bool', (s: string, pattern: string) => re2(pattern).test(s))
    .registerFunction('string.find(string): string', (s: string, pattern: string) => re2(pattern).exec(s)?.[0] ?? '')
    .registerFunction('string.findAll(string): list<string>', (s: string, pattern: string) => findAll(s, pattern, -1))
    .registerFunction('string.findAll(string, int): list<string>', (s: string, pattern: string, n: bigint) => findAll(s, pattern, Number(n)));
}

/** Go's FindAllString: n < 0 means all matches. */
function findAll(s: string, pattern: string, n: number): string[] {
  const out: string[] = [];
  if (n === 0) return out;
  const m = re2(pattern).matcher(s);
  while ((n < 0 || out.length < n) && m.find()) out.push(m.group() ?? '');
  return out;
}
