/**
 * The shortcuts the scheduler takes for speed must not change a decision: stepping over the
 * nodes the node-only filters reject, counting existing pods' affinity terms once per group of
 * replicas, and looking topology domains up by number.
 */
import { describe, expect, it } from 'vitest';
import type { FilterPlugin } from '../../src/schedule/framework.js';
import { defaultFilters } from '../../src/schedule/plugins.js';
import { container, deployment, node, placements, pool, schedule } from './harness.js';

const pod = (name: string, spec: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${extra}}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}\n---\n`;

describe('the search', () => {
  // Enough nodes that the search stops early (numFeasibleNodesToFind), in pools that taints,
  // node selectors and cordons rule out for some pods, so where each search starts matters.
  const nodes =
    pool('general', 180, '{cpu: "2", memory: 4Gi, pods: "12"}', '  zones: [a, b, c]\n  labels: {pool: general}\n') +
    pool('batch', 90, '{cpu: "8", memory: 16Gi, pods: "20"}', '  zones: [a, b]\n  labels: {pool: batch}\n  taints: [{key: dedicated, value: batch, effect: NoSchedule}]\n') +
    pool('memory', 60, '{cpu: "4", memory: 32Gi, pods: "20"}', '  zones: [b, c]\n  labels: {pool: memory}\n') +
    pool('cordoned', 30, '{cpu: "4", memory: 8Gi, pods: "20"}', '  zones: [c]\n  unschedulable: true\n');
  const spread = `topologySpreadConstraints:\n- maxSkew: 1\n  topologyKey: topology.kubernetes.io/zone\n  whenUnsatisfiable: DoNotSchedule\n  labelSelector: {matchLabels: {app: spread}}\n`;
  const tolerate = 'tolerations: [{key: dedicated, operator: Equal, value: batch, effect: NoSchedule}]\n';
  const workloads =
    deployment('web', 400, container('{cpu: 300m, memory: 256Mi}')) +
    deployment('spread', 150, spread + container('{cpu: 200m, memory: 128Mi}')) +
    deployment('batch', 200, tolerate + container('{cpu: "1", memory: 2Gi}')) +
    deployment('mem', 120, 'nodeSelector: {pool: memory}\n' + container('{cpu: 500m, memory: 4Gi}')) +
    deployment('nowhere', 2, 'nodeSelector: {pool: gpu}\n' + container('{cpu: 100m}')) +
    deployment('huge', 1, container('{cpu: "6"}'));

  /** The default run, after checking that it equals the run with these filters. */
  const sameAs = (filters: FilterPlugin[]) => {
    const fast = schedule(workloads, nodes);
    const slow = schedule(workloads, nodes, { filters });
    expect(fast.report.pods).toEqual(slow.report.pods);
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    return fast;
  };

  it('steps over the nodes node-only filters reject exactly as visiting each node would', () => {
    // The same filters without the node-only mark: every node visited and every filter run.
    const fast = sameAs(defaultFilters().map((f) => ({ ...f, nodeOnly: false })));
    // The scenario does exercise both outcomes.
    const placed = placements(fast);
    expect(placed['nowhere-0']).toBe("PENDING: 0/360 nodes are available: 240 node(s) didn't match Pod's node affinity/selector, 30 node(s) were unschedulable, 90 node(s) had untolerated taint(s).");
    expect(placed['huge-0']).toMatch(/^PENDING: 0\/360 nodes are available: .*Insufficient cpu/);
    expect(Object.values(placed).filter((p) => !p.startsWith('PENDING')).length).toBeGreaterThan(800);
  });

  it('shares node-only verdicts between workloads whose node-only filters read the same, as working them out for each would', () => {
    // Without `reads`, each spec works out its own verdicts (web, spread and huge read the same: nothing).
    sameAs(defaultFilters().map((f) => ({ ...f, reads: undefined })));
  });
});

describe('topology keys', () => {
  const nodes = node('a1', '{cpu: "4", memory: 8Gi, pods: "10"}') + node('b1', '{cpu: "4", memory: 8Gi, pods: "10"}');

  it("treats a key named like an object's built-in property as a label the nodes lack", () => {
    // Nodes without the topology key are in no domain: anti-affinity has nothing to hold against.
    const anti = `affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n    - labelSelector: {matchLabels: {app: web}}\n      topologyKey: constructor\n${container('{cpu: 100m}')}`;
    const r = schedule(deployment('web', 3, anti), nodes);
    expect(Object.values(placements(r)).every((p) => p === 'a1' || p === 'b1')).toBe(true);
    // And required affinity needs the key on the node.
    const affinity = anti.replace('podAntiAffinity', 'podAffinity');
    expect(placements(schedule(deployment('web', 1, affinity), nodes))['web-0']).toBe("PENDING: 0/2 nodes are available: 2 node(s) didn't match pod affinity rules.");
    // So does spreading.
    const spread = `topologySpreadConstraints:\n- maxSkew: 1\n  topologyKey: toString\n  whenUnsatisfiable: DoNotSchedule\n  labelSelector: {matchLabels: {app: web}}\n${container('{cpu: 100m}')}`;
    expect(placements(schedule(deployment('web', 1, spread), nodes))['web-0']).toBe("PENDING: 0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints (missing required label).");
  });
});

describe("existing pods' affinity terms", () => {
  const nodes = node('a1', '{cpu: "8", memory: 8Gi, pods: "10"}') + node('b1', '{cpu: "8", memory: 8Gi, pods: "10"}') + node('c1', '{cpu: "8", memory: 8Gi, pods: "10"}');
  const avoidWeb = `affinity:\n  podAntiAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 100\n      podAffinityTerm:\n        labelSelector: {matchLabels: {app: web}}\n        topologyKey: kubernetes.io/hostname\n${container('{cpu: 100m}')}`;

  it('count once per replica on the node, whatever the replicas share', () => {
    // Three cache replicas prefer to keep web away: two on a1 (-200), one on c1 (-100), none on b1.
    const cache = (name: string, at: string) => pod(name, `nodeName: ${at}\n${avoidWeb}`, ', labels: {app: cache}');
    const existing = cache('cache-x', 'a1') + cache('cache-y', 'a1') + cache('cache-z', 'c1');
    // Web itself would rather be near the cache pods, weight 60 per pod: a1 +120, c1 +60.
    const nearCache = `affinity:\n  podAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 60\n      podAffinityTerm:\n        labelSelector: {matchLabels: {app: cache}}\n        topologyKey: kubernetes.io/hostname\n${container('{cpu: 100m}')}`;
    // Sums: a1 -80, b1 0, c1 -40. Counting a1's replicas once would make a1 (+20) the best.
    const r = schedule(existing + deployment('web', 1, nearCache), nodes);
    expect(placements(r)['web-0']).toBe('b1');
  });
});

describe('replica counts past what a cluster holds', () => {
  const nodes = pool('p', 3, '{cpu: "2", memory: 4Gi, pods: "10"}', '  zones: [a, b, c]\n');

  it('makes at most MAX_PODS pods and says so at the replica count (int32 max replicas ran out of memory)', () => {
    const result = schedule(deployment('many', 2_147_483_647, container('{cpu: 100m}')) + deployment('after', 2, container('{cpu: 100m}')), nodes);
    expect(result.report.summary).toEqual({ pods: 150_000, scheduled: 30, pending: 149_970, notCreated: 0, refused: 0 });
    const limit = result.diagnostics.filter((d) => d.ruleId === 'pod-limit').map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(limit).toEqual([
      '5:13 Deployment many asks for 2147483647 pod(s); a dry run makes at most 150000 pods in all (the Kubernetes scalability limit per cluster): only the first 150000 were made',
      '19:13 Deployment after asks for 2 pod(s); a dry run makes at most 150000 pods in all (the Kubernetes scalability limit per cluster): none of them was made',
    ]);
    const unschedulable = result.diagnostics.find((d) => d.ruleId === 'unschedulable')!;
    expect(unschedulable.message).toMatch(/^149970 of 150000 pods of Deployment many cannot be scheduled \(many-30, many-31, .*, many-39 and 149960 more\): 0\/3 nodes are available: 3 Too many pods\./);
  });

  it('gives the replicas after a pending one its answer without scheduling each again, as scheduling each would', () => {
    const workloads = deployment('a', 40, container('{cpu: 300m}')) + deployment('b', 5, container('{cpu: 100m}'));
    const shortcut = schedule(workloads, nodes);
    // one replica at a time through the same scheduler: what the shortcut must equal
    const oneByOne = schedule(Array.from({ length: 40 }, (_, i) => deployment(`a-x${i}`, 1, container('{cpu: 300m}'), '{app: a}')).join('') + deployment('b', 5, container('{cpu: 100m}')), nodes);
    const strip = (r: typeof shortcut) => r.report.pods.map((p) => [p.node, p.message]);
    expect(strip(shortcut)).toEqual(strip(oneByOne));
    expect(shortcut.report.summary.pending).toBe(22);
  });
});
