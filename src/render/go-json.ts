/**
 * Go's encoding/json decoding into a struct with DisallowUnknownFields, as kustomize reads a
 * kustomization (api/types/kustomization.go Unmarshal: sigs.k8s.io/yaml's YAMLToJSON, then a
 * json.Decoder), imitated on a GoStruct description (kustomization-types.ts). Follows Go's
 * encoding/json decode.go (object, array, literalStore, UnmarshalTypeError.Error) and fold.go:
 *
 * - YAMLToJSON marshals maps with their keys sorted (byte order): the decoder meets keys in that
 *   order, whatever order they were written in, so of two keys naming one field the later in
 *   that order wins, and the first error in that order is the one reported.
 * - A key names a field by exact match first, then case-insensitively (fold.go).
 * - An unknown key is `json: unknown field "<key>"`; a value of the wrong JSON type is
 *   `json: cannot unmarshal <json type> into Go struct field <Struct>.<json path> of type <go type>`,
 *   the path being the JSON names from the top, without list indexes or map keys.
 * - null clears a slice, map, pointer or interface{} and leaves anything else as it was.
 * - A struct or map met twice (two keys naming it) is decoded into again, keeping what the first
 *   set; a slice starts over.
 *
 * The result holds the fields under their JSON names, in the struct's order, and the written
 * key of every field whose key was written another way (for pointing at what the user wrote).
 */
import type { GoField, GoStruct, GoType } from './kustomization-types.js';

export class GoJsonError extends Error {
  /** `pointer`: JSON pointer to the offending key or value, keys as written. */
  constructor(message: string, readonly pointer: string) {
    super(message);
  }
}

export interface Decoded {
  value: Record<string, unknown>;
  /** Canonical pointer -> written pointer, for each struct field whose key was written another way. */
  renamed: Map<string, string>;
}

/** Decodes `input` (a plain JSON-like value, as sigs.k8s.io/yaml makes it) into `struct`; throws GoJsonError. */
export function decodeStrict(input: Record<string, unknown>, struct: GoStruct): Decoded {
  const renamed = new Map<string, string>();
  const value = decodeStruct(input, struct, undefined, { path: [], written: '', canonical: '', renamed });
  return { value, renamed };
}

interface Where {
  /** JSON names of the fields from the top: Go's FieldStack. */
  path: string[];
  written: string;
  canonical: string;
  renamed: Map<string, string>;
  /** The struct whose field is being decoded: Go's errorContext.Struct. */
  struct?: GoStruct;
}

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function decodeStruct(input: Record<string, unknown>, struct: GoStruct, into: Record<string, unknown> | undefined, where: Where): Record<string, unknown> {
  const set = new Map<string, unknown>(into ? Object.entries(into) : []);
  for (const key of sortedKeys(input)) {
    const field = findField(struct, key);
    const written = `${where.written}/${escape(key)}`;
    if (!field) throw new GoJsonError(`json: unknown field ${goQuote(key)}`, written);
    const canonical = `${where.canonical}/${escape(field.name)}`;
    if (field.name !== key) where.renamed.set(canonical, written);
    else where.renamed.delete(canonical);
    const inner: Where = { ...where, path: [...where.path, field.name], written, canonical, struct };
    const next = decodeValue(input[key], field.type, set.get(field.name), inner);
    if (next === undefined) set.delete(field.name);
    else set.set(field.name, next);
  }
  const out: Record<string, unknown> = {};
  for (const field of struct.fields) if (set.has(field.name)) out[field.name] = set.get(field.name);
  return out;
}

/** The value to store for `type` (undefined: no value, Go's zero or nil), given what an earlier key stored. */
function decodeValue(value: unknown, type: GoType, previous: unknown, where: Where): unknown {
  if (value === null || value === undefined) {
    // Go: null sets an interface, map, pointer or slice to nil and leaves any other value alone.
    const nilable = type.kind === 'slice' || type.kind === 'map' || type.kind === 'any' || (type.kind === 'struct' && type.pointer);
    return nilable ? undefined : previous;
  }
  const refuse = (): never => {
    throw new GoJsonError(`json: cannot unmarshal ${jsonType(value, type)} into Go struct field ${where.struct?.name ?? ''}.${where.path.join('.')} of type ${goTypeName(type)}`, where.written);
  };
  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' ? value : refuse();
    case 'bool':
      return typeof value === 'boolean' ? value : refuse();
    case 'int':
      return isInt64(value) ? value : refuse();
    case 'slice': {
      if (!Array.isArray(value)) return refuse();
      return value.map((item, i) => {
        const at: Where = { ...where, written: `${where.written}/${i}`, canonical: `${where.canonical}/${i}` };
        // A null entry of a list of structs is the zero struct; of a list of pointers, nil.
        if (item === null && type.of.kind === 'struct' && !type.pointers) return {};
        const decoded = decodeValue(item, type.of, undefined, at);
        return decoded === undefined ? null : decoded;
      });
    }
    case 'map': {
      if (!isObject(value)) return refuse();
      let map = value;
      if (type.of.kind !== 'any') {
        // Keys never fold. A null value is the element's zero value (`a: null` in commonLabels is the label a: "").
        // Checked in Go's order (the first error is the one reported), kept in the order written.
        const decoded = new Map<string, unknown>();
        for (const key of sortedKeys(value)) decoded.set(key, decodeValue(value[key], type.of, undefined, { ...where, written: `${where.written}/${escape(key)}`, canonical: `${where.canonical}/${escape(key)}` }));
        map = {};
        for (const key of Object.keys(value)) define(map, key, decoded.get(key) ?? zeroValue(type.of));
      }
      // Met a second time, Go adds to the first one.
      return isObject(previous) ? mergeMaps(previous, map) : map;
    }
    case 'struct':
      if (!isObject(value)) return refuse();
      return decodeStruct(value, type.struct, isObject(previous) ? previous : undefined, { ...where, struct: type.struct });
  }
}

