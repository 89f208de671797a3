/**
 * The one part of CEL type checking against the schema done here: the API server declares
 * `self` with the schema's type (k8s.io/apiserver/pkg/cel/common/schemas.go SchemaDeclType),
 * so selecting a field an object does not declare fails to compile: "undefined field 'x'".
 * Chains from `self` are followed (a.b, a[0], m['k'], has(), .?); an object's fields are its
 * properties, escaped, plus apiVersion, kind and metadata (only name and generateName) at a
 * resource's root. Where the type is open (preserve-unknown-fields, int-or-string, no schema)
 * nothing is checked, so no rule the API server accepts is refused.
 */
import { escapeName, walkCel, type CelNode, type StructuralSchema } from '../cel/index.js';

const ROOT_EXTRA: Record<string, StructuralSchema> = {
  apiVersion: { type: 'string' },
  kind: { type: 'string' },
  metadata: { type: 'object', properties: { name: { type: 'string' }, generateName: { type: 'string' } } },
};

const checked = new WeakMap<StructuralSchema, Map<string, string | undefined>>();

/** The first undefined field selected from `self`, as cel-go reports it, or undefined (cached per schema and rule). */
export function undefinedField(ast: CelNode, source: string, schema: StructuralSchema, resourceRoot: boolean): string | undefined {
  let bySource = checked.get(schema);
  if (!bySource) checked.set(schema, (bySource = new Map()));
  const key = `${resourceRoot}\u0000${source}`;
  if (!bySource.has(key)) bySource.set(key, findUndefined(ast, source, schema, resourceRoot));
  return bySource.get(key);
}

function findUndefined(ast: CelNode, source: string, schema: StructuralSchema, resourceRoot: boolean): string | undefined {
  let error: string | undefined;
  walkCel(ast, (node) => {
    if (error || (node.op !== '.' && node.op !== '.?')) return;
    const [operand, name] = node.args as [CelNode, string];
    const at = resolve(operand, schema, resourceRoot);
    if (!at) return;
    const fields = fieldsOf(at.schema, at.root);
    if (fields && !fields.has(name)) {
      const dot = source.indexOf('.', operand.range.end);
      error = `ERROR: <input>:${location(source, dot === -1 ? operand.range.end : dot)}: undefined field '${name}'`;
    }
  });
  return error;
}

interface At {
  schema: StructuralSchema;
  /** A resource root or embedded resource: apiVersion, kind and metadata are fields too. */
  root: boolean;
}

/** The schema an expression denotes when it is a chain from `self`; undefined when unknown. */
function resolve(node: CelNode, schema: StructuralSchema, resourceRoot: boolean): At | undefined {
  switch (node.op) {
    case 'id':
      return node.args === 'self' ? { schema, root: resourceRoot } : undefined;
    case '.':
    case '.?': {
      const [operand, name] = node.args as [CelNode, string];
      const at = resolve(operand, schema, resourceRoot);
      return at && member(at, name);
    }
    case '[]':
    case '[?]': {
      const [operand, index] = node.args as [CelNode, CelNode];
      const at = resolve(operand, schema, resourceRoot);
      if (!at) return undefined;
      if (at.schema.type === 'array' && isSchema(at.schema.items)) return { schema: at.schema.items, root: at.schema.items['x-kubernetes-embedded-resource'] === true };
      if (index.op === 'value' && typeof index.args === 'string') return member(at, index.args, true);
      return undefined;
    }
    default:
      return undefined;
  }
}

function member(at: At, name: string, unescaped = false): At | undefined {
  const s = at.schema;
  const additional = s.additionalProperties;
  if (!s.properties && isSchema(additional)) return { schema: additional, root: additional['x-kubernetes-embedded-resource'] === true };
  const props = { ...(s.properties as Record<string, StructuralSchema> | undefined), ...(at.root ? ROOT_EXTRA : {}) };
  const key = unescaped ? name : Object.keys(props).find((k) => escapeName(k) === name);
  const child = key === undefined ? undefined : props[key];
  return child ? { schema: child, root: child['x-kubernetes-embedded-resource'] === true } : undefined;
}

/** The field names (escaped) of a closed object type, or undefined when the type is open or not an object. */
function fieldsOf(s: StructuralSchema, root: boolean): Set<string> | undefined {
  if (s.type !== 'object' || s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-int-or-string']) return undefined;
  if (!s.properties && !root) return undefined;
  const names = Object.keys({ ...(s.properties as object | undefined), ...(root ? ROOT_EXTRA : {}) });
  return new Set(names.map(escapeName).filter((n): n is string => n !== undefined));
}

const isSchema = (v: unknown): v is StructuralSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function location(source: string, offset: number): string {
  const before = source.slice(0, offset);
  return `${before.split('\n').length}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}
