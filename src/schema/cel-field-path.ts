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

export function resolveFieldPath(fieldPath: string, schema: StructuralSchema): ResolvedFieldPath | undefined {
  const tokens = fieldPath.match(/'(?:[^'\\]|\\.)*'|[.[\]]|[^.[\]']+/g) ?? [];
  let text = '';
  const segments: string[] = [];
  let node: StructuralSchema | undefined = schema;
  for (let i = 0; i < tokens.length; i++) {
    let name: string;
    if (tokens[i] === '.') {
      name = tokens[++i] ?? '';
      if (name === '' || name === '.' || name === '[') return undefined;
    } else if (tokens[i] === '[') {
      const quoted = tokens[++i] ?? '';
      if (!/^'.*'$/.test(quoted) || tokens[++i] !== ']') return undefined;
      name = unescapeQuoted(quoted.slice(1, -1));
    } else return undefined;
    const properties = node?.properties as Record<string, StructuralSchema> | undefined;
    const additional = node?.additionalProperties;
    if (properties) {
      node = properties[name];
      if (!node) return undefined;
      text += text === '' ? name : `.${name}`;
    } else if (typeof additional === 'object' && additional !== null) {
      node = additional as StructuralSchema;
      text += `[${name}]`;
    } else return undefined;
    segments.push(escapeSegment(name));
  }
  return text === '' ? undefined : { text, segments };
}

const UNESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '\\': '\\' };

function unescapeQuoted(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c);
}
