/**
 * The API server's size limit on what a ConfigMap or a Secret holds, as
 * pkg/apis/core/validation/validation.go checks it (ValidateConfigMap, ValidateSecret): the
 * bytes of the values summed may not exceed core.MaxSecretSize, 1 MiB (1048576). A ConfigMap
 * counts `data` (UTF-8 bytes) and `binaryData` (decoded); a Secret counts `data` (decoded), and
 * `stringData` overwrites `data` key by key before validation (Convert_v1_Secret_To_core_Secret,
 * pkg/apis/core/v1/conversion.go). The message is field.TooLong's
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go): a Secret names `data`; a ConfigMap
 * names the whole object, field.NewPath(""), which prints as `[]`. No value is quoted.
 *
 * The finding sits at the `data` key (or `binaryData`, `stringData` when there is no `data`):
 * for a ConfigMap or Secret a kustomize generator made, that is the generator's entry.
 */
import type { Resource } from '../../core/index.js';
import { tooLong, tooLongField } from '../field-error.js';
import type { CheckContext } from './context.js';
import { isObject } from './field-checks.js';

/** core.MaxSecretSize (pkg/apis/core/types.go): the limit for ConfigMaps too. */
export const MAX_SECRET_SIZE = 1024 * 1024;

export function checkDataSize(resource: Resource, ctx: CheckContext): void {
  const { apiVersion, kind } = resource.id;
  if (apiVersion !== 'v1' || (kind !== 'ConfigMap' && kind !== 'Secret')) return;
  const object = resource.object;
  const data = isObject(object.data) ? object.data : {};
  const sizes = new Map<string, number>();
  for (const [key, value] of Object.entries(data)) sizes.set(key, typeof value !== 'string' ? 0 : kind === 'Secret' ? base64Size(value) : Buffer.byteLength(value));
  const second = kind === 'Secret' ? 'stringData' : 'binaryData';
  const more = isObject(object[second]) ? object[second] : {};
  let total = 0;
  for (const [key, value] of Object.entries(more)) {
    const size = typeof value !== 'string' ? 0 : kind === 'Secret' ? Buffer.byteLength(value) : base64Size(value);
    if (kind === 'Secret') sizes.set(key, size); // stringData overwrites data
    else total += size; // binaryData is a bag of its own (a key in both is refused apart)
  }
  for (const size of sizes.values()) total += size;
  if (total <= MAX_SECRET_SIZE) return;
  const pointer = object.data !== undefined && object.data !== null ? '/data' : `/${second}`;
  const message = kind === 'Secret' ? tooLong('/data', MAX_SECRET_SIZE) : tooLongField('[]', MAX_SECRET_SIZE);
  ctx.report({ ruleId: 'invalid-value', message, pointer, at: 'key' });
}

/** The bytes base64 text decodes to, without decoding it (whitespace, as in a wrapped value, left out). */
function base64Size(text: string): number {
  let chars = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d) padding++; // '='
    else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) chars++;
  }
  return Math.floor(((chars + padding) * 3) / 4) - padding;
}
