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
