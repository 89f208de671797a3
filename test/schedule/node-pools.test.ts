/** --node-pools: which pool and how many nodes make the pending pods fit (cluster-autoscaler's binpacking estimator, least-waste expander). */
import { describe, expect, it } from 'vitest';
import { check, schedule as scheduleApi } from '../../src/index.js';
import { parseManifests } from '../../src/load/index.js';
import { runCli, tempTree } from '../helpers.js';
import { container, deployment, node, pool, schedule } from './harness.js';

const FULL = node('a', '{cpu: "1", memory: 1Gi, pods: "10"}');
const scalable = (name: string, count: number, max: number, allocatable: string, extra = '') => pool(name, count, allocatable, `  max: ${max}\n${extra}`);
const pools = (yaml: string) => ({ nodePools: parseManifests(yaml, 'pools.yaml').resources });
const findings = (r: ReturnType<typeof schedule>) => r.diagnostics.filter((d) => ['scale-up', 'no-pool'].includes(d.ruleId)).map((d) => `${d.ruleId} ${d.severity} ${d.message}`);

describe('node pools (scale-up)', () => {
  it('binpacks the pending pods first-fit onto as few new nodes as hold them', () => {
    // 5 pods of 1.5 cpu pend on a 1-cpu node; a 4-cpu template holds 2 each: 3 nodes.
    const r = schedule(deployment('web', 5, container('{cpu: 1500m}')), FULL, pools(scalable('big', 0, 10, '{cpu: "4", memory: 8Gi}')));
    expect(r.report.nodesToAdd).toEqual([{ pool: 'big', count: 3, pods: ['default/web-0', 'default/web-1', 'default/web-2', 'default/web-3', 'default/web-4'] }]);
    expect(r.report.noPool).toEqual([]);
    expect(findings(r)).toEqual(['scale-up info adding 3 node(s) to pool big makes 5 pending pod(s) of Deployment web fit (web-0, web-1, web-2, web-3, web-4)']);
  });

  it('fills a new node with smaller pods after larger ones (decreasing order)', () => {
    // Larger pods first: large-0 and large-1 (3 cpu) open two 4-cpu nodes and the 1-cpu pods fill
    // them: 2 nodes. In input order (small first) it would take 3. 2Gi each: none fits node a.
    const apps = deployment('small', 2, container('{cpu: "1", memory: 2Gi}')) + deployment('large', 2, container('{cpu: "3", memory: 2Gi}'));
    const r = schedule(apps, FULL, pools(scalable('big', 0, 10, '{cpu: "4", memory: 8Gi}')));
    expect(r.report.nodesToAdd).toEqual([{ pool: 'big', count: 2, pods: ['default/small-0', 'default/small-1', 'default/large-0', 'default/large-1'] }]);
  });

  it('respects max, counting the nodes the pool already has, and says why the rest stay pending', () => {
    const inventory = FULL + pool('big', 1, '{cpu: "4", memory: 8Gi}');
    const r = schedule(deployment('web', 8, container('{cpu: "3"}')), inventory, pools(scalable('big', 1, 3, '{cpu: "4", memory: 8Gi}')));
    // big-0 takes one pod; max 3 leaves room for 2 new nodes, one pod each.
    expect(r.report.nodesToAdd).toEqual([{ pool: 'big', count: 2, pods: ['default/web-1', 'default/web-2'] }]);
    expect(r.report.noPool).toEqual(['web-3', 'web-4', 'web-5', 'web-6', 'web-7'].map((p) => ({ pod: `default/${p}`, reason: 'pool big: at its max of 3 node(s) once the nodes above are added' })));
    expect(findings(r)).toEqual([
      'scale-up info adding 2 node(s) to pool big makes 2 pending pod(s) of Deployment web fit (web-1, web-2)',
      'no-pool warning no node pool can take 5 pending pod(s) of Deployment web; web-3: pool big: at its max of 3 node(s) once the nodes above are added',
    ]);
  });

  it("gives kube-scheduler's FitError for an empty template node: a taint not tolerated, a selector not matched, requests too large", () => {
    const gpu = scalable('gpu', 0, 5, '{cpu: "8", memory: 32Gi}', '  taints: [{key: nvidia.com/gpu, value: "true", effect: NoSchedule}]\n');
    const tainted = schedule(deployment('web', 1, container('{cpu: "2"}')), FULL, pools(gpu));
    expect(tainted.report.noPool).toEqual([{ pod: 'default/web-0', reason: 'pool gpu: 0/1 nodes are available: 1 node(s) had untolerated taint(s).' }]);
    const selector = deployment('web', 1, `nodeSelector: {tier: db}\n${container('{cpu: "2"}')}`);
    const unmatched = schedule(selector, FULL, pools(scalable('general', 0, 5, '{cpu: "8", memory: 32Gi}', '  labels: {tier: web}\n')));
    expect(unmatched.report.noPool).toEqual([{ pod: 'default/web-0', reason: "pool general: 0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector." }]);
    const huge = schedule(deployment('web', 1, container('{cpu: "16"}')), FULL, pools(scalable('general', 0, 5, '{cpu: "8", memory: 32Gi}')));
    expect(huge.report.noPool).toEqual([{ pod: 'default/web-0', reason: 'pool general: 0/1 nodes are available: 1 Insufficient cpu.' }]);
    expect(findings(huge)).toEqual(['no-pool warning no node pool can take 1 pending pod(s) of Deployment web; web-0: pool general: 0/1 nodes are available: 1 Insufficient cpu.']);
  });

  it('picks the pool whose new nodes waste the least (least-waste expander), and another pool for what the first cannot take', () => {
    // 3 pods of 2 cpu / 2Gi: pool fit (2 cpu, 2Gi per node, 3 nodes) wastes nothing; roomy (16 cpu, 64Gi) wastes most of one node.
    const both = scalable('roomy', 0, 10, '{cpu: "16", memory: 64Gi}') + scalable('fit', 0, 2, '{cpu: "2", memory: 2Gi}');
    const r = schedule(deployment('web', 3, container('{cpu: "2", memory: 2Gi}')), FULL, pools(both));
    // fit has room for 2 nodes only: the third pod goes to roomy in the next round.
    expect(r.report.nodesToAdd).toEqual([
      { pool: 'fit', count: 2, pods: ['default/web-0', 'default/web-1'] },
      { pool: 'roomy', count: 1, pods: ['default/web-2'] },
    ]);
  });

  it('reuses the inventory NodePools that carry max, without --node-pools', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web', 3, container('{cpu: "3"}')), 'nodes.yaml': FULL + scalable('big', 1, 4, '{cpu: "4", memory: 8Gi}') });
    const run = await runCli(['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '-f', 'json'], { cwd: dir });
    const json = JSON.parse(run.stdout);
    // big-0 (in the inventory) takes web-0; max 4 allows the 2 more nodes the rest need.
    expect(json.nodesToAdd).toEqual([{ pool: 'big', count: 2, pods: ['default/web-1', 'default/web-2'] }]);
    expect(json.summary.pending).toBe(2);
    expect(json.diagnostics).toEqual([]);
  });

  it('says so when no pool is scalable', () => {
    const r = schedule(deployment('web', 1, container('{cpu: "3"}')), FULL, pools(pool('big', 0, '{cpu: "4", memory: 8Gi}')));
    expect(r.report.noPool).toEqual([{ pod: 'default/web-0', reason: 'no scalable pool is declared (a NodePool with spec.max, in --node-pools or the inventory)' }]);
  });

  it('answers through the CLI: a "Nodes to add" section in text, nodesToAdd and noPool in JSON, findings in check', async () => {
    const dir = tempTree({
      'app.yaml': deployment('web', 3, container('{cpu: "3"}')),
      'nodes.yaml': FULL,
      'pools.yaml': scalable('big', 0, 5, '{cpu: "4", memory: 8Gi}') + scalable('gpu', 0, 2, '{cpu: "8", memory: 8Gi}', '  taints: [{key: gpu, effect: NoSchedule}]\n'),
    });
    const text = await runCli(['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml'], { cwd: dir });
    expect(text.stderr).toBe('');
    expect(text.stdout).toContain('Nodes to add (binpacked as cluster-autoscaler does, least-waste pool first):\n  +3 big: default/web-0, default/web-1, default/web-2\n');
    const json = JSON.parse((await runCli(['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.nodesToAdd).toEqual([{ pool: 'big', count: 3, pods: ['default/web-0', 'default/web-1', 'default/web-2'] }]);
    expect(json.noPool).toEqual([]);
    const checked = JSON.parse((await runCli(['check', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(checked.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'scale-up').map((d: { message: string }) => d.message)).toEqual(['adding 3 node(s) to pool big makes 3 pending pod(s) of Deployment web fit (web-0, web-1, web-2)']);
  });

  it('is a library option of check() and schedule(): nodePoolPaths', () => {
    const cwd = tempTree({ 'app.yaml': deployment('web', 2, container('{cpu: "3"}')), 'nodes.yaml': FULL, 'pools.yaml': scalable('big', 0, 5, '{cpu: "4", memory: 8Gi}') });
    const want = [{ pool: 'big', count: 2, pods: ['default/web-0', 'default/web-1'] }];
    expect(scheduleApi(['app.yaml'], { cwd, nodePaths: ['nodes.yaml'], nodePoolPaths: ['pools.yaml'] }).report.nodesToAdd).toEqual(want);
    const checked = check(['app.yaml'], { cwd, nodePaths: ['nodes.yaml'], nodePoolPaths: ['pools.yaml'] });
    expect(checked.schedule?.nodesToAdd).toEqual(want);
    expect(checked.diagnostics.filter((d) => d.ruleId === 'scale-up').map((d) => d.severity)).toEqual(['info']);
  });

  it('takes a scalable NodePool without spec.count: it has no nodes yet (count is 0 when left out)', () => {
    const noCount = scalable('big', 0, 5, '{cpu: "4", memory: 8Gi}').replace('  count: 0\n', '');
    const cwd = tempTree({ 'app.yaml': deployment('web', 1, container('{cpu: "3"}')), 'nodes.yaml': FULL, 'pools.yaml': noCount });
    const checked = check(['app.yaml'], { cwd, nodePaths: ['nodes.yaml'], nodePoolPaths: ['pools.yaml'] });
    const about = checked.diagnostics.filter((d) => d.file.endsWith('pools.yaml') || d.ruleId === 'scale-up');
    expect(about.map((d) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual(['scale-up info adding 1 node(s) to pool big makes 1 pending pod(s) of Deployment web fit (web-0)']);
  });

  it('warns about a --node-pools NodePool without max: it is never scaled', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web', 1, container('{cpu: "3"}')), 'nodes.yaml': FULL, 'pools.yaml': pool('big', 0, '{cpu: "4", memory: 8Gi}') });
    const json = JSON.parse((await runCli(['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.diagnostics.map((d: { ruleId: string; severity: string; message: string }) => `${d.ruleId} ${d.severity} ${d.message}`)).toEqual(['invalid-inventory warning NodePool "big" in --node-pools has no spec.max: it is not scalable, and no node is added to it']);
    expect(json.noPool).toEqual([{ pod: 'default/web-0', reason: 'no scalable pool is declared (a NodePool with spec.max, in --node-pools or the inventory)' }]);
  });

  it('lists, in the text report, the pods no pool takes with the reason', async () => {
    const dir = tempTree({ 'app.yaml': deployment('web', 1, container('{cpu: "3"}')), 'nodes.yaml': FULL, 'pools.yaml': scalable('gpu', 0, 2, '{cpu: "8", memory: 8Gi}', '  taints: [{key: gpu, effect: NoSchedule}]\n') });
    const text = await runCli(['schedule', 'app.yaml', '--no-config', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml'], { cwd: dir });
    expect(text.stdout).toContain('  no pool for default/web-0: pool gpu: 0/1 nodes are available: 1 node(s) had untolerated taint(s).\n');
  });
});
