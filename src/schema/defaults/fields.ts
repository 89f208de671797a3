/**
 * Setting a default the way Go's defaulting functions test for "unset": a pointer field is unset
 * when absent (the API server decodes an explicit null as absent: prunedCopy has dropped nulls
 * before these run); a plain string or integer field is also unset at its zero value, '' or 0
 * (`if obj.DNSPolicy == ""`, `if obj.TimeoutSeconds == 0`). A value of the wrong type is left as it
 * is: the API server would not decode it, and the schema stage reports it.
 */
import { isMap as isFields, ownValue, setOwn } from '../../core/index.js';

export type Fields = Record<string, unknown>;

/** A pointer field (`*int32`, `*bool`, a struct pointer): unset only when absent. */
export function defaultPointer(map: Fields, key: string, value: unknown): void {
  if (ownValue(map, key) === undefined) setOwn(map, key, value);
}

/** A string field: unset when absent or ''. */
export function defaultString(map: Fields, key: string, value: string): void {
  const v = ownValue(map, key);
  if (v === undefined || v === '') setOwn(map, key, value);
}

/** An int32 field: unset when absent or 0. */
export function defaultNumber(map: Fields, key: string, value: number): void {
  const v = ownValue(map, key);
  if (v === undefined || v === 0) setOwn(map, key, value);
}

/** The map at `key`, created when absent (a struct field, or a nil pointer the default fills); undefined when the value is not a map. */
export function child(map: Fields, key: string, create = false): Fields | undefined {
  const v = ownValue(map, key);
  if (isFields(v)) return v;
  if (v === undefined && create) {
    const made: Fields = {};
    setOwn(map, key, made);
    return made;
  }
  return undefined;
}

/** The maps of a list field; other items (and a non-list) are skipped. */
export function items(map: Fields, key: string): Fields[] {
  const v = ownValue(map, key);
  return Array.isArray(v) ? v.filter(isFields) : [];
}

/** A map or list with nothing in it, as Go's `len(x) == 0` sees a nil or empty one. */
export function isEmpty(v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isFields(v) && Object.keys(v).length === 0;
}
