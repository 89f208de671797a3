/**
 * The one part of CEL type checking against the schema done here: the API server declares
 * `self` with the schema's type (k8s.io/apiserver/pkg/cel/common/schemas.go SchemaDeclType),
 * so selecting a field an object does not declare fails to compile: "undefined field 'x'".
 * Chains from `self` are followed (a.b, a[0], m['k'], has(), .?), through the variables of
 * all/exists/map/filter... and cel.bind; an object's fields are its
 * properties, escaped, plus apiVersion, kind and metadata (only name and generateName) at a
 * resource's root. Where the type is open (preserve-unknown-fields, int-or-string, no schema)
 * nothing is checked, so no rule the API server accepts is refused.
 */
import { escapeName, type CelNode, type StructuralSchema } from '../cel/index.js';

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

interface At {
  schema: StructuralSchema;
  /** A resource root or embedded resource: apiVersion, kind and metadata are fields too. */
  root: boolean;
}

/** What a variable denotes: a schema position, or undefined when its type is open or unknown. */
type Scope = ReadonlyMap<string, At | undefined>;

/** Macros whose iteration variables take the elements (or keys) of their receiver. */
const MACROS = new Set(['all', 'exists', 'exists_one', 'existsOne', 'map', 'filter', 'transformList', 'transformMap', 'transformMapEntry']);

function findUndefined(ast: CelNode, source: string, schema: StructuralSchema, resourceRoot: boolean): string | undefined {
  let error: string | undefined;

  /** The schema an expression denotes when it is a chain from a known variable; undefined when unknown. */
  const resolve = (node: CelNode, scope: Scope): At | undefined => {
    switch (node.op) {
      case 'id': {
        const name = node.args as string;
        if (scope.has(name)) return scope.get(name);
        return name === 'self' ? { schema, root: resourceRoot } : undefined;
      }
      case '.':
      case '.?': {
        const [operand, name] = node.args as [CelNode, string];
        const at = resolve(operand, scope);
        return at && member(at, name);
      }
      case '[]':
      case '[?]': {
        const [operand, index] = node.args as [CelNode, CelNode];
        const at = resolve(operand, scope);
        if (!at) return undefined;
        if (at.schema.type === 'array') return elementOf(at);
        if (index.op === 'value' && typeof index.args === 'string') return member(at, index.args, true);
        return undefined;
      }
      default:
        return undefined;
    }
  };

  const visit = (node: CelNode, scope: Scope): void => {
    if (error) return;
    if (node.op === '.' || node.op === '.?') {
      const [operand, name] = node.args as [CelNode, string];
      const at = resolve(operand, scope);
      const fields = at && fieldsOf(at.schema, at.root);
      if (fields && !fields.has(name)) {
        const dot = source.indexOf('.', operand.range.end);
        error = `ERROR: <input>:${location(source, dot === -1 ? operand.range.end : dot)}: undefined field '${name}'`;
        return;
      }
      visit(operand, scope);
      return;
    }
    if (node.op === 'rcall') {
      const [name, receiver, args] = node.args as [string, CelNode, CelNode[]];
      visit(receiver, scope);
      if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel' && args.length === 3 && args[0]!.op === 'id') {
        visit(args[1]!, scope);
        visit(args[2]!, new Map([...scope, [args[0]!.args as string, resolve(args[1]!, scope)]]));
        return;
      }
      if (MACROS.has(name) && args.length >= 2 && args[0]!.op === 'id') {
        // One variable: the element of a list (a map's key has no fields); two: index or key, then the value.
        const twoVars = args.length >= 3 && args[1]!.op === 'id' && name !== 'map' && name !== 'filter';
        const element = elementOf(resolve(receiver, scope));
        const bound: (At | undefined)[] = twoVars ? [undefined, element] : [element];
        const inner = new Map(scope);
        bound.forEach((at, i) => inner.set(args[i]!.args as string, at));
        args.slice(bound.length).forEach((a) => visit(a, inner));
        return;
      }
      args.forEach((a) => visit(a, scope));
      return;
    }
    const each = (c: unknown): void => {
      if (Array.isArray(c)) c.forEach(each);
      else if (typeof c === 'object' && c !== null && 'op' in c) visit(c as CelNode, scope);
    };
    each(node.args);
  };

  visit(ast, new Map());
  return error;
}

/** What iterating over a list gives: its items. */
function elementOf(at: At | undefined): At | undefined {
  if (!at || at.schema.type !== 'array' || !isSchema(at.schema.items)) return undefined;
  return { schema: at.schema.items, root: at.schema.items['x-kubernetes-embedded-resource'] === true };
}

function member(at: At, name: string, unescaped = false): At | undefined {
  const s = at.schema;
  const additional = s.additionalProperties;
  if (!s.properties && isSchema(additional)) return { schema: additional, root: additional['x-kubernetes-embedded-resource'] === true };
  const props = { ...(s.properties as Record<string, StructuralSchema> | undefined), ...(at.root ? ROOT_EXTRA : {}) };
  const key = unescaped || name in props ? name : Object.keys(props).find((k) => escapeName(k) === name);
  const child = key === undefined ? undefined : props[key];
  return child ? { schema: child, root: child['x-kubernetes-embedded-resource'] === true } : undefined;
}

/** The field names (escaped) of a closed object type, or undefined when the type is open or not an object. */
function fieldsOf(s: StructuralSchema, root: boolean): Set<string> | undefined {
  if (s.type !== 'object' || s['x-kubernetes-preserve-unknown-fields'] || s['x-kubernetes-int-or-string']) return undefined;
  if (!s.properties && !root) return undefined;
  const names = Object.keys({ ...(s.properties as object | undefined), ...(root ? ROOT_EXTRA : {}) });
  // A field is selected by its escaped name, or by its name as written when that is an identifier
  // (the API server unescapes what a rule selects: `namespace` finds the field `namespace`).
  const escaped = names.map(escapeName).filter((n): n is string => n !== undefined);
  return new Set([...escaped, ...names.filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))]);
}

const isSchema = (v: unknown): v is StructuralSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function location(source: string, offset: number): string {
  const before = source.slice(0, offset);
  return `${before.split('\n').length}:${offset - (before.lastIndexOf('\n') + 1) + 1}`;
}
