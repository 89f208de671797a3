/**
 * What-ifs (a rollout's surge pods, --headroom) place extra pods on the real run's scheduler and
 * take them off again. Their decisions move the search's start index (nextStartNodeIndex) as
 * real ones do; afterwards it must be back where the real placement left it, or each what-if's
 * answer would depend on the ones asked before it.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { headroom, rolloutHeadroom } from '../../src/schedule/capacity.js';
import { buildInventory, runSchedule, type SchedPod } from '../../src/schedule/index.js';
import { container, deployment, pool } from './harness.js';

// 200 nodes: numFeasibleNodesToFind is 100, so each search stops half way and the start index moves.
const nodes = buildInventory(parseManifests(pool('p', 200, '{cpu: "4", memory: 8Gi, pods: "110"}'), 'nodes.yaml').resources).nodes;
const apps = parseManifests(deployment('web', 4, container('{cpu: 100m, memory: 128Mi}')) + deployment('api', 2, container('{cpu: 200m, memory: 256Mi}')) + deployment('db', 1, container('{cpu: 300m, memory: 512Mi}')), 'app.yaml').resources;

describe('what-ifs on the run scheduler', () => {
  it('leave the search start index where the real placement ended', () => {
    const run = runSchedule(apps, nodes);
    const ended = run.scheduler.startNodeIndex;
    // 7 pods, 100 nodes each: 700 mod 200. The 3 surge pods (one each) would move it by 300, the 9 headroom replicas by 900.
    expect(ended).toBe(100);
    expect(rolloutHeadroom(run)).toEqual([]);
    expect(run.scheduler.startNodeIndex).toBe(ended);
    expect(headroom(run, 3).map((h) => h.more)).toEqual([3, 3, 3]);
    expect(run.scheduler.startNodeIndex).toBe(ended);
  });

  it('place the next pod as if no what-if had been asked', () => {
    const plain = runSchedule(apps, nodes);
    const asked = runSchedule(apps, nodes);
    rolloutHeadroom(asked);
    const next = plain.placements[0]!.pod;
    const extra = { ...next, name: 'web-extra' };
    expect(asked.scheduler.decide(extra)).toEqual(plain.scheduler.decide(extra));
  });
});

describe('Scheduler.fitsAtLeast', () => {
  /** How many copies of the pod fit, placed one after another by the search (then taken off again). */
  function placed(run: ReturnType<typeof runSchedule>, pod: SchedPod, limit: number): number {
    const bound: [SchedPod, string][] = [];
    for (let i = 0; i < limit; i++) {
      const copy = { ...pod, name: `copy-${i}` };
      const { node } = run.scheduler.decide(copy);
      if (!node) break;
      run.scheduler.bind(copy, node);
      bound.push([copy, node]);
    }
    for (const [p, n] of bound.reverse()) run.scheduler.unbind(p, n);
    return bound.length;
  }

  it('says yes only when that many copies would be placed, and nothing else', () => {
    // 6 nodes of 1 cpu; host ports: one copy per node.
    const tight = buildInventory(parseManifests(pool('t', 6, '{cpu: "1", memory: 2Gi, pods: "110"}', '  zones: [a, b, c]\n'), 'nodes.yaml').resources).nodes;
    const ports = container('{cpu: 100m}', '  ports: [{containerPort: 80, hostPort: 8080}]');
    const spread = `topologySpreadConstraints:\n- {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: spread}}}\n${container('{cpu: 100m}')}`;
    const inputs = parseManifests(deployment('big', 3, container('{cpu: 600m}')) + deployment('ported', 2, ports) + deployment('spread', 2, spread), 'app.yaml').resources;
    const run = runSchedule(inputs, tight);
    const first = (name: string) => run.placements.find((p) => p.pod.owner.name === name)!.pod;
    const answers = ['big', 'ported', 'spread'].map((name) => Array.from({ length: 6 }, (_, k) => [run.scheduler.fitsAtLeast(first(name), k + 1), placed(run, first(name), k + 1) === k + 1]));
    // big: 3 nodes have 1 cpu free; ported: 4 nodes have the port free; spread: not node-local, never claimed.
    expect(answers.map((a) => a.map(([claim]) => claim))).toEqual([
      [true, true, true, false, false, false],
      [true, true, true, true, false, false],
      [false, false, false, false, false, false],
    ]);
    for (const a of answers) for (const [claim, fits] of a) if (claim) expect(fits).toBe(true);
  });
});
