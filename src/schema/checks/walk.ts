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
    value.forEach((item, i) => visit(item, walker.child(node, String(i), true), `${pointer}/${i}`, walker, ctx));
    return;
  }
  if (!isObject(value)) return;
  const checks = definition ? FIELD_CHECKS[definition] : undefined;
  if (definition === POD_SPEC) checkPodSpec(value, pointer, ctx);
  for (const [key, child] of Object.entries(value)) {
    const childPointer = `${pointer}/${escapeSegment(key)}`;
    // Own keys only: a manifest's `__proto__` key would otherwise find Object.prototype.
    if (checks && Object.hasOwn(checks, key)) checks[key]!(child, childPointer, ctx);
    visit(child, walker.child(node, key, false), childPointer, walker, ctx);
  }
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
