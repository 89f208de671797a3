/**
 * Issue 18 item 1: decisions where kubeproof and kube-scheduler (or its controllers) disagreed,
 * each pinned by a case that failed before the fix.
 */
import { describe, expect, it } from 'vitest';
import { container, node, placements, pod, schedule } from './harness.js';

describe('NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go)', () => {
  // Node a is half full and balanced; node b is less full but lopsided (cpu only). Both have a GPU.
  const nodes = node('a', '{cpu: "4", memory: 4Gi, pods: "110", nvidia.com/gpu: "1"}') + node('b', '{cpu: "4", memory: 4Gi, pods: "110", nvidia.com/gpu: "1"}');
  const running = pod('on-a', `nodeName: a\n${container('{cpu: "2", memory: 2Gi}')}`) + pod('on-b', `nodeName: b\n${container('{cpu: "3"}')}`);

  it('skips a pod that requests no cpu and no memory, even when it requests a GPU: least allocation alone decides', () => {
    // With BalancedAllocation, a (100) would outweigh b (62) though b is the less allocated (56 to 46).
    const gpu = pod('trainer', container('{nvidia.com/gpu: "1"}'));
    expect(placements(schedule(running + gpu, nodes)).trainer).toBe('b');
  });

  it('still scores a pod that requests cpu or memory', () => {
    const cpu = pod('worker', container('{cpu: 10m, nvidia.com/gpu: "1"}'));
    expect(placements(schedule(running + cpu, nodes)).worker).toBe('a');
  });
});

describe('Jobs (pkg/controller/job/job_controller.go, pkg/controller/cronjob/cronjob_controllerv2.go)', () => {
  const job = (suspend: string) => `apiVersion: batch/v1\nkind: Job\nmetadata: {name: batch}\nspec:\n  parallelism: 2\n${suspend}  template:\n    spec:\n      restartPolicy: Never\n      ${container('{cpu: 10m}').replace(/\n/g, '\n      ')}\n---\n`;
  const cron = (suspend: string, jobSuspend: string) =>
    `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: "0 3 * * *"\n${suspend}  jobTemplate:\n    spec:\n${jobSuspend}      template:\n        spec:\n          restartPolicy: OnFailure\n          ${container('{cpu: 10m}').replace(/\n/g, '\n          ')}\n`;
  const one = node('a', '{cpu: "1", memory: 1Gi, pods: "10"}');

  it('creates no pod for a suspended Job', () => {
    expect(Object.keys(placements(schedule(job('  suspend: true\n'), one)))).toEqual([]);
    expect(Object.keys(placements(schedule(job('  suspend: false\n'), one)))).toEqual(['batch-0', 'batch-1']);
  });

  it('creates no pod for a suspended CronJob, nor for one whose Jobs start suspended', () => {
    expect(Object.keys(placements(schedule(cron('  suspend: true\n', ''), one)))).toEqual([]);
    expect(Object.keys(placements(schedule(cron('', '      suspend: true\n'), one)))).toEqual([]);
    expect(Object.keys(placements(schedule(cron('', ''), one)))).toEqual(['nightly-0']);
  });
});

describe('DaemonSet pods pinned as the controller pins them (pkg/controller/daemon/util/daemonset_util.go)', () => {
  const zoned = (name: string, zone: string) => node(name, '{cpu: "1", memory: 1Gi, pods: "10"}', { labels: { 'topology.kubernetes.io/zone': zone } });
  const daemonSet = (affinity: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${affinity}      topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: agent}}}]
      containers: [{name: a, image: a:1, resources: {requests: {cpu: 10m}}}]
---
`;

  it('counts only its own node\'s zone for a zone spread constraint (nodeAffinityPolicy Honor), so every node gets its pod', () => {
    const r = schedule(daemonSet(''), zoned('a', 'x') + zoned('b', 'x') + zoned('c', 'y'));
    expect(placements(r)).toEqual({ 'agent-0': 'a', 'agent-1': 'b', 'agent-2': 'c' });
  });

  it('replaces the template\'s required node affinity rather than adding to it', () => {
    // The template's own term (zone x) picks the nodes; the pods then see only their node.
    const own = '      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [x]}]}]\n';
    const r = schedule(daemonSet(own), zoned('a', 'x') + zoned('b', 'x') + zoned('c', 'y'));
    expect(placements(r)).toEqual({ 'agent-0': 'a', 'agent-1': 'b' });
    const spec = r.run.placements[1]!.pod.spec as { affinity: { nodeAffinity: unknown } };
    expect(spec.affinity.nodeAffinity).toEqual({ requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } });
  });
});

describe("NodeAffinity's PreFilter (pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go)", () => {
  const nodes = node('a', '{cpu: "1", memory: 1Gi, pods: "10"}') + node('b', '{cpu: "1", memory: 1Gi, pods: "10"}') + node('c', '{cpu: "1", memory: 1Gi, pods: "10"}');
  const named = (terms: string) => pod('app', `affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms: ${terms}\n${container('{cpu: 10m}')}`);
  const byName = (...names: string[]) => names.map((n) => `{key: metadata.name, operator: In, values: [${n}]}`).join(', ');

  it('says the terms conflict when the nodes they name have nothing in common', () => {
    const r = schedule(named(`[{matchFields: [${byName('a', 'b')}]}]`), nodes);
    expect(placements(r)).toEqual({ app: 'PENDING: 0/3 nodes are available: pod affinity terms conflict.' });
    expect(placements(schedule(named(`[{matchFields: [${byName('a', 'b')}]}, {matchFields: [${byName('c', 'a')}]}]`), nodes))).toEqual({ app: 'PENDING: 0/3 nodes are available: pod affinity terms conflict.' });
  });

  it('searches the union of the terms\' nodes, each term the intersection of its requirements', () => {
    const r = schedule(named(`[{matchFields: [${byName('a', 'b')}]}, {matchFields: [${byName('c')}]}]`), nodes);
    expect(placements(r)).toEqual({ app: 'c' });
  });

  it('searches every node when a term names none', () => {
    const r = schedule(named(`[{matchFields: [${byName('a', 'b')}]}, {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [b]}]}]`), nodes);
    expect(placements(r)).toEqual({ app: 'b' });
  });
});

describe('a DaemonSet whose tolerations hold a null (the fuzzer: "Cannot read properties of null (reading \'effect\')")', () => {
  it('reads only the tolerations that are mappings, as the pods of other workloads do', () => {
    const ds = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  selector: {matchLabels: {app: agent}}\n  template:\n    metadata: {labels: {app: agent}}\n    spec:\n      tolerations: [null, {key: gpu, operator: Exists}]\n      containers: [{name: a, image: a:1}]\n';
    const result = schedule(ds, node('gpu-0', '{cpu: "2", pods: "10"}', { taints: '[{key: gpu, value: "true", effect: NoSchedule}]' }) + node('gpu-1', '{cpu: "2", pods: "10"}', { taints: '[{key: gpu, value: "true", effect: NoSchedule}]' }));
    expect(result.report.pods.map((p) => [p.name, p.node])).toEqual([
      ['agent-0', 'gpu-0'],
      ['agent-1', 'gpu-1'],
    ]);
  });
});
