/** Requests and limits summed as the API server defaults them and kube-scheduler counts them. */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { formatQuantity } from '../../src/core/index.js';
import { podRequests, resourceTotals } from '../../src/rules/index.js';

const load = (yaml: string) => parseManifests(yaml, 't.yaml').resources;
const show = (m: Map<string, { nanos: bigint; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' }>) => Object.fromEntries([...m].map(([k, q]) => [k, formatQuantity(q)]));

describe('podRequests', () => {
  it('defaults a request to its limit, per resource', () => {
    const spec = { containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '250m' } } }] };
    expect(show(podRequests(spec))).toEqual({ cpu: '250m', memory: '1Gi' });
  });

  it('takes the larger of the app containers and each init container', () => {
    const spec = {
      initContainers: [{ name: 'migrate', resources: { requests: { cpu: '2', memory: '64Mi' } } }],
      containers: [{ name: 'a', resources: { requests: { cpu: '500m', memory: '256Mi' } } }, { name: 'b', resources: { requests: { cpu: '500m' } } }],
    };
    expect(show(podRequests(spec))).toEqual({ cpu: '2', memory: '256Mi' });
  });

  it('counts sidecars beside the app containers and beside later init containers', () => {
    const spec = {
      initContainers: [
        { name: 'proxy', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
        { name: 'setup', resources: { requests: { cpu: '1' } } },
      ],
      containers: [{ name: 'app', resources: { requests: { cpu: '300m' } } }],
      overhead: { cpu: '50m' },
    };
    // max(app 300m + sidecar 100m, setup 1 + sidecar 100m) + overhead 50m
    expect(show(podRequests(spec))).toEqual({ cpu: '1150m' });
  });

  it('lets pod-level resources replace the containers\' sum', () => {
    const spec = { resources: { requests: { cpu: '2' } }, containers: [{ name: 'a', resources: { requests: { cpu: '100m', memory: '1Gi' } } }] };
    expect(show(podRequests(spec))).toEqual({ cpu: '2', memory: '1Gi' });
  });
});

describe('resourceTotals', () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - {name: web, image: web:1, resources: {requests: {cpu: 0.1, memory: 128Mi}, limits: {memory: 256Mi}}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: backfill, namespace: shop}
spec:
  parallelism: 5
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: j, image: j:1, resources: {requests: {cpu: 1}}}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: shop}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: a, image: a:1, resources: {requests: {cpu: 50m}}}]
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers: [{name: d, image: d:1, resources: {limits: {cpu: 200m}}}]
`;

  it('counts replicas, Job parallelism bounded by completions, and DaemonSets per node', () => {
    const totals = resourceTotals(load(yaml));
    expect(totals.workloads.map((w) => [w.resource.name, w.replicas, w.total.requests])).toEqual([
      ['web', 3, { cpu: '300m', memory: '384Mi' }],
      ['backfill', 2, { cpu: '2' }],
      ['agent', null, { cpu: '50m' }],
      ['debug', 1, { cpu: '200m' }],
    ]);
    expect(totals.workloads[0]!.total.limits).toEqual({ memory: '768Mi' });
    expect(totals.namespaces).toEqual([
      { namespace: 'default', pods: 1, requests: { cpu: '200m' }, limits: { cpu: '200m' }, perNode: { pods: 0, requests: {}, limits: {} } },
      { namespace: 'shop', pods: 5, requests: { cpu: '2300m', memory: '384Mi' }, limits: { memory: '768Mi' }, perNode: { pods: 1, requests: { cpu: '50m' }, limits: {} } },
    ]);
  });

  it('counts no pod for a suspended Job or CronJob', () => {
    const job = (kind: string, suspend: string) => `apiVersion: batch/v1\nkind: ${kind}\nmetadata: {name: j}\nspec:\n${suspend}  template:\n    spec:\n      containers: [{name: c, image: c:1, resources: {requests: {cpu: 100m}}}]\n---\n`;
    const cron = `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  suspend: true\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: c:1, resources: {requests: {cpu: 100m}}}]\n`;
    expect(resourceTotals(load(job('Job', '  suspend: true\n') + cron)).workloads.map((w) => [w.resource.name, w.replicas])).toEqual([
      ['j', 0],
      ['c', 0],
    ]);
  });

  it('has no limit for a resource some container leaves unlimited', () => {
    const totals = resourceTotals(load(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - {name: a, image: a:1, resources: {limits: {memory: 1Gi}}}
  - {name: b, image: b:1}
`));
    expect(totals.workloads[0]!.perPod).toEqual({ requests: { memory: '1Gi' }, limits: {} });
  });
});
