/**
 * `metadata.annotations["kubeproof.dev/ignore"]: "rule-a,rule-b # reason"` on a resource. Read off the resources
 * as the run saw them: after kustomize rendering, so an annotation from a base, a patch or `commonAnnotations`
 * all count, and its position is wherever that value was written.
 */
import { compareStrings, formatResourceId, type Resource, type ResourceId, type SourceSpan } from '../core/index.js';
import { LineIndex } from './lines.js';
import { parseRuleList } from './rule-list.js';
import type { Suppression } from './types.js';

export const IGNORE_ANNOTATION = 'kubeproof.dev/ignore';
/** The annotation's JSON pointer inside a resource (`/` escaped as `~1`). */
export const IGNORE_POINTER = '/metadata/annotations/kubeproof.dev~1ignore';

/** A stable key for a resource id, for matching diagnostics to resources. */
export function resourceKey(id: ResourceId): string {
  return JSON.stringify([id.apiVersion, id.kind, id.namespace ?? '', id.name]);
}

export function ignoreAnnotationOf(resource: Resource): string | undefined {
  const metadata = resource.object.metadata;
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return undefined;
  const annotations = (metadata as Record<string, unknown>).annotations;
  if (!annotations || typeof annotations !== 'object' || Array.isArray(annotations)) return undefined;
  const value = (annotations as Record<string, unknown>)[IGNORE_ANNOTATION];
  return typeof value === 'string' ? value : undefined;
}

/**
 * One Suppression per place an annotation is written: a base rendered by two overlays carries the same annotation
 * into two resources, and it is used when it suppresses a finding about either.
 */
export function annotationSuppressions(resources: readonly Resource[], text: (file: string) => string | undefined): AnnotationSuppressions {
  const byPlace = new Map<string, { suppression: Suppression; ids: Map<string, ResourceId> }>();
  const placeOf = new Map<Resource, string>();
  for (const resource of resources) {
    const value = ignoreAnnotationOf(resource);
    if (value === undefined) continue;
    const located = resource.source.locate(IGNORE_POINTER);
    const file = located.file ?? resource.source.file;
    const span = !located.exact && located.key ? located.key : located.value;
    const place = JSON.stringify([file, span.line, span.column, span.endLine, span.endColumn, value]);
    let entry = byPlace.get(place);
    if (!entry) {
      entry = { suppression: parseAnnotation(value, file, span, located.exact ? text(file) : undefined), ids: new Map() };
      byPlace.set(place, entry);
    }
    entry.ids.set(resourceKey(resource.id), resource.id);
    placeOf.set(resource, place);
  }
  for (const { suppression, ids } of byPlace.values()) {
    suppression.resources = [...ids.values()].sort((a, b) => compareStrings(formatResourceId(a), formatResourceId(b)) || compareStrings(a.apiVersion, b.apiVersion));
  }
  const byResource = new Map<Resource, Suppression>();
  for (const [resource, place] of placeOf) byResource.set(resource, byPlace.get(place)!.suppression);
  return { suppressions: [...byPlace.values()].map((e) => e.suppression), byResource };
}

export interface AnnotationSuppressions {
  suppressions: Suppression[];
  /** The suppression each annotated resource carries. */
  byResource: Map<Resource, Suppression>;
}

function parseAnnotation(value: string, file: string, span: SourceSpan, source: string | undefined): Suppression {
  const list = parseRuleList(value);
  const inner = source === undefined ? undefined : valueOffset(source, span, value);
  const entries = list.items.length
    ? list.items.map((item) => ({ ruleId: item.ruleId, span: inner ? inner.lines.span(inner.offset + item.start, inner.offset + item.end) : span }))
    : [{ ruleId: null, span }];
  const suppression: Suppression = { kind: 'annotation', file, span, entries };
  if (list.reason !== undefined) suppression.reason = list.reason;
  return suppression;
}

/**
 * Where the value's first character is in the source, when the scalar is written on one line exactly as its value
 * (plain, or quoted without escapes), possibly after its key (kustomize locates `commonAnnotations` at the whole
 * entry): then each rule id gets its own span. Otherwise (a folded or escaped scalar) every id is reported at the whole value.
 */
function valueOffset(source: string, span: SourceSpan, value: string): { lines: LineIndex; offset: number } | undefined {
  if (span.line !== span.endLine || value === '') return undefined;
  const lines = new LineIndex(source);
  const start = lines.offset(span.line, span.column);
  const end = lines.offset(span.endLine, span.endColumn);
  if (start === undefined || end === undefined) return undefined;
  const raw = source.slice(start, end);
  if (raw === value) return { lines, offset: start };
  for (const quote of ['"', "'", '']) {
    const written = quote + value + quote;
    const before = raw.length - written.length - 1;
    if (raw.endsWith(written) && (before === -1 ? quote !== '' : /\s/.test(raw[before]!))) return { lines, offset: end - written.length + quote.length };
  }
  return undefined;
}
