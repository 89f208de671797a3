/**
 * Where quantities live and what the API server makes of them: every field the OpenAPI
 * schema types as a quantity (for parse errors), and the resource lists of pods, claims,
 * quotas and limit ranges (for the checks on values), read as Kubernetes reads them.
 */
import { escapeSegment, parseQuantityValue, roundUpToMilli, stringOf, unescapeSegment, type Quantity, type Resource } from '../core/index.js';
import { fieldPath, showValue } from '../schema/index.js';
import { DEFAULT_KUBERNETES_VERSION, loadBundle, SchemaWalker, type KubernetesVersion, type SchemaNode } from '../openapi/index.js';
import { containersOf, isMap, type PodTemplate } from './workloads.js';

export interface QuantityField {
  pointer: string;
  value: unknown;
}

const walkers = new Map<string, { walker: SchemaWalker; bundle: ReturnType<typeof loadBundle> }>();
const hasQuantity = new WeakMap<SchemaNode, boolean>();

/** Every value at a quantity-typed field of a built-in kind, found by walking its schema. */
export function quantityFields(resource: Resource, version: KubernetesVersion = DEFAULT_KUBERNETES_VERSION): QuantityField[] {
  let entry = walkers.get(version);
  if (!entry) {
    const bundle = loadBundle(version);
    entry = { bundle, walker: new SchemaWalker(bundle.definitions) };
    walkers.set(version, entry);
  }
  const kind = entry.bundle.kinds[`${resource.id.apiVersion}/${resource.id.kind}`];
  if (!kind) return [];
  const out: QuantityField[] = [];
  visit(resource.object, { $ref: `#/definitions/${kind.definition}` }, '', entry.walker, out);
  return out;
}

function visit(value: unknown, schema: SchemaNode | undefined, pointer: string, walker: SchemaWalker, out: QuantityField[]): void {
  const node = walker.resolve(schema)?.node;
  if (!node || value === null || value === undefined || !containsQuantity(node, walker)) return;
  if (node.format === 'quantity') {
    out.push({ pointer, value });
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => visit(item, walker.child(node, stringOf(i), true), `${pointer}/${i}`, walker, out));
  else if (isMap(value)) for (const [key, child] of Object.entries(value)) visit(child, walker.child(node, key, false), `${pointer}/${escapeSegment(key)}`, walker, out);
}

/** Whether a quantity can appear anywhere below a schema node; remembered, and cycle-safe. */
function containsQuantity(node: SchemaNode, walker: SchemaWalker): boolean {
  const known = hasQuantity.get(node);
  if (known !== undefined) return known;
  hasQuantity.set(node, false); // while in progress: a recursive type adds nothing new
  const children: unknown[] = [node.items, node.additionalProperties, ...Object.values((node.properties as Record<string, unknown> | undefined) ?? {})];
  const result = node.format === 'quantity' || children.some((c) => isMap(c) && containsQuantity(walker.resolve(c as SchemaNode)?.node ?? {}, walker));
  hasQuantity.set(node, result);
  return result;
}

/** A parsed resource amount with where it was written. */
export interface Amount {
  name: string;
  raw: unknown;
  pointer: string;
  /** As the API server holds it after defaulting (rounded up to thousandths). */
  quantity: Quantity;
}

/** The entries of a ResourceList that parse, rounded as defaulting rounds them (invalid ones are invalid-quantity's). */
export function amountsOf(list: unknown, pointer: string): Amount[] {
  if (!isMap(list)) return [];
  const out: Amount[] = [];
  for (const [name, raw] of Object.entries(list)) {
    const parsed = parseQuantityValue(raw);
    if (parsed?.ok) out.push({ name, raw, pointer: `${pointer}/${escapeSegment(name)}`, quantity: roundUpToMilli(parsed.quantity) });
  }
  return out;
}

export interface Requirements {
  /** Pointer of the `resources` object. */
  pointer: string;
  requests: Amount[];
  limits: Amount[];
  /** Which container (or "pod" for pod-level resources). */
  owner: string;
  init: boolean;
  /** A restartable init container (a sidecar), which runs next to the app containers. */
  sidecar: boolean;
}

/** The resource requirements of each container of a pod template, and the pod-level ones. */
export function requirementsOf(t: PodTemplate): Requirements[] {
  const out: Requirements[] = [];
  for (const { container, pointer } of containersOf(t)) {
    if (!isMap(container.resources)) continue;
    const p = `${pointer}/resources`;
    const init = pointer.includes('/initContainers/');
    out.push({
      pointer: p,
      requests: amountsOf(container.resources.requests, `${p}/requests`),
      limits: amountsOf(container.resources.limits, `${p}/limits`),
      owner: typeof container.name === 'string' ? container.name : '',
      init,
      sidecar: init && container.restartPolicy === 'Always',
    });
  }
  if (isMap(t.spec.resources)) {
    const p = `${t.specPointer}/resources`;
    out.push({ pointer: p, requests: amountsOf(t.spec.resources.requests, `${p}/requests`), limits: amountsOf(t.spec.resources.limits, `${p}/limits`), owner: 'pod', init: false, sidecar: false });
  }
  return out;
}

/** helper.IsNativeResource: no domain, or a kubernetes.io one. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** helper.IsOvercommitAllowed: requests may be below limits only for native, non-hugepage resources. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePages(name);
}

/** helper.IsExtendedResourceName: a domain-prefixed name outside kubernetes.io (nvidia.com/gpu). */
export function isExtendedResource(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.');
}

/** Names of maps keyed by resource name (ResourceList): the API server prints their keys as `[cpu]`. */
const RESOURCE_LIST = /\/(requests|limits|hard|used|capacity|allocatable|overhead|podFixed|max|min|default|defaultRequest|maxLimitRequestRatio)\/([^/]+)$/;

export function isResourceListEntry(pointer: string): boolean {
  return RESOURCE_LIST.test(pointer);
}

/** The field path the API server prints for a quantity: `spec.containers[0].resources.limits[memory]`. */
export function quantityPath(pointer: string): string {
  const m = RESOURCE_LIST.exec(pointer);
  if (!m) return fieldPath(pointer);
  const name = unescapeSegment(m[2]!);
  return `${fieldPath(pointer.slice(0, pointer.length - m[2]!.length - 1))}[${name}]`;
}

/** `<path>: Invalid value: <value>: <detail>`, with resource-list keys in brackets. */
export function invalidQuantity(resource: Resource, pointer: string, value: unknown, detail: string): string {
  return `${quantityPath(pointer)}: Invalid value: ${showValue(value, resource, pointer)}: ${detail}`;
}
