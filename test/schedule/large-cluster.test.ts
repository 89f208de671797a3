/**
 * A 1,000-node cluster, where kube-scheduler stops its search after numFeasibleNodesToFind
 * (420 nodes here) and the next pod's search starts where the last one stopped
 * (pkg/scheduler/schedule_one.go). Every expected figure below is worked out by hand from the
 * upstream algorithm, in the comments beside it:
 *
 * - nodes n-000..n-499 are in zone z3, n-500..n-799 in z1, n-800..n-999 in z2. The informer
 *   adds them by name, so the node tree holds the zones in the order z3, z1, z2, and its list
 *   (pkg/scheduler/backend/cache/node_tree.go) takes one node of each zone in turn: position
 *   3r is n-(r), 3r+1 is n-(500+r), 3r+2 is n-(800+r) for rounds r < 200; once z2 runs out,
 *   position 600+2(r-200) is n-(r) and the next is n-(500+r) for r < 300; from position 800
 *   on, z3 alone: n-(r) for r = 300..499.
 * - the pods are bare (no Service, no controller: no default spreading), each asks cpu 1 and
 *   memory 1Gi of nodes with 4 and 4Gi: every empty node scores the same and a node holding a
 *   pod scores less (LeastAllocated), so a pod goes to the empty node of its search whose name
 *   sorts first (kubeproof's tie-break).
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { buildInventory } from '../../src/schedule/index.js';
import { defaultFilters, defaultScores } from '../../src/schedule/plugins.js';
import { workloadPods } from '../../src/schedule/pods.js';
import { schedulerContext } from '../../src/schedule/run.js';
import { nodeTreeOrder, zoneKey } from '../../src/schedule/node-tree.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import type { SchedNode } from '../../src/schedule/types.js';
import { pod } from './harness.js';

const name = (i: number) => `n-${String(i).padStart(3, '0')}`;
const zoneOf = (i: number) => (i < 500 ? 'z3' : i < 800 ? 'z1' : 'z2');

/** The inventory, built once per tainted zone: the schedulers keep their state in their own NodeInfos. */
const inventories = new Map<string, ReturnType<typeof buildInventory>>();

function nodes(taintZone = ''): string {
  return Array.from({ length: 1000 }, (_, i) => {
    const taints = taintZone === zoneOf(i) ? 'spec: {taints: [{key: dedicated, value: x, effect: NoSchedule}]}\n' : '';
    return `apiVersion: v1\nkind: Node\nmetadata: {name: ${name(i)}, labels: {kubernetes.io/hostname: ${name(i)}, topology.kubernetes.io/zone: ${zoneOf(i)}}}\n${taints}status: {allocatable: {cpu: "4", memory: 4Gi, pods: "110"}}\n---\n`;
  }).join('');
}

const request = 'containers:\n- name: c\n  image: app:1\n  resources: {requests: {cpu: "1", memory: 1Gi}}';

/** Pinned to the nodes named, by NodeAffinity's matchFields (PreFilter's node set). */
const pinnedTo = (names: string[]) =>
  `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n      - matchFields: [{key: metadata.name, operator: In, values: [${names.join(', ')}]}]\n${request}`;

interface Step {
  node: string | null;
  evaluated: number;
  feasible: number;
  nextStart: number;
}

/** Schedules the pods one after another as kube-scheduler's loop does, noting each search. */
function run(taintZone: string, pods: string): { scheduler: Scheduler; steps: Step[] } {
  let built = inventories.get(taintZone);
  if (!built) inventories.set(taintZone, (built = buildInventory(parseManifests(nodes(taintZone), 'nodes.yaml').resources)));
  expect(built.diagnostics).toEqual([]);
  const resources = parseManifests(pods, 'app.yaml').resources;
  const scheduler = new Scheduler(built.nodes, defaultFilters(), defaultScores('least-allocated'), schedulerContext(resources));
  const steps = workloadPods(resources)
    .flatMap((w) => w.pods)
    .map((p) => {
      const decision = scheduler.decide(p);
      if (decision.node) scheduler.bind(p, decision.node);
      return { node: decision.node, evaluated: decision.evaluatedNodes, feasible: decision.feasibleNodes, nextStart: scheduler.startNodeIndex };
    });
  return { scheduler, steps };
}

const bare = (count: number, spec = request) => Array.from({ length: count }, (_, i) => pod(`p-${i}`, spec)).join('');

