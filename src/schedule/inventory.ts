/**
 * The node inventory: real v1 Nodes (as `kubectl get nodes -o yaml` prints them) and
 * kubeproof NodePools (a count of identical nodes, spread over zones). Both are validated
 * like any input (NodePool through its built-in CRD, schemas/kubeproof/), but the schema's
 * findings are warnings about the inventory, never a reason to drop a node: an inventory is
 * often written by hand, without the status.nodeInfo fields the scheduler never reads. A node is
 * left out only when the scheduler could not use it (no name, an amount that is not a quantity,
 * a pool without a count), and a finding says so and why.
 */
import { appendAll, diagnosticFor, escapeSegment, parseQuantityValue, sortDiagnostics, stringOf, type Diagnostic, type Resource } from '../core/index.js';
import { validateSchemas, type KubernetesVersion } from '../schema/index.js';
import { toAmounts } from './amounts.js';
import type { SchedNode, Taint } from './types.js';

const NODEPOOL = 'kubeproof.dev/v1alpha1/NodePool';
/** A node's CSI attach limits (NodeVolumeLimits reads them); it names its node. */
const CSINODE = 'storage.k8s.io/v1/CSINode';
/** kubelet's default --max-pods, for pools that do not say. */
const DEFAULT_MAX_PODS = 110;

export interface Inventory {
  nodes: SchedNode[];
  diagnostics: Diagnostic[];
}

export function isInventoryKind(r: Resource): boolean {
  const key = `${r.id.apiVersion}/${r.id.kind}`;
  return key === 'v1/Node' || key === NODEPOOL || key === CSINODE;
}

/** CSINode spec.drivers[].allocatable.count by driver name (getVolumeLimits, nodevolumelimits/csi.go). */
function csiLimits(r: Resource): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of Array.isArray(map(r.object.spec).drivers) ? (map(r.object.spec).drivers as unknown[]) : []) {
    const count = map(map(d).allocatable).count;
    if (typeof map(d).name === 'string' && typeof count === 'number') out.set(map(d).name as string, count);
  }
  return out;
}

/** Nodes from the inventory's resources, sorted by name (the order an informer adds them in; the search's order is node-tree.ts's). */
/**
 * Nodes a dry run makes, at most: the largest clusters offered (GKE: 15,000 nodes; Kubernetes
 * documents 5,000). A NodePool may ask for 1e+308; making them would run out of memory.
 */
export const MAX_NODES = 15_000;

export function buildInventory(resources: readonly Resource[], options: { kubernetesVersion?: KubernetesVersion } = {}): Inventory {
  const inventory = resources.filter(isInventoryKind);
  const schema = validateSchemas(inventory, { kubernetesVersion: options.kubernetesVersion }).filter((d) => d.severity === 'error');
  const diagnostics: Diagnostic[] = schema.map((d) => ({ ...d, severity: 'warning' }));
  const nodes: SchedNode[] = [];
  let budget = MAX_NODES;
  const limits = new Map<string, Map<string, number>>();
  for (const r of resources) {
    if (isInventoryKind(r) && r.id.kind === 'CSINode') {
      limits.set(r.id.name, csiLimits(r));
      continue;
    }
    if (!isInventoryKind(r)) {
      diagnostics.push(diagnosticFor(r, { ruleId: 'invalid-inventory', severity: 'error', message: `${r.id.kind} "${r.id.name}" is not a Node, a CSINode or a NodePool (kubeproof.dev/v1alpha1): a node inventory holds only those`, pointer: '/kind', at: 'value' }));
      continue;
    }
    const made = r.id.kind === 'Node' ? fromNode(r, diagnostics) : fromPool(r, diagnostics, budget);
    if (typeof made === 'string') diagnostics.push(leftOut(r, made));
    else {
      appendAll(nodes, made);
      budget -= made.length;
    }
  }
  const seen = new Map<string, SchedNode>();
  for (const n of nodes) {
    const earlier = seen.get(n.name);
    if (earlier) diagnostics.push(diagnosticFor(n.source, { ruleId: 'invalid-inventory', severity: 'error', message: `node "${n.name}" is declared twice (also by ${earlier.source.id.kind} "${earlier.source.id.name}"): this one is left out of the dry run`, pointer: '/metadata/name', at: 'value' }));
    else seen.set(n.name, n);
  }
  for (const [name, l] of limits) {
    const n = seen.get(name);
    if (n) n.csiLimits = l;
  }
  return { nodes: [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), diagnostics: sortDiagnostics(diagnostics) };
}

function map(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(map(v)).map(([k, x]) => [k, stringOf(x)]));
}

function taints(v: unknown): Taint[] {
  return (Array.isArray(v) ? v : []).map(map).map((t) => ({ key: stringOf(t.key ?? ''), value: t.value === undefined || t.value === null ? '' : stringOf(t.value), effect: stringOf(t.effect ?? '') }));
}

