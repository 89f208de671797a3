/**
 * The seccomp profile must not be explicitly set to Unconfined: the alpha annotations before
 * policy v1.19, the seccompProfile fields from v1.19. Follows policy/check_seccompProfile_baseline.go.
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { annotationPointer, badSetters, mapAt, stringAt } from './pod.js';
import { goQuote, joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'seccompProfile_baseline', level: 'baseline', description: 'Setting the seccomp profile to Unconfined', versions: [0, 19], upstream: 'policy/check_seccompProfile_baseline.go' };

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export function validSeccompType(type: string): boolean {
  return type === 'Localhost' || type === 'RuntimeDefault';
}

function validAnnotationValue(v: string): boolean {
  return v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
}

export function check(pod: PodView, version: number): Violation | undefined {
  return version >= 19 ? fields(pod) : annotations(pod);
}

function annotations(pod: PodView): Violation | undefined {
  const forbidden: string[] = [];
  const pointers: string[] = [];
  const look = (key: string) => {
    const value = Object.hasOwn(pod.annotations, key) ? pod.annotations[key] : undefined;
    if (value === undefined || validAnnotationValue(value)) return;
    forbidden.push(`${key}=${goQuote(value)}`);
    pointers.push(annotationPointer(pod, key));
  };
  look(POD_ANNOTATION);
  for (const c of pod.containers) look(CONTAINER_ANNOTATION_PREFIX + c.name);
  const list = sortedSet(forbidden);
  if (list.length === 0) return undefined;
  return { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', list.length)} ${list.join(', ')}`, pointers };
}

/** A securityContext's seccompProfile.type when it is set to a forbidden one. */
export function badSeccompType(sc: Record<string, unknown> | undefined): string | undefined {
  const profile = mapAt(sc, 'seccompProfile');
  return profile && !validSeccompType(stringAt(profile, 'type')) ? stringAt(profile, 'type') : undefined;
}

function fields(pod: PodView): Violation | undefined {
  const { setters, values, pointers } = badSetters(pod, 'seccompProfile/type', badSeccompType);
  if (setters.length === 0) return undefined;
  return { reason: 'seccompProfile', detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values))}`, pointers };
}
