/** A pod spec as the checks see it, out of a Pod or a workload's pod template. */
import { escapeSegment, stringOf, valueAt } from '../../core/index.js';
import { isMap, podTemplate } from '../../rules/index.js';
import type { ContainerView, Obj, PodView } from './types.js';
import { joinQuote, pluralize } from './text.js';

/** The pod (template) of a Pod or a workload, or undefined for other kinds and templates without a spec. */
export function podViewOf(resource: Parameters<typeof podTemplate>[0]): PodView | undefined {
  const t = podTemplate(resource);
  if (!t) return undefined;
  const metadataPointer = t.labelsPointer.slice(0, -'/labels'.length);
  const metadata = valueAt(resource.object, metadataPointer);
  return podView(t.spec, t.specPointer, isMap(metadata) ? metadata : {}, metadataPointer);
}

/** Builds the view; exported for the checks' tests, which give a bare spec. */
export function podView(spec: Obj, specPointer: string, metadata: Obj = {}, metadataPointer = '/metadata'): PodView {
  const annotations: Record<string, string> = {};
  if (isMap(metadata.annotations)) for (const [k, v] of Object.entries(metadata.annotations)) annotations[k] = stringOf(v);
  const containers: ContainerView[] = [];
  // upstream's visitContainers: init containers, containers, then ephemeral containers.
  for (const field of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      if (!isMap(c)) return;
      containers.push({ name: typeof c.name === 'string' ? c.name : '', container: c, pointer: `${specPointer}/${field}/${i}`, ...(isMap(c.securityContext) && { securityContext: c.securityContext }) });
    });
  }
  return {
    annotations,
    annotationsPointer: `${metadataPointer}/annotations`,
    spec,
    specPointer,
    ...(isMap(spec.securityContext) && { securityContext: spec.securityContext }),
    containers,
  };
}

/** The pointer of an annotation. */
export function annotationPointer(pod: PodView, key: string): string {
  return `${pod.annotationsPointer}/${escapeSegment(key)}`;
}

/** A map field of a map, or undefined (a Go pointer left nil). */
export function mapAt(obj: Obj | undefined, key: string): Obj | undefined {
  const v = obj?.[key];
  return isMap(v) ? v : undefined;
}

/** A string field, '' when unset (a Go string's zero value). */
export function stringAt(obj: Obj | undefined, key: string): string {
  const v = obj?.[key];
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : stringOf(v);
}

/** `spec.os.name == "windows"`: some restricted checks exempt Windows pods from v1.25 on. */
export function isWindows(pod: PodView): boolean {
  return stringAt(mapAt(pod.spec, 'os'), 'name') === 'windows';
}

/** `spec.hostUsers: false`: a pod in a user namespace, which some checks relax for from v1.35 on (KEP-127). */
export function inUserNamespace(pod: PodView): boolean {
  return pod.spec.hostUsers === false;
}

export interface Setters {
  /** `pod`, then `container "a"` or `containers "a", "b"`: upstream's badSetters, joined with " and " in its details. */
  setters: string[];
  /** The bad values found, in the order found. */
  values: string[];
  /** Where each was set. */
  pointers: string[];
  /** The containers among the setters. */
  containers: string[];
}

/**
 * Who set a forbidden value in a securityContext: the pod, then the containers. `bad` returns
 * the forbidden value of one securityContext, or undefined; `field` is the pointer below securityContext.
 */
export function badSetters(pod: PodView, field: string, bad: (securityContext: Obj | undefined) => string | undefined): Setters {
  const out: Setters = { setters: [], values: [], pointers: [], containers: [] };
  const podValue = bad(pod.securityContext);
  if (podValue !== undefined) {
    out.setters.push('pod');
    out.values.push(podValue);
    out.pointers.push(`${pod.specPointer}/securityContext/${field}`);
  }
  for (const c of pod.containers) {
    const value = bad(c.securityContext);
    if (value === undefined) continue;
    out.containers.push(c.name);
    out.values.push(value);
    out.pointers.push(`${c.pointer}/securityContext/${field}`);
  }
  if (out.containers.length > 0) out.setters.push(containersPhrase(out.containers));
  return out;
}

/** `container "a"`, `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}
