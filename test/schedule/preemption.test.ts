/** DefaultPreemption as a dry run: victims, PDBs, preemptionPolicy, the node picked, the messages. */
import { describe, expect, it } from 'vitest';
import { pickOneNode } from '../../src/schedule/preemption/pick.js';
import { Requeue } from '../../src/schedule/queue.js';
import { disruptionsAllowed, type Budget } from '../../src/schedule/preemption/pdb.js';
import { numCandidates } from '../../src/schedule/preemption/evaluate.js';
import type { SchedPod } from '../../src/schedule/index.js';
import { scheduleText } from '../../src/report/index.js';
import { check } from '../../src/index.js';
import { runCli, tempTree } from '../helpers.js';
import { container, deployment, node, placements, priorityClass, schedule } from './harness.js';

const NODE = '{cpu: "1", memory: 1Gi, pods: "10"}';
const CLASSES = priorityClass('high', 1000) + priorityClass('mid', 500) + priorityClass('low', 100) + priorityClass('quiet', 1000, 'preemptionPolicy: Never\n');

/** A bare Pod bound to a node (it runs before the queue), with a priority class and labels. */
const bound = (name: string, nodeName: string, cpu: string, cls = '', labels = `{app: ${name}}`) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, labels: ${labels}}
spec:
  nodeName: ${nodeName}
${cls ? `  priorityClassName: ${cls}\n` : ''}  containers: [{name: c, image: x, resources: {requests: {cpu: ${cpu}}}}]
---
`;

const daemonSet = (cpu: string, cls = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: default}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
${cls ? `      priorityClassName: ${cls}\n` : ''}      containers: [{name: a, image: a:1, resources: {requests: {cpu: ${cpu}}}}]
---
`;

const pdb = (app: string, minAvailable: number) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: ${app}, namespace: default}
spec:
  minAvailable: ${minAvailable}
  selector: {matchLabels: {app: ${app}}}
