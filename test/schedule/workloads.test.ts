/** Pods as controllers create them, DaemonSets, scoring, and the whole command. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, exitCodeFor, schedule as scheduleCommand, validate } from '../../src/index.js';
import { parseManifests } from '../../src/load/index.js';
import { buildInventory, fitError } from '../../src/schedule/index.js';
import { runSchedule } from '../../src/schedule/run.js';
import { feasibleNodesToFind } from '../../src/schedule/scheduler.js';
import { REPO_ROOT, runCli, tempTree } from '../helpers.js';
import { container, deployment, node, placements, pool, schedule } from './harness.js';

const SMALL = '{cpu: "1", memory: 1Gi, pods: "10"}';

const statefulSet = (replicas: number, cpu: string, policy = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: ${replicas}
${policy}  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: db:1, resources: {requests: {cpu: ${cpu}}}}]
---
`;

describe('pods from workloads', () => {
  it('names StatefulSet pods by ordinal and creates none after the first pending one (OrderedReady)', () => {
    const r = schedule(statefulSet(4, '400m'), node('a', SMALL));
    expect(placements(r)).toEqual({ 'db-0': 'a', 'db-1': 'a', 'db-2': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.' });
    expect(r.report.notCreated).toEqual([{ namespace: 'default', name: 'db-3', owner: { kind: 'StatefulSet', name: 'db' } }]);
    expect(r.report.summary).toEqual({ pods: 3, scheduled: 2, pending: 1, notCreated: 1, refused: 0 });
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual(['11:72 1 of 3 pods of StatefulSet db cannot be scheduled (db-2): 0/1 nodes are available: 1 Insufficient cpu. — requests cpu 400m; the most cpu left among all nodes is 200m (a: 1 allocatable, 800m requested by 2 pods); db-3 not created (OrderedReady waits for db-2)']);
  });

  it('tries every StatefulSet pod under podManagementPolicy Parallel', () => {
    const r = schedule(statefulSet(4, '400m', '  podManagementPolicy: Parallel\n'), node('a', SMALL));
    expect(r.report.summary).toEqual({ pods: 4, scheduled: 2, pending: 2, notCreated: 0, refused: 0 });
  });

  it('runs a Job\'s parallelism, never more than its completions, and one run of a CronJob', () => {
    const job = (parallelism: string) => `apiVersion: batch/v1\nkind: Job\nmetadata: {name: batch}\nspec:\n${parallelism}  template:\n    spec:\n      restartPolicy: Never\n      ${container('{cpu: 10m}').replace(/\n/g, '\n      ')}\n---\n`;
    expect(Object.keys(placements(schedule(job('  parallelism: 5\n  completions: 3\n'), node('a', SMALL))))).toEqual(['batch-0', 'batch-1', 'batch-2']);
    expect(Object.keys(placements(schedule(job(''), node('a', SMALL))))).toEqual(['batch-0']);
    const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      parallelism: 2\n      template:\n        spec:\n          restartPolicy: OnFailure\n          ${container('{cpu: 10m}').replace(/\n/g, '\n          ')}\n`;
    expect(Object.keys(placements(schedule(cron, node('a', SMALL))))).toEqual(['nightly-0', 'nightly-1']);
  });

  it('defaults replicas to 1 and places nothing for replicas 0', () => {
    expect(Object.keys(placements(schedule(deployment('one', 1, container('{cpu: 1m}')).replace('  replicas: 1\n', ''), node('a', SMALL))))).toEqual(['one-0']);
    expect(placements(schedule(deployment('none', 0, container('{cpu: 1m}')), node('a', SMALL)))).toEqual({});
  });
});

describe('DaemonSets', () => {
  const daemonSet = (spec = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${spec}      containers: [{name: a, image: a:1, resources: {requests: {cpu: 300m}}}]
---
`;
  const nodes = node('a', SMALL) + node('cordoned', SMALL, { unschedulable: true, taints: '[{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]' }) + node('gpu', SMALL, { taints: '[{key: nvidia.com/gpu, effect: NoSchedule}]' });

  it('runs one pod per node it tolerates, cordoned nodes included, each pinned to its node', () => {
    const r = schedule(daemonSet(), nodes);
    expect(r.report.pods.map((p) => [p.name, p.node, p.targetNode])).toEqual([
      ['agent-0', 'a', 'a'],
      ['agent-1', 'cordoned', 'cordoned'],
    ]);
  });

  it('follows its tolerations and node selection', () => {
    const tolerant = schedule(daemonSet('      tolerations: [{operator: Exists}]\n'), nodes);
    expect(tolerant.report.pods.map((p) => p.node)).toEqual(['a', 'cordoned', 'gpu']);
    const selective = schedule(daemonSet('      nodeSelector: {kubernetes.io/hostname: a}\n'), nodes);
    expect(selective.report.pods.map((p) => p.node)).toEqual(['a']);
  });

  it('places daemon pods first, as they would already be running, and reports one that does not fit on its node', () => {
    const r = schedule(deployment('web', 1, container('{cpu: 800m}')) + daemonSet(), node('a', SMALL) + node('b', SMALL));
    expect(placements(r)).toEqual({ 'agent-0': 'a', 'agent-1': 'b', 'web-0': 'PENDING: 0/2 nodes are available: 2 Insufficient cpu.' });
    const full = schedule(daemonSet(), node('a', '{cpu: 100m, memory: 1Gi, pods: "10"}') + node('b', SMALL) + node('c', SMALL));
    expect(placements(full)['agent-0']).toBe("PENDING: 0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
});

describe('scoring', () => {
  const two = node('a', '{cpu: "4", memory: 8Gi, pods: "110"}') + node('b', '{cpu: "4", memory: 8Gi, pods: "110"}');

  it('spreads by least allocation and packs with --strategy most-allocated', () => {
    // A Job's pods get no default spreading (no Service, no ReplicaSet): the resource scores decide.
    const app = `apiVersion: batch/v1\nkind: Job\nmetadata: {name: batch}\nspec:\n  parallelism: 2\n  template:\n    spec:\n      restartPolicy: Never\n      ${container('{cpu: "1", memory: 1Gi}').replace(/\n/g, '\n      ')}\n`;
    expect(Object.values(placements(schedule(app, two))).sort()).toEqual(['a', 'b']);
    expect(Object.values(placements(schedule(app, two, { strategy: 'most-allocated' })))).toEqual(['a', 'a']);
  });

  it('lets default spreading outweigh bin-packing for a Deployment, as kube-scheduler does', () => {
    const app = deployment('web', 2, container('{cpu: "1", memory: 1Gi}'));
    expect(Object.values(placements(schedule(app, two, { strategy: 'most-allocated' }))).sort()).toEqual(['a', 'b']);
  });

  it('breaks ties by node name, never at random', () => {
    const app = deployment('web', 1, container('{cpu: 100m, memory: 100Mi}'));
    const reversed = node('b', '{cpu: "4", memory: 8Gi, pods: "110"}') + node('a', '{cpu: "4", memory: 8Gi, pods: "110"}');
    expect(placements(schedule(app, reversed))).toEqual({ 'web-0': 'a' });
    // Also when the nodes reach the scheduler out of name order (the library takes any list).
    const nodes = buildInventory(parseManifests(reversed, 'nodes.yaml').resources).nodes.reverse();
    expect(nodes.map((n) => n.name)).toEqual(['b', 'a']);
    const run = runSchedule(parseManifests(app, 'app.yaml').resources, nodes);
    expect(run.placements.map((p) => p.node)).toEqual(['a']);
  });

  it('prefers nodes matching preferred node affinity, and avoids PreferNoSchedule taints', () => {
    const nodes = node('a', '{cpu: "4", memory: 8Gi, pods: "110"}') + node('b', '{cpu: "4", memory: 8Gi, pods: "110"}', { labels: { disk: 'ssd' } });
    const preferring = deployment('db', 1, `affinity:\n  nodeAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 50\n      preference: {matchExpressions: [{key: disk, operator: In, values: [ssd]}]}\n${container('{cpu: 100m}')}`);
    expect(placements(schedule(preferring, nodes))).toEqual({ 'db-0': 'b' });
    const tainted = node('a', '{cpu: "4", memory: 8Gi, pods: "110"}', { taints: '[{key: spot, effect: PreferNoSchedule}]' }) + node('b', '{cpu: "4", memory: 8Gi, pods: "110"}');
    expect(placements(schedule(deployment('web', 1, container('{cpu: 100m}')), tainted))).toEqual({ 'web-0': 'b' });
  });

  it('spreads a Service\'s replicas over zones by default (system default spreading)', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n---\n';
    const zones = pool('z', 4, '{cpu: "16", memory: 64Gi}', '  zones: [a, b]\n');
    const r = schedule(service + deployment('web', 4, container('{cpu: 100m, memory: 100Mi}')), zones);
    expect(Object.values(placements(r)).sort()).toEqual(['z-0', 'z-1', 'z-2', 'z-3']);
  });

  it('prefers pods of a preferred affinity group', () => {
    const nodes = node('a', '{cpu: "4", memory: 8Gi, pods: "110"}') + node('b', '{cpu: "4", memory: 8Gi, pods: "110"}');
    const cache = `apiVersion: v1\nkind: Pod\nmetadata: {name: cache, labels: {app: cache}}\nspec:\n  nodeName: b\n  ${container('{cpu: 100m}').replace(/\n/g, '\n  ')}\n---\n`;
    const web = deployment('web', 1, `affinity:\n  podAffinity:\n    preferredDuringSchedulingIgnoredDuringExecution:\n    - weight: 100\n      podAffinityTerm: {labelSelector: {matchLabels: {app: cache}}, topologyKey: kubernetes.io/hostname}\n${container('{cpu: 100m}')}`);
    expect(placements(schedule(cache + web, nodes))).toEqual({ cache: 'b', 'web-0': 'b' });
  });
});

describe('the FitError text and the search', () => {
  it('sorts reasons as Go sorts strings, so 10 comes before 2', () => {
    const statuses = [...Array(10).fill(['Insufficient cpu']), ...Array(2).fill(['node(s) were unschedulable'])];
    expect(fitError(12, statuses)).toBe('0/12 nodes are available: 10 Insufficient cpu, 2 node(s) were unschedulable.');
  });

  it('evaluates enough nodes as kube-scheduler does in large clusters', () => {
    expect([50, 100, 500, 5000, 100000].map(feasibleNodesToFind)).toEqual([50, 100, 230, 500, 5000]);
  });

  it('has its own words for an empty inventory', () => {
    expect(placements(schedule(deployment('web', 1, container('{cpu: 1m}')), ''))).toEqual({ 'web-0': 'PENDING: no nodes available to schedule pods' });
  });
});

describe('kubeproof schedule', () => {
  it('prints the documented JSON contract and exits 1 when a pod is pending', async () => {
    const dir = tempTree({ 'app.yaml': statefulSet(3, '600m'), 'nodes.yaml': node('a', SMALL) });
    const r = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      nodes: [{ name: 'a', allocatable: { cpu: '1', memory: '1Gi', pods: '10' }, requested: { cpu: '600m' }, pods: ['default/db-0'] }],
      pods: [
        { namespace: 'default', name: 'db-0', owner: { kind: 'StatefulSet', name: 'db' }, node: 'a', message: null },
        {
          namespace: 'default',
          name: 'db-1',
          owner: { kind: 'StatefulSet', name: 'db' },
          node: null,
          message: '0/1 nodes are available: 1 Insufficient cpu.',
          messageWithPreemption: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
          fix: { file: 'app.yaml', line: 11, column: 72, path: '/spec/template/spec/containers/0/resources/requests/cpu', detail: 'requests cpu 600m; the most cpu left among all nodes is 400m (a: 1 allocatable, 600m requested by 1 pod)' },
        },
      ],
      preemptions: [],
      notCreated: [{ namespace: 'default', name: 'db-2', owner: { kind: 'StatefulSet', name: 'db' } }],
      refused: [],
      summary: { pods: 2, scheduled: 1, pending: 1, notCreated: 1, refused: 0 },
      diagnostics: [],
    });
  });

  it('fits the example production overlay on the example inventory, and check --nodes agrees', async () => {
    const r = await runCli(['schedule', 'overlays-example/overlays/production', '--nodes', 'overlays-example/nodes.yaml'], { cwd: REPO_ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✔ all 7 pods scheduled on 6 nodes\n$/);
    expect(r.stdout).toMatch(/general-0 +█/);
    const c = await runCli(['check', 'overlays-example/overlays/production', '--nodes', path.join('overlays-example', 'nodes.yaml')], { cwd: REPO_ROOT });
    expect(c.code).toBe(0);
  });

  describe('validates what it schedules: a workload the API server would refuse is reported and makes no pods', () => {
    const refused = deployment('words', 1, container('{cpu: 100m}')).replace('replicas: 1', 'replicas: "three"') + deployment('negative', 2, container('{cpu: "-1"}'));
    const files = () => tempTree({ 'app.yaml': refused + deployment('fine', 1, container('{cpu: 100m}')), 'nodes.yaml': node('a', SMALL) });
    const shown = (ds: readonly { file: string; line: number; column: number; ruleId: string; message: string }[]) => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
    const EXPECTED = [
      'app.yaml:5:13 invalid-type: spec.replicas: Invalid value: "three": must be an integer',
      'app.yaml:27:37 invalid-quantity: spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
    ];

    it('through the command line: the errors validate gives, at the same places, the workloads listed as refused, exit 1', async () => {
      const dir = files();
      const validated = await runCli(['validate', 'app.yaml', '-f', 'json'], { cwd: dir });
      expect(shown(JSON.parse(validated.stdout).diagnostics)).toEqual(EXPECTED);
      const json = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml', '-f', 'json'], { cwd: dir });
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(shown(report.diagnostics)).toEqual(EXPECTED);
      expect(report.pods.map((p: { name: string; node: string }) => `${p.name}@${p.node}`)).toEqual(['fine-0@a']);
      expect(report.refused).toEqual([
        { namespace: 'default', name: 'words', kind: 'Deployment', message: 'spec.replicas: Invalid value: "three": must be an integer' },
        { namespace: 'default', name: 'negative', kind: 'Deployment', message: 'spec.template.spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0' },
      ]);
      expect(report.summary).toEqual({ pods: 1, scheduled: 1, pending: 0, notCreated: 0, refused: 2 });
      const text = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml'], { cwd: dir });
      expect(text.code).toBe(1);
      expect(text.stdout).toContain('   5:13  error    spec.replicas: Invalid value: "three": must be an integer');
      expect(text.stdout).toContain('Refused by the API server (no pods made):\n  default/words (Deployment): spec.replicas: Invalid value: "three": must be an integer\n');
      expect(text.stdout).not.toContain('✔');
      expect(text.stdout).toMatch(/✖ 0 of 1 pods pending, 2 workloads refused by the API server; 1 scheduled on 1 node\n$/);
      const sarif = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml', '-f', 'sarif'], { cwd: dir });
      expect(JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['invalid-type', 'invalid-quantity']);
    });

    it('through the library: schedule() reports them and schedules the rest; check() with nodes leaves them out too', () => {
      const dir = files();
      const result = scheduleCommand(['app.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
      expect(shown(result.diagnostics)).toEqual(shown(validate(['app.yaml'], { cwd: dir }).diagnostics));
      expect(shown(result.diagnostics)).toEqual(EXPECTED);
      expect(exitCodeFor(result)).toBe(1);
      expect(result.report.pods.map((p) => p.name)).toEqual(['fine-0']);
      expect(result.report.refused.map((w) => w.name)).toEqual(['words', 'negative']);
      const checked = check(['app.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
      expect(checked.schedule?.pods.map((p) => p.name)).toEqual(['fine-0']);
      expect(checked.schedule?.refused.map((w) => w.name)).toEqual(['words', 'negative']);
    });

    it('a custom resource without a CRD does not fail the dry run (schedule takes no --crds): a warning', () => {
      const dir = tempTree({ 'app.yaml': deployment('fine', 1, container('{cpu: 100m}')) + 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n', 'nodes.yaml': node('a', SMALL) });
      const result = scheduleCommand(['app.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
      expect(result.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual(['warning missing-schema']);
      expect(exitCodeFor(result)).toBe(0);
    });
  });

  it('reports an unschedulable workload as a positioned error in check, and needs --nodes for schedule', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web', 1, container('{cpu: "8"}')), 'nodes.yaml': node('a', SMALL) });
    const c = await runCli(['check', 'app.yaml', '--nodes', 'nodes.yaml', '-f', 'json', '--disable', 'missing-probes,latest-tag,missing-limits,missing-requests,run-as-root'], { cwd: dir });
    expect(c.code).toBe(1);
    expect(JSON.parse(c.stdout).diagnostics.map((d: { ruleId: string; line: number; message: string }) => `${d.ruleId} ${d.line} ${d.message}`)).toEqual([
      'unschedulable 13 1 of 1 pods of Deployment web cannot be scheduled (web-0): 0/1 nodes are available: 1 Insufficient cpu. — requests cpu 8; the largest allocatable cpu among all nodes is 1 (a)',
    ]);
    const usage = await runCli(['schedule', 'app.yaml'], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--nodes');
  });
});
