/**
 * Which checks run for a level and version, in which order, as pod-security-admission's
 * check registry does (staging/src/k8s.io/pod-security-admission/policy/registry.go):
 * baseline checks by id, then restricted checks by id; a restricted evaluation runs the
 * restricted checks and the baseline checks no restricted check overrides at that version;
 * a version newer than any check's newest revision (and `latest`) is that newest version.
 * The reasons are joined as AggregateCheckResult.ForbiddenDetail joins them (policy/checks.go).
 */
import { compareStrings } from '../../core/index.js';
import { checks } from './checks.generated.js';
import type { LevelVersion } from './policy.js';
import type { PodView, PssCheck, Violation } from './types.js';

/** The newest policy version any check knows: what `latest`, and any newer pin, evaluates as. */
export const MAX_VERSION = Math.max(...checks.map((c) => c.meta.versions[c.meta.versions.length - 1] ?? 0));

const ORDERED = [...checks].sort((a, b) => (a.meta.level !== b.meta.level ? (a.meta.level === 'baseline' ? -1 : 1) : compareStrings(a.meta.id, b.meta.id)));

/**
 * The policy version evaluated. `newest` is the cluster's minor (`--kubernetes-version`): its
 * API server's registry has no check or revision newer than its own release, so `latest`, and a
 * pin newer than that, evaluate as that release does (registry.go clamps to its maxVersion).
 */
export function resolveVersion(lv: LevelVersion, newest: number = MAX_VERSION): number {
  const cap = Math.min(MAX_VERSION, newest);
  return lv.version === 'latest' || lv.version > cap ? cap : lv.version;
}

/** The checks that apply at a level and (resolved) version, in upstream's order. */
export function checksFor(level: LevelVersion['level'], version: number, catalog: readonly PssCheck[] = ORDERED): PssCheck[] {
  if (level === 'privileged') return [];
  const applies = (c: PssCheck) => (c.meta.versions[0] ?? 0) <= version;
  if (level === 'baseline') return catalog.filter((c) => c.meta.level === 'baseline' && applies(c));
  const overridden = new Set(catalog.filter((c) => c.meta.level === 'restricted' && applies(c)).flatMap((c) => (c.meta.overrides ?? []).filter((o) => o.from <= version).map((o) => o.id)));
  return catalog.filter((c) => applies(c) && !(c.meta.level === 'baseline' && overridden.has(c.meta.id)));
}

export interface Forbidden extends Violation {
  checkId: string;
}

/** The checks a pod fails at a level and version, in upstream's order. */
export function evaluatePod(lv: LevelVersion, pod: PodView, newest: number = MAX_VERSION): Forbidden[] {
  const version = resolveVersion(lv, newest);
  const out: Forbidden[] = [];
  for (const c of checksFor(lv.level, version)) {
    const v = c.check(pod, version);
    if (v) out.push({ ...v, checkId: c.meta.id });
  }
  return out;
}

/** One failed check as the controller words it in its detail: `reason (detail)`, or the reason alone. */
export function reasonWithDetail(v: Violation): string {
  return v.detail ? `${v.reason} (${v.detail})` : v.reason;
}

/** The controller's whole detail: every failed check, joined with ", ". */
export function forbiddenDetail(violations: readonly Violation[]): string {
  return violations.map(reasonWithDetail).join(', ');
}
