/** Helpers for the Pod Security Standards checks' table tests: a pod spec in, upstream's reason and detail out. */
import { expect } from 'vitest';
import { evaluatePod } from '../../../src/policy/pod-security/evaluate.js';
import { podView } from '../../../src/policy/pod-security/pod.js';
import type { Version } from '../../../src/policy/pod-security/policy.js';
import type { Obj, PodView, PssCheck, Violation } from '../../../src/policy/pod-security/types.js';

export function pod(spec: Obj, annotations?: Record<string, string>): PodView {
  return podView(spec, '/spec', annotations ? { annotations } : {});
}

/** `{name, securityContext}` containers, the shape most upstream cases use. */
export function containers(...list: [string, Obj?][]): Obj[] {
  return list.map(([name, securityContext]) => (securityContext ? { name, securityContext } : { name }));
}

export interface Case {
  name: string;
  spec: Obj;
  annotations?: Record<string, string>;
  /** Policy version (minor); default the newest. */
  version?: number;
  /** Upstream's expectReason and expectDetail; absent for an allowed pod. */
  reason?: string;
  detail?: string;
  pointers?: string[];
}

/** Runs a check's table: each case's reason and detail byte for byte (upstream's own test strings). */
export function runCases(check: PssCheck, cases: readonly Case[], latest = 35): void {
  for (const c of cases) {
    const got: Violation | undefined = check.check(pod(c.spec, c.annotations), c.version ?? latest);
    if (c.reason === undefined) {
      expect(got, c.name).toBeUndefined();
      continue;
    }
    expect(got, c.name).toBeDefined();
    expect({ name: c.name, reason: got!.reason, detail: got!.detail }).toEqual({ name: c.name, reason: c.reason, detail: c.detail });
    if (c.pointers) expect(got!.pointers, c.name).toEqual(c.pointers);
  }
}

/** Which levels (at a version) report the check for this pod, through the registry's evaluation. */
export function levelsReporting(checkId: string, spec: Obj, version: Version = 'latest', annotations?: Record<string, string>): string[] {
  const p = pod(spec, annotations);
  return (['privileged', 'baseline', 'restricted'] as const).filter((level) => evaluatePod({ level, version }, p).some((v) => v.checkId === checkId));
}
