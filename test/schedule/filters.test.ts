/**
 * Scenarios for each filter: workloads and nodes in, placements and kube-scheduler's FitError
 * text out. Each outcome is forced by the filters, not by scoring or tie-breaking.
 */
import { describe, expect, it } from 'vitest';
import { container, deployment, node, placements, pool, schedule } from './harness.js';

const SMALL = '{cpu: "1", memory: 1Gi, pods: "10"}';
const pod = (name: string, spec: string, extra = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}${extra}}\nspec:\n${spec.split('\n').map((l) => `  ${l}`).join('\n')}\n---\n`;

describe('NodeResourcesFit', () => {
  it('counts every shortfall of a node, and sorts the reasons as strings', () => {
    const nodes = node('a', '{cpu: 500m, memory: 512Mi, pods: "10"}') + node('b', '{cpu: 500m, memory: 4Gi, pods: "10"}') + node('c', '{cpu: "4", memory: 512Mi, pods: "10"}');
    const r = schedule(deployment('big', 1, container('{cpu: "1", memory: 1Gi}')), nodes);
    expect(placements(r)).toEqual({ 'big-0': 'PENDING: 0/3 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.' });
  });

  it('fills nodes until the pods no longer fit', () => {
    const r = schedule(deployment('web', 3, container('{cpu: 600m}')), node('a', SMALL) + node('b', SMALL));
    expect(Object.values(placements(r)).sort()).toEqual(['PENDING: 0/2 nodes are available: 2 Insufficient cpu.', 'a', 'b']);
  });

  it('refuses a node with no room for one more pod', () => {
    const r = schedule(deployment('web', 2, container('{cpu: 10m}')), node('a', '{cpu: "1", memory: 1Gi, pods: "1"}'));
    expect(placements(r)).toEqual({ 'web-0': 'a', 'web-1': 'PENDING: 0/1 nodes are available: 1 Too many pods.' });
  });

  it('treats extended resources and ephemeral storage like cpu, and a node without them as having none', () => {
    const gpu = deployment('train', 2, 'containers:\n- name: c\n  image: t:1\n  resources: {limits: {nvidia.com/gpu: 1, ephemeral-storage: 10Gi}}');
    const nodes = node('cpu-only', '{cpu: "8", memory: 8Gi, pods: "10", ephemeral-storage: 100Gi}') + node('gpu', '{cpu: "8", memory: 8Gi, pods: "10", nvidia.com/gpu: "1", ephemeral-storage: 100Gi}');
    expect(placements(schedule(gpu, nodes))).toEqual({ 'train-0': 'gpu', 'train-1': 'PENDING: 0/2 nodes are available: 2 Insufficient nvidia.com/gpu.' });
    const disk = deployment('logs', 1, container('{ephemeral-storage: 200Gi}'));
    expect(placements(schedule(disk, nodes))).toEqual({ 'logs-0': 'PENDING: 0/2 nodes are available: 2 Insufficient ephemeral-storage.' });
  });

  it('takes requests from limits where only limits are given', () => {
    const r = schedule(deployment('web', 1, 'containers:\n- name: c\n  image: w:1\n  resources: {limits: {cpu: "2"}}'), node('a', SMALL));
    expect(placements(r)).toEqual({ 'web-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.' });
  });

  it('sizes a pod by the larger of its containers and each init container, sidecars alongside', () => {
    const spec = 'initContainers:\n- {name: proxy, image: p:1, restartPolicy: Always, resources: {requests: {cpu: 300m}}}\n- {name: migrate, image: m:1, resources: {requests: {cpu: 800m}}}\ncontainers:\n- {name: app, image: a:1, resources: {requests: {cpu: 100m}}}';
    // migrate runs beside the proxy: 300m + 800m = 1100m > 1 cpu, though the app needs only 400m.
    expect(placements(schedule(deployment('web', 1, spec), node('a', SMALL)))).toEqual({ 'web-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.' });
  });

  it('adds the overhead of the pod\'s RuntimeClass, as admission does', () => {
    const rc = 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: kata}\nhandler: kata\noverhead:\n  podFixed: {cpu: 250m}\n---\n';
    const app = deployment('vm', 1, `runtimeClassName: kata\n${container('{cpu: 800m}')}`);
    expect(placements(schedule(app, node('a', SMALL)))).toEqual({ 'vm-0': 'a' });
    expect(placements(schedule(rc + app, node('a', SMALL)))).toEqual({ 'vm-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.' });
  });
});

describe('NodeUnschedulable and NodeName', () => {
  it('keeps pods off a cordoned node unless they tolerate it', () => {
    const nodes = node('a', SMALL, { unschedulable: true });
    expect(placements(schedule(deployment('web', 1, container('{cpu: 100m}')), nodes))).toEqual({ 'web-0': 'PENDING: 0/1 nodes are available: 1 node(s) were unschedulable.' });
    const tolerant = deployment('web', 1, `tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]\n${container('{cpu: 100m}')}`);
    expect(placements(schedule(tolerant, nodes))).toEqual({ 'web-0': 'a' });
  });

  it('binds a pod with spec.nodeName without scheduling it, even past capacity, as the API server does', () => {
    const r = schedule(pod('pinned', `nodeName: b\n${container('{cpu: "4"}')}`) + pod('free', container('{cpu: 500m}')), node('a', SMALL) + node('b', SMALL));
    expect(placements(r)).toEqual({ pinned: 'b', free: 'a' });
    const missing = schedule(pod('pinned', `nodeName: z\n${container('{cpu: 1m}')}`), node('a', SMALL));
    expect(placements(missing)).toEqual({ pinned: 'PENDING: spec.nodeName: node "z" is not in the node inventory' });
  });
});

describe('NodeAffinity', () => {
  const nodes = node('ssd', SMALL, { labels: { disk: 'ssd', gen: '5' } }) + node('hdd', SMALL, { labels: { disk: 'hdd', gen: '3' } }) + node('plain', SMALL);
  const affinity = (terms: string) => `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: ${terms}\n${container('{cpu: 100m}')}`;

  it('follows nodeSelector', () => {
    expect(placements(schedule(deployment('db', 1, `nodeSelector: {disk: ssd}\n${container('{cpu: 100m}')}`), nodes))).toEqual({ 'db-0': 'ssd' });
    expect(placements(schedule(deployment('db', 1, `nodeSelector: {disk: nvme}\n${container('{cpu: 100m}')}`), nodes))).toEqual({ 'db-0': "PENDING: 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector." });
  });

  it.each([
    ['In', '[{matchExpressions: [{key: disk, operator: In, values: [hdd]}]}]', 'hdd'],
    ['NotIn (a node without the label matches)', '[{matchExpressions: [{key: disk, operator: NotIn, values: [ssd, hdd]}]}]', 'plain'],
    ['Exists', '[{matchExpressions: [{key: gen, operator: Exists}, {key: disk, operator: In, values: [ssd]}]}]', 'ssd'],
    ['DoesNotExist', '[{matchExpressions: [{key: disk, operator: DoesNotExist}]}]', 'plain'],
    ['Gt compares integers', '[{matchExpressions: [{key: gen, operator: Gt, values: ["4"]}]}]', 'ssd'],
    ['Lt compares integers', '[{matchExpressions: [{key: gen, operator: Lt, values: ["4"]}]}]', 'hdd'],
    ['terms are ORed', '[{matchExpressions: [{key: disk, operator: In, values: [nvme]}]}, {matchExpressions: [{key: gen, operator: In, values: ["3"]}]}]', 'hdd'],
    ['matchFields on metadata.name', '[{matchFields: [{key: metadata.name, operator: In, values: [plain]}]}]', 'plain'],
  ])('required node affinity: %s', (_name, terms, expected) => {
    expect(placements(schedule(deployment('app', 1, affinity(terms)), nodes))).toEqual({ 'app-0': expected });
  });

  it('says which plugin narrowed the search when matchFields names nodes', () => {
    const r = schedule(deployment('app', 1, affinity('[{matchFields: [{key: metadata.name, operator: In, values: [ssd]}]}]').replace('cpu: 100m', 'cpu: "2"')), nodes);
    expect(placements(r)).toEqual({ 'app-0': "PENDING: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]." });
  });
});

describe('TaintToleration', () => {
  const nodes = node('gpu-a', SMALL, { taints: '[{key: dedicated, value: gpu, effect: NoSchedule}]' }) + node('gpu-b', SMALL, { taints: '[{key: dedicated, value: gpu, effect: NoSchedule}]' }) + node('evict', SMALL, { taints: '[{key: maintenance, effect: NoExecute}]' });
  const web = (tolerations = '') => deployment('web', 1, `${tolerations}${container('{cpu: 100m}')}`);

  it("says kube-scheduler 1.35's words for untolerated taints", () => {
    expect(placements(schedule(web(), nodes))).toEqual({ 'web-0': 'PENDING: 0/3 nodes are available: 3 node(s) had untolerated taint(s).' });
  });

  it("names the taint as kube-scheduler 1.33 does", () => {
    expect(placements(schedule(web(), nodes, { kubernetesVersion: '1.33' }))).toEqual({ 'web-0': 'PENDING: 0/3 nodes are available: 1 node(s) had untolerated taint {maintenance: }, 2 node(s) had untolerated taint {dedicated: gpu}.' });
  });

  it.each([
    ['Equal with the value', 'tolerations: [{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}]\n', 'gpu-a'],
    ['Exists on the key', 'tolerations: [{key: maintenance, operator: Exists}]\n', 'evict'],
    ['an empty key with Exists tolerates every taint', 'tolerations: [{operator: Exists}]\n', 'evict'],
  ])('tolerations: %s', (_name, tolerations, expected) => {
    const only = expected === 'evict' ? node('evict', SMALL, { taints: '[{key: maintenance, effect: NoExecute}]' }) : nodes;
    expect(placements(schedule(web(tolerations), only))).toEqual({ 'web-0': expected });
  });

  it('does not tolerate with the wrong value or effect', () => {
    const wrong = 'tolerations: [{key: dedicated, operator: Equal, value: cpu, effect: NoSchedule}, {key: maintenance, operator: Exists, effect: NoSchedule}]\n';
    expect(placements(schedule(web(wrong), nodes))).toEqual({ 'web-0': 'PENDING: 0/3 nodes are available: 3 node(s) had untolerated taint(s).' });
  });

  it('lets PreferNoSchedule taints through the filter', () => {
    const r = schedule(web(), node('soft', SMALL, { taints: '[{key: spot, effect: PreferNoSchedule}]' }));
    expect(placements(r)).toEqual({ 'web-0': 'soft' });
  });
});

describe('NodePorts', () => {
  it('gives a host port once per node, per protocol and host IP', () => {
    const spec = (port: string) => `containers:\n- name: c\n  image: p:1\n  ports: [${port}]\n  resources: {requests: {cpu: 10m}}`;
    const r = schedule(deployment('proxy', 2, spec('{containerPort: 80, hostPort: 8080}')), node('a', SMALL));
    expect(placements(r)).toEqual({ 'proxy-0': 'a', 'proxy-1': "PENDING: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports." });
    const udp = schedule(deployment('tcp', 1, spec('{containerPort: 53, hostPort: 53}')) + deployment('udp', 1, spec('{containerPort: 53, hostPort: 53, protocol: UDP}')), node('a', SMALL));
    expect(placements(udp)).toEqual({ 'tcp-0': 'a', 'udp-0': 'a' });
    const ips = schedule(deployment('one', 1, spec('{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}')) + deployment('two', 1, spec('{containerPort: 80, hostPort: 80, hostIP: 10.0.0.2}')), node('a', SMALL));
    expect(placements(ips)).toEqual({ 'one-0': 'a', 'two-0': 'a' });
  });

  it('makes every container port a host port under hostNetwork', () => {
    const spec = 'hostNetwork: true\ncontainers:\n- name: c\n  image: p:1\n  ports: [{containerPort: 9100}]\n  resources: {requests: {cpu: 10m}}';
    const r = schedule(deployment('exporter', 2, spec), node('a', SMALL));
    expect(placements(r)['exporter-1']).toBe("PENDING: 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
  });
});

describe('InterPodAffinity', () => {
  const zones = node('a1', SMALL, { labels: { 'topology.kubernetes.io/zone': 'a' } }) + node('b1', SMALL, { labels: { 'topology.kubernetes.io/zone': 'b' } }) + node('b2', SMALL, { labels: { 'topology.kubernetes.io/zone': 'b' } });
  const withAffinity = (kind: string, selector: string, key: string) =>
    `affinity:\n  ${kind}:\n    requiredDuringSchedulingIgnoredDuringExecution:\n    - labelSelector: {matchLabels: ${selector}}\n      topologyKey: ${key}\n${container('{cpu: 100m}')}`;

  it('puts a pod in the zone of the pods it must be with', () => {
    const r = schedule(pod('cache', `nodeName: a1\n${container('{cpu: 100m}')}`, ', labels: {app: cache}') + deployment('web', 2, withAffinity('podAffinity', '{app: cache}', 'topology.kubernetes.io/zone')), zones);
    expect(placements(r)).toMatchObject({ 'web-0': 'a1', 'web-1': 'a1' });
  });

  it('refuses a pod whose partners exist nowhere, unless it is the first of its own group', () => {
    const lonely = schedule(deployment('web', 1, withAffinity('podAffinity', '{app: cache}', 'topology.kubernetes.io/zone')), zones);
    expect(placements(lonely)).toEqual({ 'web-0': "PENDING: 0/3 nodes are available: 3 node(s) didn't match pod affinity rules." });
    const first = schedule(deployment('web', 2, withAffinity('podAffinity', '{app: web}', 'topology.kubernetes.io/zone')), zones);
    const { 'web-0': zero, 'web-1': one } = placements(first);
    expect(zero![0]).toBe(one![0]); // both in the zone the first one opened
  });

  it('spreads replicas with hostname anti-affinity, and says so when they run out of nodes', () => {
    const r = schedule(deployment('web', 4, withAffinity('podAntiAffinity', '{app: web}', 'kubernetes.io/hostname')), zones);
    const placed = placements(r);
    expect(new Set([placed['web-0'], placed['web-1'], placed['web-2']])).toEqual(new Set(['a1', 'b1', 'b2']));
    expect(placed['web-3']).toBe("PENDING: 0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.");
  });

  it("keeps a pod out of the domains an existing pod's anti-affinity holds against it", () => {
    const loner = pod('loner', `nodeName: b1\n${withAffinity('podAntiAffinity', '{app: web}', 'topology.kubernetes.io/zone')}`, ', labels: {app: loner}');
    const r = schedule(loner + deployment('web', 1, `nodeSelector: {topology.kubernetes.io/zone: b}\n${container('{cpu: 100m}')}`), zones);
    expect(placements(r)).toEqual({ loner: 'b1', 'web-0': "PENDING: 0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 node(s) didn't satisfy existing pods anti-affinity rules." });
  });

  it('fails a node without the topology key', () => {
    const r = schedule(pod('cache', `nodeName: a1\n${container('{cpu: 100m}')}`, ', labels: {app: cache}') + deployment('web', 1, withAffinity('podAffinity', '{app: cache}', 'rack')), zones);
    expect(placements(r)['web-0']).toBe("PENDING: 0/3 nodes are available: 3 node(s) didn't match pod affinity rules.");
  });

  it('matches pods of other namespaces only when a term names them', () => {
    const other = pod('cache', `nodeName: a1\n${container('{cpu: 100m}')}`, ', namespace: data, labels: {app: cache}');
    const sameNs = schedule(other + deployment('web', 1, withAffinity('podAffinity', '{app: cache}', 'topology.kubernetes.io/zone')), zones);
    expect(placements(sameNs)['web-0']).toMatch(/didn't match pod affinity rules/);
    const named = deployment('web', 1, withAffinity('podAffinity', '{app: cache}', 'topology.kubernetes.io/zone').replace('      topologyKey:', '      namespaces: [data]\n      topologyKey:'));
    expect(placements(schedule(other + named, zones))['web-0']).toBe('a1');
  });
});

describe('PodTopologySpread', () => {
  const zones = pool('z', 3, '{cpu: "4", memory: 8Gi}', '  zones: [a, b, c]\n');
  const spread = (extra = '', maxSkew = 1) => `topologySpreadConstraints:\n- maxSkew: ${maxSkew}\n  topologyKey: topology.kubernetes.io/zone\n  whenUnsatisfiable: DoNotSchedule\n  labelSelector: {matchLabels: {app: web}}\n${extra}${container('{cpu: 100m}')}`;

  it('keeps zones within maxSkew of each other', () => {
    const r = schedule(deployment('web', 6, spread()), zones);
    const perZone = Object.values(placements(r)).reduce<Record<string, number>>((acc, n) => ({ ...acc, [n]: (acc[n] ?? 0) + 1 }), {});
    expect(perZone).toEqual({ 'z-0': 2, 'z-1': 2, 'z-2': 2 });
  });

  it('lets a pod held to one zone ignore the others (nodeAffinityPolicy Honor), and refuses it when they count (Ignore)', () => {
    const honored = schedule(deployment('web', 3, `nodeSelector: {topology.kubernetes.io/zone: a}\n${spread()}`), zones);
    expect(placements(honored)).toEqual({ 'web-0': 'z-0', 'web-1': 'z-0', 'web-2': 'z-0' });
    const r = schedule(deployment('web', 3, `nodeSelector: {topology.kubernetes.io/zone: a}\n${spread('  nodeAffinityPolicy: Ignore\n')}`), zones);
    expect(placements(r)).toEqual({
      'web-0': 'z-0',
      'web-1': "PENDING: 0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 2 node(s) didn't match Pod's node affinity/selector.",
      'web-2': "PENDING: 0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 2 node(s) didn't match Pod's node affinity/selector.",
    });
  });

  it('counts missing domains as empty under minDomains', () => {
    const two = pool('z', 2, '{cpu: "4", memory: 8Gi}', '  zones: [a, b]\n');
    const r = schedule(deployment('web', 3, spread('  minDomains: 3\n')), two);
    expect(Object.values(placements(r)).filter((p) => p.startsWith('PENDING'))).toEqual(["PENDING: 0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints."]);
  });

  it('ignores nodes the pod cannot go to when counting domains (nodeAffinityPolicy Honor), or not (Ignore)', () => {
    const nodes = zones + node('d1', '{cpu: "4", memory: 8Gi, pods: "110"}', { labels: { 'topology.kubernetes.io/zone': 'd', pool: 'other' } });
    const withSelector = (policy: string) => deployment('web', 4, `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: [{matchExpressions: [{key: pool, operator: DoesNotExist}]}]\n${spread(`  nodeAffinityPolicy: ${policy}\n`)}`);
    // Honor: zone d does not count, so a, b, c take 2, 1, 1. Ignore: empty zone d is the minimum, so the fourth pod cannot go anywhere.
    expect(Object.values(placements(schedule(withSelector('Honor'), nodes))).filter((p) => p.startsWith('PENDING'))).toEqual([]);
    expect(placements(schedule(withSelector('Ignore'), nodes))['web-3']).toBe("PENDING: 0/4 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 3 node(s) didn't match pod topology spread constraints.");
  });

  it('refuses nodes without the topology key', () => {
    const r = schedule(deployment('web', 1, spread()), node('bare', SMALL));
    expect(placements(r)).toEqual({ 'web-0': "PENDING: 0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label)." });
  });
});
