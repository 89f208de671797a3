/**
 * One walk over a resource and its schema that runs every per-field check: the
 * definition-keyed field checks, quantities by their grammar, and key uniqueness in
 * list-type map and set lists.
 */
import { escapeSegment, jsonText } from '../../core/index.js';
import type { SchemaNode } from '../../openapi/index.js';
import { duplicate } from '../field-error.js';
import type { SchemaWalker } from '../../openapi/index.js';
import type { CheckContext } from './context.js';
import { FIELD_CHECKS, isObject } from './field-checks.js';
import { checkPodSpec, isContainerPorts } from './pod-spec.js';

const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';

export function runFieldChecks(value: unknown, root: SchemaNode, walker: SchemaWalker, ctx: CheckContext): void {
  visit(value, root, '', walker, ctx);
}

function visit(value: unknown, schema: SchemaNode | undefined, pointer: string, walker: SchemaWalker, ctx: CheckContext): void {
  const resolved = walker.resolve(schema);
  if (!resolved || value === null || value === undefined) return;
  const { node, definition } = resolved;

  if (Array.isArray(value)) {
    const listType = node['x-kubernetes-list-type'];
    // Repeated environment variables are accepted with a warning: the duplicate-env rule reports them.
    const isEnv = /\/env$/.test(pointer);
    // Ports repeated across a pod's containers are a warning of the pod spec's (pod-spec.ts).
    if (listType === 'map' && !isEnv && !isContainerPorts(pointer)) checkListMap(value, node, pointer, walker, ctx);
    else if (listType === 'set') checkSet(value, pointer, ctx);
    const items = walker.child(node, '0', true);
    if (items && mayCheck(items, walker)) value.forEach((item, i) => visit(item, items, `${pointer}/${i}`, walker, ctx));
    return;
  }
  if (!isObject(value)) return;
  const checks = definition ? FIELD_CHECKS[definition] : undefined;
  if (definition === POD_SPEC) checkPodSpec(value, pointer, ctx);
  for (const key of Object.keys(value)) {
    // Own keys only: a manifest's `__proto__` key would otherwise find Object.prototype.
    const check = checks && Object.hasOwn(checks, key) ? checks[key] : undefined;
    const schema = walker.child(node, key, false);
    const descend = schema !== undefined && mayCheck(schema, walker);
    if (!check && !descend) continue; // labels, annotations, env, data...: nothing below to check
    const childPointer = `${pointer}/${escapeSegment(key)}`;
    if (check) check(value[key], childPointer, ctx);
    if (descend) visit(value[key], schema, childPointer, walker, ctx);
  }
}

/** Per walker (one per schema graph), whether any check of this walk can fire at a schema node or below it. */
const mayCheckCache = new WeakMap<SchemaWalker, WeakMap<SchemaNode, boolean>>();

/**
 * Whether visiting a value of this schema can report anything: some schema node reachable from
 * it (properties, map values, items; references followed) has field checks, is a PodSpec or is
 * a list-type map or set list. Most of a manifest's values (labels, annotations, env, data,
 * probes...) hold none, and the walk skips them. Found once per schema node: a search of the
 * reachable nodes (schemas are graphs with cycles, JSONSchemaProps among them).
 */
function mayCheck(start: SchemaNode, walker: SchemaWalker): boolean {
  let cache = mayCheckCache.get(walker);
  if (!cache) mayCheckCache.set(walker, (cache = new WeakMap()));
  const known = cache.get(start);
  if (known !== undefined) return known;
  const seen = new Set<SchemaNode>();
  const stack: SchemaNode[] = [start];
  let found = false;
  while (stack.length > 0 && !found) {
    const raw = stack.pop()!;
    if (seen.has(raw)) continue;
    seen.add(raw);
    const cached = cache.get(raw);
    if (cached !== undefined) {
      found = cached;
      continue;
    }
    const resolved = walker.resolve(raw);
    if (!resolved) continue;
    const { node, definition } = resolved;
    const listType = node['x-kubernetes-list-type'];
    if ((definition !== undefined && (definition === POD_SPEC || Object.hasOwn(FIELD_CHECKS, definition))) || listType === 'map' || listType === 'set') {
      found = true;
      break;
    }
    for (const child of childSchemas(node)) stack.push(child);
  }
  cache.set(start, found);
  return found;
}

/** Every schema a child value may be visited with (see SchemaWalker.child). */
function childSchemas(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  const isSchema = (x: unknown): x is SchemaNode => typeof x === 'object' && x !== null && !Array.isArray(x);
  const properties = node.properties as Record<string, unknown> | undefined;
  if (properties) for (const key of Object.keys(properties)) if (isSchema(properties[key])) out.push(properties[key]);
  if (isSchema(node.additionalProperties)) out.push(node.additionalProperties);
  if (isSchema(node.items)) out.push(node.items);
  return out;
}

function checkListMap(items: unknown[], node: SchemaNode, pointer: string, walker: SchemaWalker, ctx: CheckContext): void {
  const keys = node['x-kubernetes-list-map-keys'] as string[] | undefined;
  if (!keys?.length) return;
  const itemSchema = walker.resolve(node.items as SchemaNode | undefined)?.node;
  const properties = (itemSchema?.properties ?? {}) as Record<string, SchemaNode>;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!isObject(item)) return;
    // A missing key field takes its default (a port's protocol is "TCP"), as the API server compares them.
    const tuple = keys.map((k) => item[k] ?? walker.resolve(properties[k])?.node.default);
    if (tuple.some((v) => v === undefined)) return;
    const id = jsonText(tuple);
    if (!seen.has(id)) {
      seen.add(id);
      return;
    }
    const itemPointer = `${pointer}/${i}`;
    const single = keys.length === 1;
    const at = single ? `${itemPointer}/${escapeSegment(keys[0]!)}` : itemPointer;
    const shown = single ? tuple[0] : Object.fromEntries(keys.map((k, j) => [k, tuple[j]]));
    ctx.report({ ruleId: 'duplicate-value', message: duplicate(ctx.resource, at, shown), pointer: at, at: 'value' });
  });
}

function checkSet(items: unknown[], pointer: string, ctx: CheckContext): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = jsonText(item);
    if (seen.has(id)) {
      const at = `${pointer}/${i}`;
      ctx.report({ ruleId: 'duplicate-value', message: duplicate(ctx.resource, at, item), pointer: at, at: 'value' });
    }
    seen.add(id);
  });
}
