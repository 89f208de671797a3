/** The Kubernetes semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go, version 1, in the base environment since 1.33). */
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from '../errors.js';
import { compareSemver, normalizeAndParse, parseSemver, type Version } from './semver-parse.js';

export class Semver {
  constructor(readonly v: Version) {}
  equals(other: unknown): boolean {
    return other instanceof Semver && compareSemver(this.v, other.v) === 0;
  }
}

function toSemver(s: string, normalize: boolean): Semver {
  const v = normalize ? normalizeAndParse(s) : parseSemver(s);
  if (typeof v === 'string') throw celError(v);
  return new Semver(v);
}

export function registerSemver(env: Environment): void {
  env
    .registerType('kubernetes.Semver', Semver)
    .registerOperator('kubernetes.Semver == kubernetes.Semver', (a: Semver, b: Semver) => a.equals(b))
    .registerFunction('semver(string): kubernetes.Semver', (s: string) => toSemver(s, false))
    .registerFunction('semver(string, bool): kubernetes.Semver', (s: string, n: boolean) => toSemver(s, n))
    .registerFunction('isSemver(string): bool', (s: string) => typeof parseSemver(s) !== 'string')
    .registerFunction('isSemver(string, bool): bool', (s: string, n: boolean) => typeof (n ? normalizeAndParse(s) : parseSemver(s)) !== 'string')
    .registerFunction('kubernetes.Semver.major(): int', (s: Semver) => s.v.major)
    .registerFunction('kubernetes.Semver.minor(): int', (s: Semver) => s.v.minor)
    .registerFunction('kubernetes.Semver.patch(): int', (s: Semver) => s.v.patch)
    .registerFunction('kubernetes.Semver.compareTo(kubernetes.Semver): int', (a: Semver, b: Semver) => BigInt(compareSemver(a.v, b.v)))
    .registerFunction('kubernetes.Semver.isLessThan(kubernetes.Semver): bool', (a: Semver, b: Semver) => compareSemver(a.v, b.v) < 0)
    .registerFunction('kubernetes.Semver.isGreaterThan(kubernetes.Semver): bool', (a: Semver, b: Semver) => compareSemver(a.v, b.v) > 0);
}
