/**
 * Which level and version a namespace asks for, as pod-security-admission reads its labels
 * (staging/src/k8s.io/pod-security-admission/api/helpers.go: ParseLevel, ParseVersion, PolicyToEvaluate).
 */
import { LEVELS, type Level } from './types.js';

/** A policy version: a minor of v1, or latest. */
export type Version = number | 'latest';

export interface LevelVersion {
  level: Level;
  version: Version;
}

export type Mode = 'enforce' | 'audit' | 'warn';

export const MODES: readonly Mode[] = ['enforce', 'audit', 'warn'];

export type Policy = Record<Mode, LevelVersion>;

/** `restricted:latest`, `baseline:v1.30`: LevelVersion.String(). */
export function levelVersionString(lv: LevelVersion): string {
  return `${lv.level}:${versionString(lv.version)}`;
}

export function versionString(v: Version): string {
  return v === 'latest' ? 'latest' : `v1.${v}`;
}

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

export function parseLevel(s: string): Level | undefined {
  return (LEVELS as readonly string[]).includes(s) ? (s as Level) : undefined;
}

export function parseVersion(s: string): Version | undefined {
  if (s === 'latest') return 'latest';
  const m = /^v1\.(0|[1-9][0-9]*)$/.exec(s);
  return m ? Number(m[1]) : undefined;
}

export const LEVEL_ERROR = `must be one of ${LEVELS.join(', ')}`;
export const VERSION_ERROR = 'must be "latest" or "v1.x"';

export interface LabelProblem {
  label: string;
  value: string;
  message: string;
}

export const PRIVILEGED_LATEST: LevelVersion = { level: 'privileged', version: 'latest' };

export function defaultPolicy(): Policy {
  return { enforce: PRIVILEGED_LATEST, audit: PRIVILEGED_LATEST, warn: PRIVILEGED_LATEST };
}

const rank = (l: Level) => LEVELS.indexOf(l);

/**
 * The policy a namespace's labels ask for over the defaults. A bad enforce level fails closed
 * (restricted), bad audit and warn levels fail open (privileged), a bad version means latest;
 * warn follows an explicit enforce level that is stricter when warn is not labelled (kubernetes/kubernetes#113491, v1.26).
 */
export function policyToEvaluate(labels: Readonly<Record<string, string>>, defaults: Policy): { policy: Policy; problems: LabelProblem[] } {
  const p: Policy = { enforce: { ...defaults.enforce }, audit: { ...defaults.audit }, warn: { ...defaults.warn } };
  const problems: LabelProblem[] = [];
  let hasEnforceLevel = false;
  for (const mode of MODES) {
    const levelLabel = LABEL_PREFIX + mode;
    if (Object.hasOwn(labels, levelLabel)) {
      const value = labels[levelLabel] ?? '';
      const level = parseLevel(value);
      if (level) p[mode].level = level;
      else {
        p[mode].level = mode === 'enforce' ? 'restricted' : 'privileged';
        problems.push({ label: levelLabel, value, message: LEVEL_ERROR });
      }
      if (mode === 'enforce') hasEnforceLevel = level !== undefined;
    }
    const versionLabel = `${levelLabel}-version`;
    if (Object.hasOwn(labels, versionLabel)) {
      const value = labels[versionLabel] ?? '';
      const version = parseVersion(value);
      p[mode].version = version ?? 'latest';
      if (version === undefined) problems.push({ label: versionLabel, value, message: VERSION_ERROR });
    }
  }
  const warnLabelled = Object.hasOwn(labels, LABEL_PREFIX + 'warn');
  if (!warnLabelled && hasEnforceLevel && rank(p.enforce.level) > rank(p.warn.level)) {
    p.warn.level = p.enforce.level;
    if (!Object.hasOwn(labels, LABEL_PREFIX + 'warn-version')) p.warn.version = p.enforce.version;
  }
  return { policy: p, problems };
}

export function sameLevelVersion(a: LevelVersion, b: LevelVersion): boolean {
  return a.level === b.level && a.version === b.version;
}
