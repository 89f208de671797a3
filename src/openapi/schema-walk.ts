/**
 * Navigation of a (converted) schema alongside a value: $refs into the bundle's definitions
 * are followed, and the definition a node came from is tracked, because the API server's
 * hand-written checks are keyed by type ("a Container's name", "a ContainerPort's name").
 */
import { parsePointer } from '../core/index.js';
import type { SchemaNode } from './bundle.js';

const REF = '#/definitions/';

export interface Resolved {
  node: SchemaNode;
  /** The definition this node is (not the one it sits in), when it was reached through a $ref. */
  definition?: string;
}

export class SchemaWalker {
  constructor(private readonly definitions: Record<string, SchemaNode>) {}

  resolve(node: SchemaNode | undefined): Resolved | undefined {
    let current = node;
    let definition: string | undefined;
    for (let i = 0; i < 32 && current && typeof current.$ref === 'string'; i++) {
      const ref = current.$ref;
      definition = ref.startsWith(REF) ? ref.slice(REF.length) : ref.slice(ref.indexOf(REF) + REF.length);
      current = this.definitions[definition];
    }
    return current ? { node: current, definition } : undefined;
  }

  /** The schema of a child: a declared property, a map value, or an array item. */
  child(node: SchemaNode, segment: string, isArray: boolean): SchemaNode | undefined {
    if (isArray) return node.items as SchemaNode | undefined;
    const properties = node.properties as Record<string, SchemaNode> | undefined;
    if (properties && Object.hasOwn(properties, segment)) return properties[segment];
    const additional = node.additionalProperties;
    return additional && typeof additional === 'object' ? (additional as SchemaNode) : undefined;
  }

  /** The resolved schema at a JSON pointer of a value, or undefined when the schema does not reach there. */
  at(root: SchemaNode, value: unknown, pointer: string): Resolved | undefined {
    let resolved = this.resolve(root);
    let current = value;
    for (const segment of parsePointer(pointer)) {
      if (!resolved) return undefined;
      const isArray = Array.isArray(current);
      resolved = this.resolve(this.child(resolved.node, segment, isArray));
      current = current !== null && typeof current === 'object' && Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
    return resolved;
  }
}

export function propertyNames(node: SchemaNode): string[] {
  return Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
}
