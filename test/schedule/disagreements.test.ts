/**
 * Issue 18 item 1: decisions where kubeproof and kube-scheduler (or its controllers) disagreed,
 * each pinned by a case that failed before the fix.
 */
import { describe, expect, it } from 'vitest';
import { container, node, placements, schedule } from './harness.js';

const bare = (name: string, podSpec: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
${podSpec
  .split('\n')
  .map((l) => `  ${l}`)
  .join('\n')}
---
`;

describe('NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go)', () => {
  // Node a is half full and balanced; node b is less full but lopsided (cpu only). Both have a GPU.
  const nodes = node('a', '{cpu: "4", memory: 4Gi, pods: "110", nvidia.com/gpu: "1"}') + node('b', '{cpu: "4", memory: 4Gi, pods: "110", nvidia.com/gpu: "1"}');
  const running = bare('on-a', `nodeName: a\n${container('{cpu: "2", memory: 2Gi}')}`) + bare('on-b', `nodeName: b\n${container('{cpu: "3"}')}`);

  it('skips a pod that requests no cpu and no memory, even when it requests a GPU: least allocation alone decides', () => {
    // With BalancedAllocation, a (100) would outweigh b (62) though b is the less allocated (56 to 46).
    const gpu = bare('trainer', container('{nvidia.com/gpu: "1"}'));
    expect(placements(schedule(running + gpu, nodes)).trainer).toBe('b');
  });

  it('still scores a pod that requests cpu or memory', () => {
    const cpu = bare('worker', container('{cpu: 10m, nvidia.com/gpu: "1"}'));
    expect(placements(schedule(running + cpu, nodes)).worker).toBe('a');
  });
});