/** How Go's errors print the type: `[]types.Image`, `map[string]interface {}`, `types.Selector` (a pointer's target). */
export function goTypeName(type: GoType): string {
  switch (type.kind) {
    case 'string':
      return type.go ?? 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return type.go;
    case 'any':
      return 'interface {}';
    case 'map':
      return `map[string]${goTypeName(type.of)}`;
    case 'struct':
      return `types.${type.struct.name}`;
    case 'slice':
      return `[]${type.of.kind === 'struct' && type.of.pointer ? '*' : ''}${goTypeName(type.of)}`;
  }
}

/** Go's name of a JSON value's type in UnmarshalTypeError; a number that does not fit an integer field is shown. */
function jsonType(value: unknown, type: GoType): string {
  if (typeof value === 'number' || typeof value === 'bigint') return type.kind === 'int' ? `number ${String(value)}` : 'number';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

const INT64_MAX = 2n ** 63n;

/**
 * YAMLToJSON writes a float with a whole value without a fraction (`2.0` and `1e3` become 2 and
 * 1000), which an integer field takes; 1.5 or 1e30 it refuses.
 */
function isInt64(value: unknown): boolean {
  if (typeof value === 'bigint') return value >= -INT64_MAX && value < INT64_MAX;
  return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeMaps(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of [a, b]) for (const key of Object.keys(source)) define(out, key, source[key]);
  return out;
}

/** defineProperty: a key `__proto__` stays a key. */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Go's zero value of a map element given null: nil (null) for a slice, map, pointer or interface. */
function zeroValue(type: GoType): unknown {
  if (type.kind === 'string') return '';
  if (type.kind === 'bool') return false;
  if (type.kind === 'int') return 0;
  if (type.kind === 'struct' && !type.pointer) return {};
  return null;
}

/** Keys in the order Go's json.Marshal writes a map's: by their UTF-8 bytes (code point order). */
function sortedKeys(object: Record<string, unknown>): string[] {
  return Object.keys(object).sort(compareCodePoints);
}

/**
 * Code point order, which is UTF-8 byte order. UTF-16 code units sort the same way except a
 * surrogate (U+D800-DFFF, half of a character above U+FFFF) against U+E000-FFFF: moved past them.
 */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x += x < 0xe000 ? 0x2000 : -0x800;
      y += y < 0xe000 ? 0x2000 : -0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** The field a key names: the exact JSON name first, else one equal under Go's fold (fold.go foldName). */
export function findField(struct: GoStruct, key: string): GoField | undefined {
  const exact = struct.fields.find((x) => x.name === key);
  if (exact) return exact;
  const folded = foldName(key);
  return struct.fields.find((x) => foldName(x.name) === folded);
}

/**
 * Go's foldName (encoding/json fold.go): ASCII letters upper-cased, any other character replaced
 * by the smallest of its simple case-folding orbit. The field names are ASCII, and the only
 * non-ASCII characters whose orbit holds an ASCII letter are U+017F (long s, folding to S) and
 * U+212A (Kelvin sign, folding to K): `nameſpace` names namespace. Other characters are kept as
 * they are, which never equals an ASCII field name's fold, as in Go.
 */
export function foldName(name: string): string {
  return name.replace(/[a-z\u017f\u212a]/g, (c) => (c === '\u017f' ? 'S' : c === '\u212a' ? 'K' : c.toUpperCase()));
}

/** A key as Go's %q prints it (strconv.Quote): quotes, backslashes and unprintable characters escaped. */
export function goQuote(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (NAMED_ESCAPES[c] !== undefined) out += NAMED_ESCAPES[c];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x80 || (c !== '\u00a0' && /[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]/u.test(c))) out += c;
    else if (code > 0xffff) out += `\\U${code.toString(16).padStart(8, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

const NAMED_ESCAPES: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