describe('a 1,000-node cluster over three zones', () => {
  it('is searched in the node tree order: one node of each zone in turn, zones in the order their first node came', () => {
    const order = run('', '').scheduler.searchOrderNames();
    expect(order).toHaveLength(1000);
    expect(order.slice(0, 6)).toEqual(['n-000', 'n-500', 'n-800', 'n-001', 'n-501', 'n-801']);
    // z2 has run out after 200 rounds; z3 and z1 go on in turn, then z3 alone.
    expect(order.slice(597, 603)).toEqual(['n-199', 'n-699', 'n-999', 'n-200', 'n-700', 'n-201']);
    expect(order.slice(798, 801)).toEqual(['n-299', 'n-799', 'n-300']);
    expect(order[999]).toBe('n-499');
  });

  it('stops each search after 420 feasible nodes and starts the next where it stopped', () => {
    const { steps } = run('', bare(6));
    // Every node fits: each search processes 420 nodes, so the start moves 420 a pod (mod 1000).
    expect(steps.map((s) => [s.evaluated, s.feasible])).toEqual(Array(6).fill([420, 420]));
    expect(steps.map((s) => s.nextStart)).toEqual([420, 840, 260, 680, 100, 520]);
    // Positions 0..419: rounds 0..139, n-000 first by name.
    // 420..839: z3's n-140..n-339 among them (n-140 at 3*140 = 420).
    // 840..999 then 0..259: n-340..n-499 and n-000..n-086; n-000 is taken, so n-001.
    // 260..679: n-087..n-239 (n-140 taken, but n-087 comes first).
    // 680..999 then 0..99: n-240..n-499 and n-000..n-033; n-000 and n-001 taken: n-002.
    // 100..519: n-034..n-173 (position 3*173 = 519): n-034.
    expect(steps.map((s) => s.node)).toEqual(['n-000', 'n-140', 'n-001', 'n-087', 'n-002', 'n-034']);
  });

  it('counts the nodes filtered out among the processed ones, so the start moves past them', () => {
    // z2 (n-800..n-999) is tainted: in rounds 0..199 two nodes of three fit; from position 600 on, all do.
    const { steps } = run('z2', bare(3));
    // Pod 0 from 0: 400 feasible in positions 0..598, 20 more at 600..619: 620 processed (420 + the 200 tainted).
    // Pod 1 from 620: 380 feasible at 620..999, then 40 in rounds 0..19 (the 40th is n-519 at 3*19+1 = 58):
    //   380 + 59 = 439 processed (420 + 19 tainted), next start (620 + 439) mod 1000 = 59.
    // Pod 2 from 59 (tainted n-819): 360 feasible in rounds 20..199, 60 more at 600..659: 601 processed.
    expect(steps).toEqual([
      { node: 'n-000', evaluated: 620, feasible: 420, nextStart: 620 },
      // z3 in reach: n-210..n-499 and n-000..n-019; n-000 is taken.
      { node: 'n-001', evaluated: 439, feasible: 420, nextStart: 59 },
      // z3 in reach: n-020..n-229.
      { node: 'n-020', evaluated: 601, feasible: 420, nextStart: 660 },
    ]);
  });

  it('searches a PreFilter node set of 100 or more only until numFeasibleNodesToFind of its size', () => {
    // 150 nodes named: numFeasibleNodesToFind(150) is the minimum, 100 (150 * 49% = 73).
    const names = Array.from({ length: 150 }, (_, i) => name(i));
    const { steps } = run('', bare(2, pinnedTo(names)));
    // All 150 are in z3, in name order in the search. Pod 0 from 0: n-000..n-099, start 0 + 100.
    // Pod 1 from 100 mod 150: n-100..n-149 and n-000..n-049; n-000 is taken: n-001, start 200.
    expect(steps).toEqual([
      { node: 'n-000', evaluated: 100, feasible: 100, nextStart: 100 },
      { node: 'n-001', evaluated: 100, feasible: 100, nextStart: 200 },
    ]);
  });
});

describe('the node tree', () => {
  const at = (nodeName: string, labels: Record<string, string>) => ({ name: nodeName, labels }) as unknown as SchedNode;

  it('keys a zone by region and zone, the beta labels first even when empty (GetZoneKey)', () => {
    expect(zoneKey(at('a', {}))).toBe('');
    expect(zoneKey(at('a', { 'topology.kubernetes.io/zone': 'z1' }))).toBe(':\x00:z1');
    expect(zoneKey(at('a', { 'topology.kubernetes.io/region': 'r', 'topology.kubernetes.io/zone': 'z1' }))).toBe('r:\x00:z1');
    expect(zoneKey(at('a', { 'failure-domain.beta.kubernetes.io/zone': 'old', 'topology.kubernetes.io/zone': 'z1' }))).toBe(':\x00:old');
    expect(zoneKey(at('a', { 'failure-domain.beta.kubernetes.io/zone': '', 'topology.kubernetes.io/zone': 'z1' }))).toBe('');
  });

  it('puts nodes without a zone in a zone of their own, and the same zone in two regions in two', () => {
    const r1 = { 'topology.kubernetes.io/region': 'r1', 'topology.kubernetes.io/zone': 'z' };
    const list = [at('a', r1), at('b', r1), at('c', {}), at('d', { 'topology.kubernetes.io/region': 'r2', 'topology.kubernetes.io/zone': 'z' }), at('e', {}), at('f', r1)];
    // Zones r1/z (a, b, f), none (c, e), r2/z (d): one of each in turn.
    expect(Array.from(nodeTreeOrder(list), (i) => list[i]!.name)).toEqual(['a', 'c', 'd', 'b', 'e', 'f']);
  });
});
