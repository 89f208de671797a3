/**
 * What-ifs (a rollout's surge pods, --headroom) place extra pods on the real run's scheduler and
 * take them off again. Their decisions move the search's start index (nextStartNodeIndex) as
 * real ones do; afterwards it must be back where the real placement left it, or each what-if's
 * answer would depend on the ones asked before it.
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { headroom, rolloutHeadroom } from '../../src/schedule/capacity.js';
import { buildInventory, runSchedule } from '../../src/schedule/index.js';
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