/** The finding for an inventory entry that gives no node, at its name. */
function leftOut(r: Resource, why: string): Diagnostic {
  const what = r.id.name ? `${r.id.kind} "${r.id.name}"` : `a ${r.id.kind} without metadata.name`;
  return diagnosticFor(r, { ruleId: 'invalid-inventory', severity: 'error', message: `${what} is left out of the dry run: ${why}`, pointer: r.id.name ? '/metadata/name' : '/metadata', at: r.id.name ? 'value' : 'key' });
}

/**
 * Parses a resource list, reporting each amount that is not a quantity at its position. A node
 * with one is left out (the API server would not hold such a Node, so no scheduler sees it):
 * the reason is returned instead of the amounts.
 */
function allocatable(r: Resource, pointer: string, list: unknown, diagnostics: Diagnostic[]) {
  const ok: Record<string, unknown> = {};
  const field = pointer.slice(1).replace(/\//g, '.');
  const bad: string[] = [];
  for (const [name, raw] of Object.entries(map(list))) {
    const parsed = parseQuantityValue(raw);
    if (parsed?.ok) ok[name] = raw;
    else {
      bad.push(`${field}[${name}]`);
      diagnostics.push(diagnosticFor(r, { ruleId: 'invalid-quantity', severity: 'error', message: `${field}[${name}]: Invalid value: ${JSON.stringify(raw)}: ${parsed ? parsed.error : 'must be a quantity'}`, pointer: `${pointer}/${escapeSegment(name)}`, at: 'value' }));
    }
  }
  if (bad.length) return `${bad.join(', ')} ${bad.length === 1 ? 'is not a quantity' : 'are not quantities'}`;
  return toAmounts(ok);
}

/** The scheduler knows a node by its name: a Node without one is left out. */
const NO_NAME = 'the scheduler knows a node by its name';

function fromNode(r: Resource, diagnostics: Diagnostic[]): SchedNode[] | string {
  const meta = map(r.object.metadata);
  const spec = map(r.object.spec);
  const status = map(r.object.status);
  if (!r.id.name) return NO_NAME;
  // The scheduler reads status.allocatable; a Node printed before the kubelet reported it has only capacity.
  const field = status.allocatable !== undefined ? 'allocatable' : 'capacity';
  const amounts = allocatable(r, `/status/${field}`, status[field], diagnostics);
  if (typeof amounts === 'string') return amounts;
  return [
    {
      name: r.id.name,
      labels: { 'kubernetes.io/hostname': r.id.name, ...strings(meta.labels) },
      taints: taints(spec.taints),
      unschedulable: spec.unschedulable === true,
      allocatable: amounts,
      source: r,
    },
  ];
}

function fromPool(r: Resource, diagnostics: Diagnostic[], budget: number): SchedNode[] | string {
  const spec = map(r.object.spec);
  if (!r.id.name) return 'its nodes are named after it';
  const count = spec.count ?? 0;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return `spec.count ${JSON.stringify(count)} is not a whole number of nodes`;
  if (count > budget) return `spec.count ${count} would take the inventory past ${MAX_NODES.toLocaleString('en-US')} nodes, the most a dry run makes (the largest clusters offered today)`;
  const make = poolTemplate(r, diagnostics);
  if (typeof make === 'string') return make;
  const out: SchedNode[] = [];
  for (let i = 0; i < count; i++) out.push(make(i));
  return out;
}

/**
 * A NodePool's node template: the i-th node of the pool (named <pool>-<i>, in the i-th zone
 * round robin). The inventory makes nodes 0..count-1 with it; --node-pools makes the nodes a
 * scale-up would add (node-pools.ts) with the same function, so both read the pool alike.
 */
export function poolTemplate(r: Resource, diagnostics: Diagnostic[]): ((i: number) => SchedNode) | string {
  const spec = map(r.object.spec);
  const zones = Array.isArray(spec.zones) ? spec.zones.map(stringOf) : [];
  const amounts = allocatable(r, '/spec/allocatable', spec.allocatable, diagnostics);
  if (typeof amounts === 'string') return amounts;
  if (!amounts.has('pods')) amounts.set('pods', DEFAULT_MAX_PODS);
  return (i) => {
    const name = `${r.id.name}-${i}`;
    const zone: Record<string, string> = zones.length > 0 ? { 'topology.kubernetes.io/zone': zones[i % zones.length]! } : {};
    return {
      name,
      labels: { 'kubernetes.io/hostname': name, ...zone, ...strings(spec.labels) },
      taints: taints(spec.taints),
      unschedulable: spec.unschedulable === true,
      allocatable: new Map(amounts),
      source: r,
      pool: r.id.name,
    };
  };
}
