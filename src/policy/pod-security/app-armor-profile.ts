/**
 * The default AppArmor profile must not be overridden or disabled: neither the
 * appArmorProfile fields nor the deprecated beta annotations. Follows policy/check_appArmorProfile.go.
 */
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { annotationPointer, badSetters, mapAt, stringAt } from './pod.js';
import { goQuote, joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'appArmorProfile', level: 'baseline', description: 'Overriding or disabling the default AppArmor profile (fields and beta annotations)', versions: [0], upstream: 'policy/check_appArmorProfile.go' };

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function allowedAnnotationValue(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export function check(pod: PodView): Violation | undefined {
  const { setters, values, pointers } = badSetters(pod, 'appArmorProfile/type', (sc) => {
    const profile = mapAt(sc, 'appArmorProfile');
    return profile && !allowedType(stringAt(profile, 'type')) ? stringAt(profile, 'type') : undefined;
  });
  const annotations: string[] = [];
  for (const [key, value] of Object.entries(pod.annotations)) {
    if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotationValue(value)) continue;
    annotations.push(`${key}=${goQuote(value)}`);
    pointers.push(annotationPointer(pod, key));
  }
  const valueList = sortedSet(values);
  if (annotations.length > 0) {
    valueList.push(...sortedSet(annotations));
    setters.push(pluralize('annotation', 'annotations', annotations.length));
  }
  if (setters.length === 0) return undefined;
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', valueList.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(valueList)}`,
    pointers,
  };
}
