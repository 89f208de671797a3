/**
 * Messages in the API server's field-error format (k8s.io/apimachinery/pkg/util/validation/field):
 * `<field path>: <type>: <value>: <detail>`, such as
 * `spec.replicas: Invalid value: "three": must be an integer`.
 */
import { isSecretValuePath, jsonText, mayShowSecret, pointerToFieldPath, REDACTED, type Resource } from '../core/index.js';

export function fieldPath(pointer: string): string {
  return pointerToFieldPath(pointer) || '<root>';
}

const MAX_SHOWN = 80;

/** A value as the API server quotes it; Secret payloads are never shown. */
export function showValue(value: unknown, resource: Resource, pointer: string): string {
  if (mayShowSecret(resource.id, pointer, value)) return JSON.stringify(REDACTED);
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) + '…' : value);
  if (value === null || typeof value !== 'object') return String(value);
  const json = jsonText(value);
  return json.length > MAX_SHOWN ? (Array.isArray(value) ? '[…]' : '{…}') : json;
}

/** Secret data, stringData and anything under them, in any output: see core/redact.ts. */
export function isSecretPayload(resource: Resource, pointer: string): boolean {
  return isSecretValuePath(resource.id, pointer);
}

export const invalid = (resource: Resource, pointer: string, value: unknown, detail: string) =>
  `${fieldPath(pointer)}: Invalid value: ${showValue(value, resource, pointer)}: ${detail}`;

export const required = (pointer: string) => `${fieldPath(pointer)}: Required value`;

export const unsupported = (resource: Resource, pointer: string, value: unknown, supported: readonly unknown[]) =>
  `${fieldPath(pointer)}: Unsupported value: ${showValue(value, resource, pointer)}: supported values: ${supported
    .filter((v) => v !== '')
    .map((v) => jsonText(v))
    .join(', ')}`;

export const duplicate = (resource: Resource, pointer: string, value: unknown) => `${fieldPath(pointer)}: Duplicate value: ${showValue(value, resource, pointer)}`;

/** field.TooLong: the value itself is never shown. */
export const tooLongField = (field: string, max: number, unit = 'bytes') => `${field}: Too long: may not be more than ${max} ${unit}`;

export const tooLong = (pointer: string, max: number, unit = 'bytes') => tooLongField(fieldPath(pointer), max, unit);
