/**
 * What the schema cannot say but the API server enforces, per field of an API type:
 * names, labels, annotations and ports (resource amounts are the invalid-quantity and
 * requests-exceed-limits rules'). Keyed by the definition the
 * walker reached the field through, so a Container's name is checked wherever a
 * Container appears (Pod, Deployment template, CronJob's job template...).
 */
import { escapeSegment } from '../../core/index.js';
import { invalid, tooLong } from '../field-error.js';
import type { CheckContext, FieldCheck } from './context.js';
import { isDNS1123Label, isLabelKey, isLabelValue, isPortName } from './names.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const CORE = 'io.k8s.api.core.v1.';

const eachError = (ruleId: 'invalid-name' | 'invalid-label' | 'invalid-annotation' | 'invalid-value', validate: (v: string) => string[]): FieldCheck => (value, pointer, ctx) => {
  if (typeof value !== 'string') return;
  for (const detail of validate(value)) ctx.report({ ruleId, message: invalid(ctx.resource, pointer, value, detail), pointer, at: 'value' });
};

/** Label maps: the API server names the map in its message; the position is the entry's. */
const labelMap: FieldCheck = (value, pointer, ctx) => {
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const p = `${pointer}/${escapeSegment(key)}`;
    for (const detail of isLabelKey(key)) ctx.report({ ruleId: 'invalid-label', message: invalid(ctx.resource, pointer, key, detail), pointer: p, at: 'key' });
    if (typeof v === 'string') for (const detail of isLabelValue(v)) ctx.report({ ruleId: 'invalid-label', message: invalid(ctx.resource, pointer, v, detail), pointer: p, at: 'value' });
  }
};

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

const annotations: FieldCheck = (value, pointer, ctx) => {
  if (!isObject(value)) return;
  let total = 0;
  for (const [key, v] of Object.entries(value)) {
    const p = `${pointer}/${escapeSegment(key)}`;
    // The API server lower-cases annotation keys before checking them.
    for (const detail of isLabelKey(key.toLowerCase())) ctx.report({ ruleId: 'invalid-annotation', message: invalid(ctx.resource, pointer, key, detail), pointer: p, at: 'key' });
    total += Buffer.byteLength(key) + (typeof v === 'string' ? Buffer.byteLength(v) : 0);
  }
  if (total > TOTAL_ANNOTATION_SIZE) ctx.report({ ruleId: 'invalid-annotation', message: tooLong(pointer, TOTAL_ANNOTATION_SIZE), pointer, at: 'key' });
};

const portNumber = (optional: boolean): FieldCheck => (value, pointer, ctx) => {
  if (typeof value !== 'number' || (optional && value === 0)) return;
  if (value < 1 || value > 65535) ctx.report({ ruleId: 'invalid-value', message: invalid(ctx.resource, pointer, value, 'must be between 1 and 65535, inclusive'), pointer, at: 'value' });
};

const targetPort: FieldCheck = (value, pointer, ctx) => {
  if (typeof value === 'number') portNumber(false)(value, pointer, ctx);
  else eachError('invalid-name', isPortName)(value, pointer, ctx);
};

const selectorValues: FieldCheck = (value, pointer, ctx) => {
  if (!Array.isArray(value)) return;
  value.forEach((v, i) => eachError('invalid-label', isLabelValue)(v, `${pointer}/${i}`, ctx));
};

export const FIELD_CHECKS: Record<string, Record<string, FieldCheck>> = {
  [`${META}ObjectMeta`]: { labels: labelMap, annotations },
  [`${META}LabelSelector`]: { matchLabels: labelMap },
  [`${META}LabelSelectorRequirement`]: { key: eachError('invalid-label', isLabelKey), values: selectorValues },
  [`${CORE}Container`]: { name: eachError('invalid-name', isDNS1123Label) },
  [`${CORE}EphemeralContainer`]: { name: eachError('invalid-name', isDNS1123Label) },
  [`${CORE}Volume`]: { name: eachError('invalid-name', isDNS1123Label) },
  [`${CORE}ContainerPort`]: { name: eachError('invalid-name', isPortName), containerPort: portNumber(false), hostPort: portNumber(true) },
  [`${CORE}ServicePort`]: { name: eachError('invalid-name', isDNS1123Label), port: portNumber(false), targetPort },
  [`${CORE}ServiceSpec`]: { selector: labelMap },
  [`${CORE}PodSpec`]: { nodeSelector: labelMap },
};

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type { CheckContext };
