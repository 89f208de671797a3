/**
 * A field of a kind's schema at a JSON pointer, as completion and hover show it: its resolved
 * schema, its type in words, whether its parent requires it, and its description (a built-in
 * kind's from schemas/descriptions/, a CRD's from its own schema).
 */
import { parsePointer } from '../core/index.js';
import type { Descriptions, SchemaNode, SchemaWalker } from '../openapi/index.js';

export interface KindSchemaView {
  root: SchemaNode;
  walker: SchemaWalker;
  /** A CRD's or a catalog's schema, which carries its descriptions inline. */
  custom: boolean;
  /** A built-in kind's descriptions, by definition and property. */
  descriptions?: Descriptions;
  /** A CRD's schema as written, where its descriptions are (the converted `root` drops them). */
  raw?: SchemaNode;
}

export interface Field {
  /** The resolved schema of the value. */
  node: SchemaNode;
  /** The definition the value's schema is, when it is one (`io.k8s.api.core.v1.Container`). */
  definition?: string;
  /** The last segment of the pointer: a property name or a list index. */
  name: string;
  required: boolean;
  description?: string;
}

/** The field at `pointer` of an object of the kind; undefined where the schema does not reach (an unknown field). */
export function fieldAt(kind: KindSchemaView, pointer: string): Field | undefined {
  const { walker } = kind;
  let resolved = walker.resolve(kind.root);
  let field: Field | undefined = resolved && { node: resolved.node, definition: definitionOf(kind.root, resolved.definition), name: '', required: false, description: undefined };
  if (field) field.description = ownDescription(kind, field, kind.raw ?? kind.root);
  let raw: SchemaNode | undefined = kind.raw;
  for (const segment of parsePointer(pointer)) {
    if (!field) return undefined;
    const parent = field;
    const isIndex = /^\d+$/.test(segment) && parent.node.items !== undefined;
    const child = isIndex ? (parent.node.items as SchemaNode) : walker.child(parent.node, segment, false);
    resolved = walker.resolve(child);
    if (!child || !resolved) return undefined;
    raw = raw && walker.child(raw, segment, isIndex);
    field = { node: resolved.node, definition: definitionOf(child, resolved.definition), name: segment, required: !isIndex && ((parent.node.required as string[] | undefined) ?? []).includes(segment), description: undefined };
    const written = raw ?? child;
    field.description = isIndex ? ownDescription(kind, field, written) : propertyDescription(kind, parent, segment, written) ?? ownDescription(kind, field, written);
  }
  return field;
}

/** The properties a value of this schema may have, by name. */
export function propertiesOf(field: Field): Record<string, SchemaNode> {
  return (field.node.properties as Record<string, SchemaNode> | undefined) ?? {};
}

/** The type in the words kubectl explain uses: `string`, `integer`, `[]Container`, `map[string]string`, `Object`. */
export function typeName(kind: KindSchemaView, node: SchemaNode | undefined, depth = 0): string {
  if (!node || depth > 4) return 'Object';
  const resolved = kind.walker.resolve(node);
  if (!resolved) return 'Object';
  const n = resolved.node;
  if (n.format === 'quantity') return 'Quantity (string or number)';
  if (n['x-kubernetes-int-or-string'] === true) return 'IntOrString (integer or string)';
  const type = n.type;
  if (Array.isArray(type)) return type.join(' or ');
  if (type === 'array') return `[]${typeName(kind, n.items as SchemaNode | undefined, depth + 1)}`;
  if (type === 'object' || n.properties !== undefined) {
    const additional = n.additionalProperties;
    if (n.properties === undefined && additional && typeof additional === 'object') return `map[string]${typeName(kind, additional as SchemaNode, depth + 1)}`;
    if (resolved.definition) return shortName(resolved.definition);
    return 'Object';
  }
  return typeof type === 'string' ? type : 'Object';
}

/** `io.k8s.api.core.v1.Container` -> `Container`. */
export function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

function definitionOf(raw: SchemaNode, resolvedDefinition: string | undefined): string | undefined {
  return typeof raw.$ref === 'string' ? resolvedDefinition : undefined;
}

/** What the parent's schema says of one of its properties. */
function propertyDescription(kind: KindSchemaView, parent: Field, property: string, raw: SchemaNode): string | undefined {
  if (kind.custom) return typeof raw.description === 'string' ? raw.description : undefined;
  return parent.definition ? kind.descriptions?.[parent.definition]?.[property] : undefined;
}

/** What the value's own type says of itself (a list item, a kind's root). */
function ownDescription(kind: KindSchemaView, field: Field, raw: SchemaNode): string | undefined {
  if (kind.custom) return typeof raw.description === 'string' ? raw.description : typeof field.node.description === 'string' ? field.node.description : undefined;
  return field.definition ? kind.descriptions?.[field.definition]?.[''] : undefined;
}
