/**
 * Volumes: PVCs, PVs and StorageClasses among the inputs, with kube-scheduler's VolumeBinding
 * and VolumeZone messages byte for byte (volumebinding/binder.go, volumezone/volume_zone.go).
 */
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { headroom } from '../../src/schedule/capacity.js';
import { buildInventory, runSchedule } from '../../src/schedule/index.js';
import { node, placements, pod, schedule } from './harness.js';

const nodesOf = (yaml: string) => buildInventory(parseManifests(yaml, 'nodes.yaml').resources).nodes;

const SMALL = '{cpu: "1", memory: 1Gi, pods: "10"}';
const zoned = (name: string, zone: string) => node(name, SMALL, { labels: { 'topology.kubernetes.io/zone': zone } });
const NODES = zoned('a', 'z1') + zoned('b', 'z2');

const withClaim = (name: string, claim: string) => pod(name, `containers: [{name: c, image: i:1}]\nvolumes: [{name: data, persistentVolumeClaim: {claimName: ${claim}}}]`);
const pvc = (name: string, spec: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: default}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, ${spec}}\n---\n`;
const pv = (name: string, spec: string, labels = '{}', modes = 'ReadWriteOnce') =>
  `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}, labels: ${labels}}\nspec: {accessModes: [${modes}], ${spec.includes('capacity') ? '' : 'capacity: {storage: 10Gi}, '}${spec}}\n---\n`;
const inZone = (zone: string) => `nodeAffinity: {required: {nodeSelectorTerms: [{matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [${zone}]}]}]}}`;
const sc = (name: string, mode: string, extra = '') => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: ${name}}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: ${mode}\n${extra}\n---\n`;
const local = (name: string, mode: string) => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: ${name}}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: ${mode}\n---\n`;

describe('VolumeBinding', () => {
  it('puts a pod whose claim is bound (spec.volumeName) to a zonal volume in that zone, and counts the other nodes', () => {
    const inputs = pvc('data', 'volumeName: vol-1') + pv('vol-1', inZone('z2')) + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'b' });
    const nowhere = pvc('data', 'volumeName: vol-1') + pv('vol-1', inZone('z9')) + withClaim('p', 'data');
    expect(placements(schedule(nowhere, NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: 2 node(s) had volume node affinity conflict.' });
  });

  it('binds a claim named by a volume\'s claimRef to it', () => {
    const inputs = pvc('data', 'storageClassName: ""') + pv('vol-1', `claimRef: {namespace: default, name: data}, ${inZone('z1')}`) + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'a' });
  });

  it('says so when a bound claim\'s volume is not among the inputs', () => {
    const inputs = pvc('data', 'volumeName: gone') + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: 2 node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s).' });
  });

  it('refuses a pod whose claim is not among the inputs, before any node', () => {
    expect(placements(schedule(withClaim('p', 'missing'), NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: persistentvolumeclaim "missing" not found.' });
  });

  it('points the fix of a refused pod at its volumes, with the refusal', () => {
    const fix = schedule(withClaim('p', 'missing'), NODES).report.pods[0]!.fix;
    expect(fix).toMatchObject({ path: '/spec/volumes', detail: 'persistentvolumeclaim "missing" not found' });
  });

  it('refuses a pod with an unbound Immediate claim no volume matches', () => {
    const inputs = local('manual', 'Immediate') + pvc('data', 'storageClassName: manual') + pv('small', 'storageClassName: manual, capacity: {storage: 1Gi}') + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.' });
    // A matching volume is bound at once (the PV controller), and its node affinity then decides.
    const bound = local('manual', 'Immediate') + pvc('data', 'storageClassName: manual') + pv('big', `storageClassName: manual, ${inZone('z2')}`) + withClaim('p', 'data');
    expect(placements(schedule(bound, NODES))).toEqual({ p: 'b' });
  });

  it('binds a WaitForFirstConsumer claim to a volume that fits the node, and finds none where none fits', () => {
    const inputs = local('local', 'WaitForFirstConsumer') + pvc('data', 'storageClassName: local') + pv('on-b', `storageClassName: local, ${inZone('z2')}`) + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'b' });
    // The second pod's claim finds the only volume taken by the first.
    const two = inputs + pvc('more', 'storageClassName: local') + withClaim('q', 'more');
    expect(placements(schedule(two, NODES))).toEqual({ p: 'b', q: "PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind." });
  });

  it('checks capacity and access modes of the volumes it could bind', () => {
    const claim = (modes: string) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {storageClassName: local, accessModes: [${modes}], resources: {requests: {storage: 10Gi}}}\n---\n`;
    const volumes = pv('small', `storageClassName: local, capacity: {storage: 5Gi}, ${inZone('z1')}`) + pv('rox', `storageClassName: local, ${inZone('z2')}`, '{}', 'ReadOnlyMany');
    const inputs = local('local', 'WaitForFirstConsumer') + claim('ReadWriteOnce') + volumes + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: "PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind." });
    expect(placements(schedule(local('local', 'WaitForFirstConsumer') + claim('ReadOnlyMany') + volumes + withClaim('p', 'data'), NODES))).toEqual({ p: 'b' });
  });

  it('provisions a WaitForFirstConsumer claim on the nodes its class allows, and the volume stays in that zone', () => {
    const allowed = 'allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [z2]}]}]';
    const inputs = sc('ebs', 'WaitForFirstConsumer', allowed) + pvc('data', 'storageClassName: ebs') + withClaim('p', 'data') + withClaim('q', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'b', q: 'b' });
    const nowhere = sc('ebs', 'WaitForFirstConsumer', 'allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [z9]}]}]') + pvc('data', 'storageClassName: ebs') + withClaim('p', 'data');
    expect(placements(schedule(nowhere, NODES))).toEqual({ p: "PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind." });
  });

  it('assumes a class the inputs do not hold provisions: a named one, or the cluster\'s default', () => {
    const named = pvc('data', 'storageClassName: gp3') + withClaim('p', 'data');
    expect(placements(schedule(named, NODES))).toEqual({ p: 'a' });
    const unset = pvc('data', 'volumeMode: Filesystem') + withClaim('p', 'data');
    expect(placements(schedule(unset, NODES))).toEqual({ p: 'a' });
    // storageClassName "" asks for a static volume only.
    const staticOnly = pvc('data', 'storageClassName: ""') + withClaim('p', 'data');
    expect(placements(schedule(staticOnly, NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.' });
  });

  it('leaves pods without claims alone', () => {
    expect(placements(schedule(pod('p', 'containers: [{name: c, image: i:1}]'), NODES))).toEqual({ p: 'a' });
  });
});

describe('VolumeRestrictions', () => {
  it('refuses a second pod of a ReadWriteOncePod claim on every node', () => {
    const rwop = `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: solo}\nspec: {storageClassName: gp3, accessModes: [ReadWriteOncePod], resources: {requests: {storage: 1Gi}}}\n---\n`;
    const r = schedule(rwop + withClaim('p', 'solo') + withClaim('q', 'solo'), NODES);
    expect(placements(r)).toEqual({ p: 'a', q: 'PENDING: 0/2 nodes are available: 2 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode.' });
    // ReadWriteOnce is per node, not per pod: the scheduler does not restrict it.
    expect(placements(schedule(rwop.replace('ReadWriteOncePod', 'ReadWriteOnce') + withClaim('p', 'solo') + withClaim('q', 'solo'), NODES))).toEqual({ p: 'a', q: 'b' });
  });
});

describe('NodeVolumeLimits (CSI)', () => {
  const csiNode = (name: string, count: number) => `apiVersion: storage.k8s.io/v1\nkind: CSINode\nmetadata: {name: ${name}}\nspec: {drivers: [{name: ebs.csi.aws.com, nodeID: ${name}, allocatable: {count: ${count}}}]}\n---\n`;

  it('takes no more of a driver\'s volumes than the node\'s CSINode allows, counting a shared volume once', () => {
    const claims = ['d0', 'd1', 'd2'].map((n) => pvc(n, 'storageClassName: ebs')).join('');
    const pods = withClaim('p0', 'd0') + withClaim('p1', 'd1') + withClaim('p2', 'd2');
    const one = node('a', SMALL) + csiNode('a', 2);
    expect(placements(schedule(sc('ebs', 'WaitForFirstConsumer') + claims + pods, one))).toEqual({ p0: 'a', p1: 'a', p2: 'PENDING: 0/1 nodes are available: 1 node(s) exceed max volume count.' });
    // A second pod of a volume already attached adds nothing.
    expect(placements(schedule(sc('ebs', 'WaitForFirstConsumer') + claims + pods.replace('d2}', 'd0}'), one))).toEqual({ p0: 'a', p1: 'a', p2: 'a' });
  });

  it('counts a bound volume by its CSI handle, and leaves a node without a CSINode unlimited', () => {
    const vol = (n: string) => pv(n, `storageClassName: "", csi: {driver: ebs.csi.aws.com, volumeHandle: vol-${n}}`);
    const inputs = pvc('cx', 'volumeName: cx') + pvc('cy', 'volumeName: cy') + vol('cx') + vol('cy') + withClaim('p', 'cx') + withClaim('q', 'cy');
    expect(placements(schedule(inputs, node('a', SMALL) + csiNode('a', 1)))).toEqual({ p: 'a', q: 'PENDING: 0/1 nodes are available: 1 node(s) exceed max volume count.' });
    expect(placements(schedule(inputs, node('a', SMALL)))).toEqual({ p: 'a', q: 'a' });
  });
});

describe('VolumeZone', () => {
  it('keeps a pod on the zone its bound volume is labelled with', () => {
    const inputs = pvc('data', 'volumeName: vol-1') + pv('vol-1', 'storageClassName: ""', '{topology.kubernetes.io/zone: z2}') + withClaim('p', 'data');
    expect(placements(schedule(inputs, NODES))).toEqual({ p: 'b' });
    const nowhere = pvc('data', 'volumeName: vol-1') + pv('vol-1', 'storageClassName: ""', '{topology.kubernetes.io/zone: z9}') + withClaim('p', 'data');
    expect(placements(schedule(nowhere, NODES))).toEqual({ p: 'PENDING: 0/2 nodes are available: 2 node(s) had no available volume zone.' });
  });

  it('accepts any of a multi-zone volume\'s zones, a beta label against the node\'s GA one, and a node without zone labels', () => {
    const multi = pvc('data', 'volumeName: vol-1') + pv('vol-1', 'storageClassName: ""', '{failure-domain.beta.kubernetes.io/zone: z9__z2}') + withClaim('p', 'data');
    expect(placements(schedule(multi, NODES))).toEqual({ p: 'b' });
    expect(placements(schedule(multi.replace('z9__z2', 'z9'), node('plain', SMALL)))).toEqual({ p: 'plain' });
  });
});

describe('StatefulSet volumeClaimTemplates', () => {
  const sts = (replicas: number, templateSpec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: default}
spec:
  replicas: ${replicas}
  podManagementPolicy: Parallel
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: c, image: db:1, volumeMounts: [{name: data, mountPath: /d}]}]
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Gi}}, ${templateSpec}}
---
`;
  const allowed = (zone: string) => `allowedTopologies: [{matchLabelExpressions: [{key: topology.kubernetes.io/zone, values: [${zone}]}]}]`;

  it('gives each replica its own claim, provisioned where the class allows', () => {
    const r = schedule(sc('zonal', 'WaitForFirstConsumer', allowed('z2')) + sts(2, 'storageClassName: zonal'), NODES);
    expect(placements(r)).toEqual({ 'db-0': 'b', 'db-1': 'b' });
    const nowhere = schedule(sc('zonal', 'WaitForFirstConsumer', allowed('z9')) + sts(1, 'storageClassName: zonal'), NODES);
    expect(placements(nowhere)).toEqual({ 'db-0': "PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind." });
  });

  it('uses a claim <template>-<set>-<ordinal> that already exists, bound to its zonal volume', () => {
    const existing = pvc('data-db-0', 'storageClassName: zonal, volumeName: vol-a') + pv('vol-a', `storageClassName: zonal, ${inZone('z1')}`);
    const r = schedule(sc('zonal', 'WaitForFirstConsumer') + existing + sts(2, 'storageClassName: zonal'), zoned('a', 'z1') + node('b', '{cpu: "1", memory: 1Gi, pods: "1"}', { labels: { 'topology.kubernetes.io/zone': 'z2' } }));
    expect(placements(r)['db-0']).toBe('a');
  });

  it('asks again for each pending replica: its own claim may already exist, bound elsewhere', () => {
    // db-0 and db-1 find no volume to provision (no node in z9); db-2's claim is already bound to a volume in z2.
    const existing = pvc('data-db-2', 'storageClassName: zonal, volumeName: vol-b') + pv('vol-b', `storageClassName: zonal, ${inZone('z2')}`);
    const r = schedule(sc('zonal', 'WaitForFirstConsumer', allowed('z9')) + existing + sts(3, 'storageClassName: zonal'), NODES);
    const none = "PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind.";
    expect(placements(r)).toEqual({ 'db-0': none, 'db-1': none, 'db-2': 'b' });
  });

  it('binds each replica\'s claim to a different local volume, and the replica without one pends', () => {
    const volumes = pv('local-a', `storageClassName: local, ${inZone('z1')}`) + pv('local-b', `storageClassName: local, ${inZone('z2')}`);
    const r = schedule(local('local', 'WaitForFirstConsumer') + volumes + sts(3, 'storageClassName: local'), NODES);
    expect(Object.values(placements(r)).sort()).toEqual(["PENDING: 0/2 nodes are available: 2 node(s) didn't find available persistent volumes to bind.", 'a', 'b']);
  });
});

describe('what-ifs and volumes', () => {
  it('put back the WaitForFirstConsumer bindings a what-if placement made (Scheduler.whatIf)', () => {
    // One local volume, in z2: a what-if pod with claim `data` takes it; afterwards it must be free again for `more`.
    const inputs = local('local', 'WaitForFirstConsumer') + pvc('data', 'storageClassName: local') + pvc('more', 'storageClassName: local') + pv('on-b', `storageClassName: local, ${inZone('z2')}`) + pod('base', 'containers: [{name: c, image: i:1}]');
    const runs = [runSchedule(parseManifests(inputs, 'in.yaml').resources, nodesOf(NODES)), runSchedule(parseManifests(inputs, 'in.yaml').resources, nodesOf(NODES))];
    const base = runs[0]!.placements[0]!.pod;
    const extra = { ...base, name: 'extra', volumeClaims: [{ name: 'data' }] };
    const asked = runs[1]!;
    const placedThen = asked.scheduler.whatIf(() => {
      const { node } = asked.scheduler.decide(extra);
      if (node) asked.scheduler.bind(extra, node);
      return node;
    });
    expect(placedThen).toBe('b');
    asked.scheduler.unbind(extra, 'b');
    const next = { ...base, name: 'next', volumeClaims: [{ name: 'more' }] };
    expect(asked.scheduler.decide(next)).toEqual(runs[0]!.scheduler.decide(next));
    expect(asked.scheduler.decide(next).node).toBe('b');
  });
});

describe('headroom of a StatefulSet', () => {
  it("gives each further replica claims of its own from the claim templates, not replica 0's", () => {
    // web-0 lands on a (z1) and its claim is provisioned there. Replica 1 onward get data-web-1...
    // provisioned wherever they land: room on both zones counts, not only z1's.
    const two = (name: string, zone: string) => node(name, '{cpu: "2", memory: 4Gi, pods: "10"}', { labels: { 'topology.kubernetes.io/zone': zone } });
    const sts = `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  replicas: 1\n  serviceName: web\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: c, image: i:1, resources: {requests: {cpu: 900m}}}]\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {storageClassName: ebs, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n---\n`;
    const run = runSchedule(parseManifests(sc('ebs', 'WaitForFirstConsumer') + sts, 'in.yaml').resources, nodesOf(two('a', 'z1') + two('b', 'z2')));
    expect(run.placements.map((p) => [p.pod.name, p.node])).toEqual([['web-0', 'a']]);
    expect(headroom(run, 10).map((h) => [h.name, h.more])).toEqual([['web', 3]]);
  });
});
