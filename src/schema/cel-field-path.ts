/**
 * A rule's `fieldPath` ("`.spec.ports['http']`") resolved against the schema, as
 * ValidFieldPath in k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation.go does:
 * `.name` and `['name']` select a property of an object, or a key of a map.
 */
import { escapeSegment } from '../core/index.js';
import type { StructuralSchema } from '../cel/index.js';

export interface ResolvedFieldPath {
  /** field.Path.String() of the relative path: "a.b[key]". */
  text: string;
  /** The same path as JSON pointer segments. */
  segments: string[];
}

/** The path, or ValidFieldPath's error text. */
export function resolveFieldPath(fieldPath: string, schema: StructuralSchema): ResolvedFieldPath | { error: string } {
  const tokens = fieldPath.match(/'(?:[^'\\]|\\.)*'|[.[\]]|[^.[\]']+|'.*/g) ?? [];
  let text = '';
  const segments: string[] = [];
  let node: StructuralSchema | undefined = schema;
  for (let i = 0; i < tokens.length; i++) {
    let name: string;
    const tok = tokens[i]!;
    if (tok === '.') {
      if (i + 1 >= tokens.length) return { error: 'unexpected end of JSON path' };
      name = tokens[++i]!;
    } else if (tok === '[') {
      if (i + 1 >= tokens.length) return { error: 'unexpected end of JSON path' };
      const quoted = tokens[++i]!;
      if (quoted.length < 2 || !quoted.startsWith("'") || !quoted.endsWith("'")) return { error: `expected single quoted string but got ${quoted}` };
      const bad = /\\[^abfnrtv'\\]/.exec(quoted.slice(1, -1));
      if (bad) return { error: `invalid string literal: invalid escape char ${bad[0]}` };
      name = unescapeQuoted(quoted.slice(1, -1));
      if (i + 1 >= tokens.length) return { error: 'unexpected end of JSON path' };
      if (tokens[++i] !== ']') return { error: `expected ] but got ${tokens[i]}` };
    } else return { error: `expected [ or . but got: ${tok}` };
    const properties = node?.properties as Record<string, StructuralSchema> | undefined;
    const additional = node?.additionalProperties;
    if (properties) {
      node = properties[name];
      if (!node) return { error: 'does not refer to a valid field' };
      text += text === '' ? name : `.${name}`;
    } else if (typeof additional === 'object' && additional !== null) {
      node = additional as StructuralSchema;
      text += `[${name}]`;
    } else return { error: 'does not refer to a valid field' };
    segments.push(escapeSegment(name));
  }
  return { text, segments };
}

const UNESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '\\': '\\' };

function unescapeQuoted(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c);
}
