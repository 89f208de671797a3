/**
 * A small cluster for the HTML report's tests: a NodePool over two zones, a GPU Node without a
 * pool whose name carries markup (an inventory's names are warnings, not refusals, so it stays),
 * a pod that fits nowhere, a scalable pool that would take it, and a manifest whose label value
 * carries markup (quoted back in a schema finding).
 */
import * as path from 'node:path';
import { runCli, tempTree } from '../../helpers.js';

export const HOSTILE_NODE = 'gpu-<img src=x onerror=alert(1)>';
export const HOSTILE_LABEL = '<b>bold</b>';

export const FILES = {
  'nodes.yaml': `apiVersion: kubeproof.dev/v1alpha1
kind: NodePool
metadata: {name: general}
spec:
  count: 2
  zones: [zone-a, zone-b]
  allocatable: {cpu: "4", memory: 8Gi, pods: 10}
---
apiVersion: v1
kind: Node
metadata:
  name: ${HOSTILE_NODE}
  labels:
    topology.kubernetes.io/zone: zone-a
spec: {}
status:
  allocatable: {cpu: "8", memory: 32Gi, pods: "20", nvidia.com/gpu: "2"}
`,
  'pools.yaml': `apiVersion: kubeproof.dev/v1alpha1
kind: NodePool
metadata: {name: large}
spec:
  count: 0
  max: 3
  zones: [zone-a]
  allocatable: {cpu: "32", memory: 64Gi, pods: 50}
`,
  'app.yaml': `${deployment('web', 3, '{cpu: "1", memory: 1Gi}')}---
${deployment('trainer', 1, '{cpu: 500m, memory: 2Gi, nvidia.com/gpu: "1"}, limits: {nvidia.com/gpu: "1"}')}---
${deployment('batch', 1, '{cpu: "16", memory: 4Gi}')}---
apiVersion: v1
kind: ConfigMap
metadata: {name: hostile, namespace: shop, labels: {note: "${HOSTILE_LABEL}"}}
data: {a: b}
`,
};

function deployment(name: string, replicas: number, requests: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
      - name: ${name}
        image: ${name}:1
        resources: {requests: ${requests}}
`;
}

/** kube-scheduler's FitError for batch-0 (16 cpu; the largest node has 8). */
export const BATCH_FIT_ERROR = '0/3 nodes are available: 3 Insufficient cpu.';

/** The scenario written out, and `kubeproof <command> ... --format <format>` run on it in-process. */
export function scenario() {
  const dir = tempTree(FILES);
  const args = (command: 'schedule' | 'check', format: string) => [command, 'app.yaml', '--nodes', 'nodes.yaml', '--node-pools', 'pools.yaml', '--tolerate-node-loss', '1', ...(command === 'schedule' ? ['--headroom'] : []), '--no-config', '--format', format];
  return {
    dir,
    file: (name: string) => path.join(dir, name),
    run: (command: 'schedule' | 'check', format: string, extra: string[] = []) => runCli([...args(command, format), ...extra], { cwd: dir }),
  };
}