---
`;

const web = (cls: string, cpu = '500m', replicas = 1) => deployment('web', replicas, `priorityClassName: ${cls}\n${container(`{cpu: ${cpu}}`)}`);

describe('victims', () => {
  it('evicts the fewest pods: all lower-priority pods out, then the most important put back first', () => {
    // 200m free; the preemptor needs 500m. Without both, it fits; with "keep" (priority 500) back
    // it still fits (400 + 500 <= 1000), with "spare" (100) as well it does not: only "spare" goes.
    const r = schedule(CLASSES + bound('spare', 'a', '400m', 'low') + bound('keep', 'a', '400m', 'mid') + web('high'), node('a', NODE));
    expect(r.report.preemptions).toEqual([
      { pod: 'default/web-0', priority: 1000, node: 'a', victims: [{ pod: 'default/spare', owner: { kind: 'Pod', name: 'spare' }, priority: 100 }], pdbViolations: 0, message: '0/1 nodes are available: 1 Insufficient cpu.' },
    ]);
    expect(placements(r)).toEqual({ spare: 'PENDING: preempted on node a by default/web-0 (priority 1000); a Pod without a controller is not made again', keep: 'a', 'web-0': 'a' });
    expect(r.report.nodes[0]!.pods).toEqual(['default/keep', 'default/web-0']);
    expect(r.report.pods.find((p) => p.name === 'spare')?.evictedBy).toEqual({ by: 'default/web-0', node: 'a', remade: false });
    // Evicted for good is not "unschedulable": the warning says what happens to it.
    expect(r.diagnostics.filter((d) => d.ruleId !== 'rollout-headroom').map((d) => [d.ruleId, d.line, d.message])).toEqual([
      ['preempted', 24, 'pod spare (priority 100) would be preempted on node a by default/web-0 (priority 1000); a Pod without a controller is not made again'],
    ]);
  });

  it('never evicts a pod of equal or higher priority', () => {
    const r = schedule(CLASSES + bound('peer', 'a', '800m', 'high') + web('high'), node('a', NODE));
    expect(r.report.preemptions).toEqual([]);
    expect(r.report.pods.find((p) => p.name === 'web-0')?.messageWithPreemption).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  });

  it('names the filter that still fails when even every lower-priority pod gone is not enough', () => {
    const r = schedule(CLASSES + bound('big', 'a', '300m', 'high') + bound('small', 'a', '300m', 'low') + web('mid', '800m'), node('a', NODE));
    expect(r.report.pods.find((p) => p.name === 'web-0')?.messageWithPreemption).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('brings a DaemonSet pod back on its node, where the preemptor now leaves no room for it', () => {
    const r = schedule(CLASSES + daemonSet('300m') + web('high', '800m'), node('a', NODE));
    expect(placements(r)).toEqual({
      'agent-0': 'PENDING: 0/1 nodes are available: 1 Insufficient cpu.',
      'web-0': 'a',
    });
    const agent = r.report.pods.find((p) => p.name === 'agent-0')!;
    expect(agent.evictedBy).toEqual({ by: 'default/web-0', node: 'a', remade: true });
    expect(agent.messageWithPreemption).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
    expect(r.diagnostics.filter((d) => d.ruleId !== 'rollout-headroom').map((d) => [d.ruleId, d.severity, d.message])).toEqual([
      ['unschedulable', 'error', '1 of 1 pods of DaemonSet agent cannot be scheduled (agent-0): 0/1 nodes are available: 1 Insufficient cpu.'],
      ['preempted', 'warning', 'pod agent-0 (priority 0) would be preempted on node a by default/web-0 (priority 1000); its replacement is pending: 0/1 nodes are available: 1 Insufficient cpu.'],
    ]);
  });

  it('counts the nodes a DaemonSet pod is not pinned to as ones preemption cannot help', () => {
    const r = schedule(CLASSES + daemonSet('300m') + web('high', '800m', 2), node('a', NODE) + node('b', NODE));
    // Every criterion ties but the last: agent-1 started after agent-0, so b goes first.
    expect(r.report.preemptions.map((p) => [p.pod, p.node, p.victims.map((v) => v.pod)])).toEqual([
      ['default/web-0', 'b', ['default/agent-1']],
      ['default/web-1', 'a', ['default/agent-0']],
    ]);
    expect(r.report.pods.filter((p) => p.owner.kind === 'DaemonSet').map((p) => p.messageWithPreemption)).toEqual([
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    ]);
  });

  it('leaves system-node-critical DaemonSet pods alone', () => {
    const r = schedule(CLASSES + daemonSet('300m', 'system-node-critical') + web('high', '800m'), node('a', NODE));
    expect(placements(r)['agent-0']).toBe('a');
    expect(r.report.preemptions).toEqual([]);
  });
});

describe('PodDisruptionBudgets', () => {
  it('puts back the pods a budget protects first, even before more important ones', () => {
    // Room for the preemptor needs one of the two gone. Without a budget, "mid-pod" (more
    // important) is put back first and "low-pod" goes; with a budget on "low-pod", it is put
    // back first and "mid-pod" goes.
    const pods = CLASSES + bound('low-pod', 'a', '400m', 'low') + bound('mid-pod', 'a', '400m', 'mid') + web('high');
    const victims = (extra: string) => schedule(pods + extra, node('a', NODE)).report.preemptions.map((p) => [p.victims.map((v) => v.pod), p.pdbViolations]);
    expect(victims('')).toEqual([[['default/low-pod'], 0]]);
    expect(victims(pdb('low-pod', 1))).toEqual([[['default/mid-pod'], 0]]);
  });

  it('counts a victim a budget cannot spare as a violation, and prefers a node without one', () => {
    const nodes = node('a', NODE) + node('b', NODE);
    const both = CLASSES + bound('guarded', 'a', '800m', 'low', '{app: db}') + bound('free', 'b', '800m', 'low', '{app: cache}') + web('high');
    const r = schedule(both + pdb('db', 1), nodes);
    expect(r.report.preemptions.map((p) => [p.node, p.victims.map((v) => v.pod), p.pdbViolations])).toEqual([['b', ['default/free'], 0]]);
    const only = schedule(CLASSES + bound('guarded', 'a', '800m', 'low', '{app: db}') + web('high') + pdb('db', 1), node('a', NODE));
    expect(only.report.preemptions.map((p) => [p.node, p.victims.map((v) => v.pod), p.pdbViolations])).toEqual([['a', ['default/guarded'], 1]]);
    expect(scheduleText(only.report)).toContain('  default/web-0 (priority 1000) takes a, evicting (1 against a PodDisruptionBudget):\n    default/guarded (Pod guarded, priority 100) → not made again\n');
  });
});

describe('disruptionsAllowed, as the disruption controller computes it from the dry run', () => {
  const pods = [0, 1, 2, 3].map((i) => ({ name: `db-${i}`, namespace: 'default', labels: { app: 'db' } }) as unknown as SchedPod);
  const placed = (p: SchedPod) => p.name !== 'db-3';
  const allowed = (b: Partial<Budget>) => disruptionsAllowed([{ namespace: 'default', selector: { matchLabels: { app: 'db' } }, ...b }], pods, placed)[0];

  it('counts placed pods as healthy and every pod made as expected', () => {
    expect(allowed({ minAvailable: 2 })).toBe(1);
    expect(allowed({ minAvailable: '50%' })).toBe(1);
    expect(allowed({ minAvailable: 3 })).toBe(0);
    expect(allowed({ maxUnavailable: 1 })).toBe(0);
    expect(allowed({ maxUnavailable: '50%' })).toBe(1);
    expect(allowed({ minAvailable: 5 })).toBe(0);
  });

  it('covers nothing with an empty selector or in another namespace', () => {
    expect(allowed({ minAvailable: 0, selector: {} })).toBe(0);
    expect(allowed({ minAvailable: 0, namespace: 'other' })).toBe(0);
    expect(allowed({ minAvailable: 0 })).toBe(3);
  });
});

describe('preemptionPolicy and the nodes preemption cannot help', () => {
  it('does not preempt for a pod whose class says preemptionPolicy: Never', () => {
    const r = schedule(CLASSES + bound('victim', 'a', '800m', 'low') + web('quiet'), node('a', NODE));
    expect(r.report.preemptions).toEqual([]);
    expect(placements(r).victim).toBe('a');
    expect(r.report.pods.find((p) => p.name === 'web-0')?.messageWithPreemption).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('dry-runs only nodes whose rejection an eviction can change', () => {
    const nodes = node('a', NODE) + node('tainted', NODE, { taints: '[{key: dedicated, value: x, effect: NoSchedule}]' }) + node('tiny', '{cpu: 100m, memory: 1Gi, pods: "10"}');
    const r = schedule(CLASSES + bound('peer', 'a', '800m', 'high') + web('high'), nodes);
    expect(r.report.pods.find((p) => p.name === 'web-0')?.messageWithPreemption).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    const nowhere = schedule(CLASSES + deployment('web', 1, `priorityClassName: high\nnodeSelector: {disk: ssd}\n${container('{cpu: 1m}')}`), nodes);
    expect(nowhere.report.pods[0]?.messageWithPreemption).toBe("0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  });
});

describe('the node picked (pickOneNodeForPreemption)', () => {
  const pod = (name: string, priority: number) => ({ name, priority }) as SchedPod;
  const started = (pods: SchedPod[]) => new Map(pods.map((p, i) => [p, i]));

  it('applies the criteria in turn: PDB violations, highest victim priority, sum, count, latest start, then the first', () => {
    const [p10, p5, p5b, p1, p1b, p1c] = [pod('p10', 10), pod('p5', 5), pod('p5b', 5), pod('p1', 1), pod('p1b', 1), pod('p1c', 1)];
    const at = started([p10, p5, p5b, p1, p1b, p1c]);
    const pick = (...c: [string, SchedPod[], number][]) => pickOneNode(c.map(([node, victims, pdbViolations]) => ({ node, victims, pdbViolations })), at)?.node;
    expect(pick(['a', [p1], 1], ['b', [p10], 0])).toBe('b');
    expect(pick(['a', [p10], 0], ['b', [p5], 0])).toBe('b');
    expect(pick(['a', [p5, p1], 0], ['b', [p5b, p1b, p1c], 0])).toBe('a');
    expect(pick(['a', [p5, p1, p1b], 0], ['b', [p5b, p1c], 0])).toBe('b');
    // Same priorities, same count: the node whose highest-priority victims started last.
    expect(pick(['a', [p5, p1], 0], ['b', [p5b, p1b], 0])).toBe('b');
    expect(pick(['a', [p1], 0], ['b', [p1], 0])).toBe('a');
  });

  it('dry-runs at least 100 nodes, or 10% of them (calculateNumCandidates)', () => {
    expect([numCandidates(3), numCandidates(100), numCandidates(5000)]).toEqual([3, 100, 500]);
  });

  it('picks the node whose victims matter least, whatever the input order, and runs repeat', () => {
    const nodes = node('a', NODE) + node('b', NODE);
    const input = CLASSES + bound('on-a', 'a', '800m', 'mid') + bound('on-b', 'b', '800m', 'low') + web('high');
    const first = schedule(input, nodes);
    expect(first.report.preemptions.map((p) => [p.node, p.victims.map((v) => v.pod)])).toEqual([['b', ['default/on-b']]]);
    expect(JSON.stringify(schedule(input, nodes).report)).toBe(JSON.stringify(first.report));
  });
});

describe('the text report', () => {
  it('lists each preemption with its victims and where they went', () => {
    const r = schedule(CLASSES + daemonSet('300m') + web('high', '800m'), node('a', NODE));
    expect(scheduleText(r.report)).toContain('\nPreemption (kube-scheduler evicts lower-priority pods to make room):\n  default/web-0 (priority 1000) takes a, evicting:\n    default/agent-0 (DaemonSet agent, priority 0) → replacement pending\n');
  });
});

describe('kubeproof schedule', () => {
  it('says who is evicted in JSON and in text, and exits 1 for the pending replacement', async () => {
    const dir = tempTree({ 'app.yaml': CLASSES + daemonSet('300m') + web('high', '800m'), 'nodes.yaml': node('a', NODE) });
    const json = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml', '-f', 'json'], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.preemptions).toEqual([
      { pod: 'default/web-0', priority: 1000, node: 'a', victims: [{ pod: 'default/agent-0', owner: { kind: 'DaemonSet', name: 'agent' }, priority: 0 }], pdbViolations: 0, message: '0/1 nodes are available: 1 Insufficient cpu.' },
    ]);
    expect(report.pods).toEqual([
      {
        namespace: 'default', name: 'agent-0', owner: { kind: 'DaemonSet', name: 'agent' }, node: null, targetNode: 'a',
        message: '0/1 nodes are available: 1 Insufficient cpu.',
        messageWithPreemption: '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
        evictedBy: { by: 'default/web-0', node: 'a', remade: true },
      },
      { namespace: 'default', name: 'web-0', owner: { kind: 'Deployment', name: 'web' }, node: 'a', message: null, priority: 1000 },
    ]);
    const viaCheck = check(['app.yaml'], { cwd: dir, nodePaths: ['nodes.yaml'] });
    expect(viaCheck.schedule?.preemptions).toEqual(report.preemptions);
    expect(viaCheck.diagnostics.filter((d) => d.ruleId === 'preempted').map((d) => d.message)).toEqual([
      'pod agent-0 (priority 0) would be preempted on node a by default/web-0 (priority 1000); its replacement is pending: 0/1 nodes are available: 1 Insufficient cpu.',
    ]);
    const text = await runCli(['schedule', 'app.yaml', '--nodes', 'nodes.yaml'], { cwd: dir });
    expect(text.stdout).toContain('  default/web-0 (priority 1000) takes a, evicting:\n    default/agent-0 (DaemonSet agent, priority 0) → replacement pending\n');
  });
});

describe('a rolling update of a high-priority Deployment', () => {
  it('gets its surge pods by preemption, and says whom they evict; the run itself is left as it was', () => {
    const r = schedule(CLASSES + bound('batch', 'a', '500m', 'low') + web('high', '400m'), node('a', NODE));
    expect(r.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([['rollout-headroom', "a rolling update's 1 surge pod (maxSurge) fit beside the running ones only by preempting default/batch (priority 100)"]]);
    expect(placements(r)).toEqual({ batch: 'a', 'web-0': 'a' });
    expect(r.report.nodes[0]!.pods).toEqual(['default/batch', 'default/web-0']);
    expect(r.report.preemptions).toEqual([]);
    // Without a lower priority to evict, the rollout has no room, as before.
    const peer = schedule(CLASSES + bound('batch', 'a', '500m', 'high') + web('high', '400m'), node('a', NODE));
    expect(peer.diagnostics.map((d) => d.message)).toEqual(['a rolling update needs room for 1 surge pod (maxSurge) beside the running ones, but only 0 fit: 0/1 nodes are available: 1 Insufficient cpu.']);
  });
});

describe('the replacements queue', () => {
  it('pops the highest priority first, then the first pushed, and only above a priority when asked', () => {
    const q = new Requeue();
    const pod = (name: string, priority?: number) => ({ name, priority }) as SchedPod;
    for (const p of [pod('a', 5), pod('b', 10), pod('c', 5), pod('d')]) q.push(p);
    expect(q.popAbove(5)?.name).toBe('b');
    expect(q.popAbove(5)).toBeUndefined();
    expect([q.popAbove(), q.popAbove(), q.popAbove(), q.popAbove()].map((p) => p?.name)).toEqual(['a', 'c', 'd', undefined]);
  });
});
