/**
 * Issue 18 item 2: an unschedulable finding sits at the field that decided it and says the
 * numbers, with kube-scheduler's FitError unchanged in the same message.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers.js';
import { sarifErrors } from '../report/sarif-schema.js';
import { container, deployment, node, pod, pool, schedule } from './harness.js';

const at = (r: ReturnType<typeof schedule>) => r.diagnostics.filter((d) => d.ruleId === 'unschedulable').map((d) => `${d.line}:${d.column} ${d.path} ${d.message}`);

const withSidecar = (cpu: string) => `initContainers:
- {name: proxy, image: proxy:1, restartPolicy: Always, resources: {requests: {cpu: 500m}}}
containers:
- name: app
  image: app:1
  resources: {requests: {cpu: "${cpu}", memory: 1Gi}}`;

describe('the field that decided, with the numbers', () => {
  const general = pool('general', 3, '{cpu: "4", memory: 16Gi}');
  const gpu = pool('gpu', 1, '{cpu: "16", memory: 64Gi}', '  taints: [{key: nvidia.com/gpu, effect: NoSchedule}]\n');

  it('a request larger than any node that passes the other filters: at the requests entry, with the pod total and the largest allocatable', () => {
    const r = schedule(deployment('api', 1, withSidecar('6')), general + gpu);
    expect(at(r)).toEqual([
      '15:37 /spec/template/spec/containers/0/resources/requests/cpu 1 of 1 pods of Deployment api cannot be scheduled (api-0): 0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. — requests cpu 6 (pod total 6500m with sidecars); the largest allocatable cpu among nodes that pass the other filters is 4 (general-0)',
    ]);
  });

  it('a request that fits a node but not what is left on it: the most left, and what holds the rest', () => {
    const r = schedule(deployment('api', 3, withSidecar('1500m')), pool('general', 1, '{cpu: "4", memory: 16Gi}'));
    expect(at(r)).toEqual([
      '15:37 /spec/template/spec/containers/0/resources/requests/cpu 1 of 3 pods of Deployment api cannot be scheduled (api-2): 0/1 nodes are available: 1 Insufficient cpu. — requests cpu 1500m (pod total 2 with sidecars); the most cpu left among all nodes is 0 (general-0: 4 allocatable, 4 requested by 2 pods)',
    ]);
  });

  it('a daemon pod too big for its node: the other nodes are out by its pin, so the numbers are its node\'s', () => {
    const ds = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      containers: [{name: a, image: a:1, resources: {requests: {cpu: 300m}}}]\n`;
    const r = schedule(ds, node('a', '{cpu: 100m, pods: "10"}') + node('b', '{cpu: "1", pods: "10"}'));
    expect(at(r)).toEqual([
      "9:70 /spec/template/spec/containers/0/resources/requests/cpu 1 of 2 pods of DaemonSet agent cannot be scheduled (agent-0): 0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. — requests cpu 300m; the largest allocatable cpu among nodes that pass the other filters is 100m (a)",
    ]);
  });

  it('nodes full of pods: at the replica count, with the most pods a node allows', () => {
    const r = schedule(deployment('web', 3, container('{cpu: 10m}')), node('a', '{cpu: "1", pods: "1"}'));
    expect(at(r)).toEqual(['5:13 /spec/replicas 2 of 3 pods of Deployment web cannot be scheduled (web-1, web-2): 0/1 nodes are available: 1 Too many pods. — all nodes already hold as many pods as they allow (at most 1, on a)']);
    // The report gives the fix once, at the workload's first pending pod.
    expect(r.report.pods.filter((p) => p.fix).map((p) => p.name)).toEqual(['web-1']);
  });

  it('a nodeSelector pair no node has: at the pair', () => {
    const r = schedule(deployment('db', 1, `nodeSelector: {disk: nvme, tier: db}\n${container('{cpu: 100m}')}`), node('a', '{cpu: "1"}', { labels: { tier: 'db' } }) + node('b', '{cpu: "1"}'));
    expect(at(r)).toEqual([
      "10:28 /spec/template/spec/nodeSelector/disk 1 of 1 pods of Deployment db cannot be scheduled (db-0): 0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. — nodeSelector disk: nvme matches 0 of 2 nodes",
    ]);
  });

  it('a required node affinity requirement too few nodes meet: at the requirement', () => {
    const affinity = `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: tier, operator: In, values: [db]}\n        - {key: disk, operator: In, values: [ssd, nvme]}\n${container('{cpu: 100m}')}`;
    const r = schedule(deployment('db', 1, affinity), node('a', '{cpu: "1"}', { labels: { tier: 'db' } }) + node('b', '{cpu: "1"}', { labels: { tier: 'db', disk: 'hdd' } }) + node('c', '{cpu: "1"}'));
    expect(at(r)).toEqual([
      "16:17 /spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/1 1 of 1 pods of Deployment db cannot be scheduled (db-0): 0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. — required node affinity disk In [ssd, nvme] matches 0 of 3 nodes",
    ]);
  });

  it('taints the pod does not tolerate: at the toleration list, each taint with how many nodes carry it', () => {
    const nodes = node('a', '{cpu: "1", pods: "10"}', { taints: '[{key: dedicated, value: gpu, effect: NoSchedule}]' }) + node('b', '{cpu: "1", pods: "10"}', { taints: '[{key: dedicated, value: gpu, effect: NoSchedule}]' }) + node('c', '{cpu: "1", pods: "10"}', { taints: '[{key: spot, effect: NoExecute}]' });
    const r = schedule(deployment('web', 1, `tolerations: [{key: other, operator: Exists}]\n${container('{cpu: 100m}')}`), nodes);
    expect(at(r)).toEqual([
      '10:20 /spec/template/spec/tolerations 1 of 1 pods of Deployment web cannot be scheduled (web-0): 0/3 nodes are available: 3 node(s) had untolerated taint(s). — no toleration for the taints of all 3 nodes: dedicated=gpu:NoSchedule (2), spot:NoExecute (1)',
    ]);
  });

  it('cordoned nodes: at the toleration list', () => {
    const r = schedule(deployment('web', 1, container('{cpu: 100m}')), node('a', '{cpu: "1", pods: "10"}', { unschedulable: true }) + node('b', '{cpu: "1", pods: "10"}', { unschedulable: true }));
    expect(at(r)).toEqual([
      "9:5 /spec/template/spec/tolerations 1 of 1 pods of Deployment web cannot be scheduled (web-0): 0/2 nodes are available: 2 node(s) were unschedulable. — all 2 nodes are cordoned (spec.unschedulable) and no toleration for node.kubernetes.io/unschedulable:NoSchedule",
    ]);
  });

  it('a host port every node has given away: at the port', () => {
    const ports = `${container('{cpu: 10m}')}\n  ports: [{containerPort: 8080, hostPort: 80}]`;
    const r = schedule(deployment('edge', 2, ports), node('a', '{cpu: "1", pods: "10"}'));
    expect(at(r)).toEqual([
      "14:49 /spec/template/spec/containers/0/ports/0/hostPort 1 of 2 pods of Deployment edge cannot be scheduled (edge-1): 0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. — host port 80/TCP is taken on the only node",
    ]);
  });

  it('pod anti-affinity with no node left: at the anti-affinity terms, with the reasons counted', () => {
    const anti = `affinity:\n  podAntiAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: kubernetes.io/hostname, labelSelector: {matchLabels: {app: solo}}}]\n${container('{cpu: 10m}')}`;
    const r = schedule(deployment('solo', 2, anti), node('a', '{cpu: "1", pods: "10"}'));
    expect(at(r)).toEqual([
      "12:11 /spec/template/spec/affinity/podAntiAffinity 1 of 2 pods of Deployment solo cannot be scheduled (solo-1): 0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. — inter-pod affinity rules out the only node (1 node(s) didn't match pod anti-affinity rules)",
    ]);
  });

  it('a spread constraint that no node can satisfy: at the constraints', () => {
    const spread = `topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}]\n${container('{cpu: 10m}')}`;
    const r = schedule(deployment('web', 1, spread), node('a', '{cpu: "1", pods: "10"}'));
    expect(at(r)).toEqual([
      "10:34 /spec/template/spec/topologySpreadConstraints 1 of 1 pods of Deployment web cannot be scheduled (web-0): 0/1 nodes are available: 1 node(s) didn't match pod topology spread constraints (missing required label). — the spread constraints rule out the only node (1 node(s) didn't match pod topology spread constraints (missing required label))",
    ]);
  });

  it('node affinity terms that conflict: at the terms', () => {
    const terms = `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [a]}, {key: metadata.name, operator: In, values: [b]}]}]\n${container('{cpu: 10m}')}`;
    const r = schedule(pod('pinned', terms), node('a', '{cpu: "1", pods: "10"}') + node('b', '{cpu: "1", pods: "10"}'));
    expect(at(r)).toEqual([
      '8:28 /spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms 1 of 1 pods of Pod pinned cannot be scheduled (pinned): 0/2 nodes are available: pod affinity terms conflict. — no node is named by every metadata.name requirement of any one term',
    ]);
  });
});

describe('through an overlay: the patch that set the request', () => {
  const base = deployment('api', 1, container('{cpu: 500m}'));
  const files = {
    'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
    'base/deployment.yaml': base,
    'prod/kustomization.yaml': 'resources: [../base]\npatches:\n- path: bigger.yaml\n',
    'prod/bigger.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        resources: {requests: {cpu: "6"}}\n',
    'nodes.yaml': pool('general', 2, '{cpu: "4", memory: 16Gi}'),
  };
  const disable = ['--disable', 'missing-probes,latest-tag,missing-limits,missing-requests,run-as-root'];

  it('in check and schedule JSON, the finding and the fix point into the patch file', async () => {
    const dir = tempTree(files);
    const c = await runCli(['check', 'prod', '--nodes', 'nodes.yaml', '-f', 'json', ...disable], { cwd: dir });
    const found = JSON.parse(c.stdout).diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'unschedulable');
    expect(found.map((d: { file: string; line: number; column: number; message: string }) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'prod/bigger.yaml:9:37 1 of 1 pods of Deployment api cannot be scheduled (api-0): 0/2 nodes are available: 2 Insufficient cpu. — requests cpu 6; the largest allocatable cpu among all nodes is 4 (general-0)',
    ]);
    const s = await runCli(['schedule', 'prod', '--nodes', 'nodes.yaml', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(s.stdout).pods[0].fix).toEqual({ file: 'prod/bigger.yaml', line: 9, column: 37, path: '/spec/template/spec/containers/0/resources/requests/cpu', detail: 'requests cpu 6; the largest allocatable cpu among all nodes is 4 (general-0)' });
  });

  it('in schedule\'s text, under the pending pod', async () => {
    const dir = tempTree(files);
    const s = await runCli(['schedule', 'prod', '--nodes', 'nodes.yaml'], { cwd: dir });
    expect(s.stdout).toContain('Pending:\n  default/api-0 (Deployment api): 0/2 nodes are available: 2 Insufficient cpu.\n    fix at prod/bigger.yaml:9:37: requests cpu 6; the largest allocatable cpu among all nodes is 4 (general-0)\n');
  });

  it('in SARIF, a valid log with the result at the patch line', async () => {
    const dir = tempTree(files);
    const c = await runCli(['check', 'prod', '--nodes', 'nodes.yaml', '-f', 'sarif', ...disable], { cwd: dir });
    const log = JSON.parse(c.stdout);
    expect(sarifErrors(log)).toEqual([]);
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'unschedulable');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/prod\/bigger\.yaml$/);
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 37 });
    expect(result.message.text).toContain('0/2 nodes are available: 2 Insufficient cpu. — requests cpu 6;');
  });
});
