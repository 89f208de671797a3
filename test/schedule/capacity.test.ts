/** Beyond one run: node and zone loss, rollout surge room, headroom. */
import { describe, expect, it } from 'vitest';
import { container, deployment, node, pool, schedule } from './harness.js';

const SMALL = '{cpu: "1", memory: 1Gi, pods: "10"}';

describe('capacity checks', () => {
  it('names the node whose loss leaves pods pending', () => {
    const app = deployment('web', 3, container('{cpu: 600m}'));
    const three = node('a', SMALL) + node('b', SMALL) + node('c', SMALL);
    const r = schedule(app, three, { tolerateNodeLoss: 1 });
    expect(r.report.nodeLoss).toEqual({ lost: ['a'], pending: 1, example: { pod: 'default/web-2', message: '0/2 nodes are available: 2 Insufficient cpu.' } });
    expect(r.diagnostics.filter((d) => d.ruleId === 'node-loss').map((d) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual(['node-loss error after losing node a, 1 pod would not fit; default/web-2: 0/2 nodes are available: 2 Insufficient cpu.']);
    const roomy = schedule(app, three + node('d', SMALL), { tolerateNodeLoss: 1 });
    expect(roomy.report.nodeLoss).toBeNull();
    expect(roomy.diagnostics.filter((d) => d.ruleId === 'node-loss')).toEqual([]);
  });

  it('removes the most loaded nodes together for a loss of several', () => {
    const r = schedule(deployment('web', 4, container('{cpu: 600m}')), node('a', SMALL) + node('b', SMALL) + node('c', SMALL) + node('d', SMALL) + node('e', SMALL), { tolerateNodeLoss: 2 });
    expect(r.report.nodeLoss).toMatchObject({ lost: ['a', 'b'], pending: 1 });
  });

  it('checks the loss of each zone', () => {
    const zones = pool('z', 3, '{cpu: "1", memory: 1Gi}', '  zones: [a, b, c]\n');
    const fits = schedule(deployment('web', 2, container('{cpu: 400m}')), zones, { tolerateZoneLoss: true });
    expect(fits.report.zoneLoss).toBeNull();
    const tight = schedule(deployment('web', 3, container('{cpu: 600m}')), zones, { tolerateZoneLoss: true });
    expect(tight.report.zoneLoss).toMatchObject({ lost: ['zone a'], pending: 1 });
    expect(tight.diagnostics.map((d) => d.ruleId)).toContain('zone-loss');
  });

  it('warns when a rolling update has no room to surge', () => {
    const r = schedule(deployment('web', 2, container('{cpu: 500m}')), node('a', SMALL));
    expect(r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual(['rollout-headroom warning a rolling update needs room for 1 surge pod (maxSurge) beside the running ones, but only 0 fit: 0/1 nodes are available: 1 Insufficient cpu.']);
    const recreate = deployment('web', 2, container('{cpu: 500m}')).replace('  replicas: 2\n', '  replicas: 2\n  strategy: {type: Recreate}\n');
    expect(schedule(recreate, node('a', SMALL)).diagnostics).toEqual([]);
    const surge3 = deployment('web', 2, container('{cpu: 100m}')).replace('  replicas: 2\n', '  replicas: 2\n  strategy: {rollingUpdate: {maxSurge: 3}}\n');
    expect(schedule(surge3, node('a', SMALL)).diagnostics).toEqual([]);
  });

  it('reports how many more replicas fit and what stops the next', () => {
    const r = schedule(deployment('web', 1, container('{cpu: 300m}')), node('a', SMALL), { headroom: true });
    expect(r.report.headroom).toEqual([{ kind: 'Deployment', namespace: 'default', name: 'web', replicas: 1, more: 2, limitedBy: '0/1 nodes are available: 1 Insufficient cpu.' }]);
    // Asking does not change the placements.
    expect(r.report.summary).toEqual({ pods: 1, scheduled: 1, pending: 0, notCreated: 0, refused: 0 });
  });
});
