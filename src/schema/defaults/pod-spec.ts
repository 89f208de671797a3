/**
 * The defaults of a PodSpec and everything in it, as the generated defaulters apply them to every
 * pod template (pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_PodTemplate, and the
 * apps/batch ones, which call the same functions), with the values of pkg/apis/core/v1/defaults.go
 * (SetDefaults_PodSpec, _Volume, _Container, _Probe, _HTTPGetAction, ...) and the declarative
 * `+default` markers of staging/src/k8s.io/api/core/v1/types.go (ports' protocol, a gRPC probe's
 * service, iSCSI and RBD volumes). SetDefaults_Pod adds what only a Pod gets (defaultPod).
 * Not here: quantities rounded up to milli (SetDefaults_ResourceList: a re-encoding, not a new
 * field), the image volume's pullPolicy (feature gate ImageVolume), azureDisk and scaleIO volumes
 * (in-tree drivers removed), pod-level resources (feature gate PodLevelResources).
 */
import { ownValue, setOwn } from '../../core/index.js';
import { child, defaultNumber, defaultPointer, defaultString, items, type Fields } from './fields.js';
import { defaultPullPolicy } from './image-pull-policy.js';

/** Every field of core/v1 VolumeSource: a volume naming none of them gets an emptyDir (SetDefaults_Volume, ptr.AllPtrFieldsNil). */
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
];

/** v1.SecretVolumeSourceDefaultMode and its ConfigMap, DownwardAPI and Projected twins: 0644. */
const DEFAULT_MODE = 0o644;

/** SetDefaults_PodSpec, then each volume and container, as SetObjectDefaults_PodTemplate orders them. */
export function defaultPodSpec(spec: Fields): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  defaultPointer(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', 30);
  defaultString(spec, 'schedulerName', 'default-scheduler');
  for (const v of items(spec, 'volumes')) defaultVolume(v);
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) for (const c of items(spec, key)) defaultContainer(c);
}

/**
 * SetDefaults_Pod, before the PodSpec's own (SetObjectDefaults_Pod): requests default to limits,
 * per container; enableServiceLinks; with host networking every container port is a host port.
 */
export function defaultPod(pod: Fields): void {
  const spec = child(pod, 'spec');
  if (!spec) return;
  for (const key of ['containers', 'initContainers']) {
    for (const c of items(spec, key)) {
      const resources = child(c, 'resources');
      const limits = resources && child(resources, 'limits');
      if (!resources || !limits) continue;
      const requests = child(resources, 'requests', true);
      if (!requests) continue;
      for (const [name, value] of Object.entries(limits)) if (ownValue(requests, name) === undefined) setOwn(requests, name, value);
    }
  }
  defaultPointer(spec, 'enableServiceLinks', true);
  if (ownValue(spec, 'hostNetwork') === true) {
    for (const key of ['containers', 'initContainers']) {
      for (const c of items(spec, key)) for (const p of items(c, 'ports')) if (typeof p.containerPort === 'number') defaultNumber(p, 'hostPort', p.containerPort);
    }
  }
  defaultPodSpec(spec);
}

function defaultVolume(volume: Fields): void {
  if (!VOLUME_SOURCES.some((k) => ownValue(volume, k) !== undefined)) setOwn(volume, 'emptyDir', {});
  const hostPath = child(volume, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', ''); // v1.HostPathUnset
  for (const key of ['secret', 'configMap']) {
    const source = child(volume, key);
    if (source) defaultPointer(source, 'defaultMode', DEFAULT_MODE);
  }
  const downwardAPI = child(volume, 'downwardAPI');
  if (downwardAPI) {
    defaultPointer(downwardAPI, 'defaultMode', DEFAULT_MODE);
    defaultFieldRefs(downwardAPI);
  }
  const projected = child(volume, 'projected');
  if (projected) {
    defaultPointer(projected, 'defaultMode', DEFAULT_MODE);
    for (const source of items(projected, 'sources')) {
      const d = child(source, 'downwardAPI');
      if (d) defaultFieldRefs(d);
      const token = child(source, 'serviceAccountToken');
      if (token) defaultPointer(token, 'expirationSeconds', 3600); // SetDefaults_ServiceAccountTokenProjection: an hour
    }
  }
  const iscsi = child(volume, 'iscsi');
  if (iscsi) defaultString(iscsi, 'iscsiInterface', 'default');
  const rbd = child(volume, 'rbd');
  if (rbd) {
    defaultString(rbd, 'pool', 'rbd');
    defaultString(rbd, 'user', 'admin');
    defaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const claimSpec = child(child(child(volume, 'ephemeral') ?? {}, 'volumeClaimTemplate') ?? {}, 'spec');
  if (claimSpec) defaultClaimSpec(claimSpec);
}

/** SetDefaults_ObjectFieldSelector on each item's fieldRef. */
function defaultFieldRefs(downwardAPI: Fields): void {
  for (const item of items(downwardAPI, 'items')) {
    const ref = child(item, 'fieldRef');
    if (ref) defaultString(ref, 'apiVersion', 'v1');
  }
}

/** SetDefaults_PersistentVolumeClaimSpec. */
export function defaultClaimSpec(spec: Fields): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
}

/** A container, init container or ephemeral container (SetDefaults_Container, SetDefaults_EphemeralContainer). */
function defaultContainer(c: Fields): void {
  defaultString(c, 'imagePullPolicy', defaultPullPolicy(ownValue(c, 'image')));
  defaultString(c, 'terminationMessagePath', '/dev/termination-log'); // v1.TerminationMessagePathDefault
  defaultString(c, 'terminationMessagePolicy', 'File');
  for (const p of items(c, 'ports')) defaultString(p, 'protocol', 'TCP');
  for (const e of items(c, 'env')) {
    const ref = child(child(e, 'valueFrom') ?? {}, 'fieldRef');
    if (ref) defaultString(ref, 'apiVersion', 'v1');
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = child(c, key);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = child(c, 'lifecycle');
  for (const key of ['postStart', 'preStop']) {
    const httpGet = lifecycle && child(child(lifecycle, key) ?? {}, 'httpGet');
    if (httpGet) defaultHttpGet(httpGet);
  }
}

/** SetDefaults_Probe, its httpGet, and a gRPC probe's service ('' by its `+default` marker). */
function defaultProbe(probe: Fields): void {
  defaultNumber(probe, 'timeoutSeconds', 1);
  defaultNumber(probe, 'periodSeconds', 10);
  defaultNumber(probe, 'successThreshold', 1);
  defaultNumber(probe, 'failureThreshold', 3);
  const httpGet = child(probe, 'httpGet');
  if (httpGet) defaultHttpGet(httpGet);
  const grpc = child(probe, 'grpc');
  if (grpc) defaultPointer(grpc, 'service', '');
}

/** SetDefaults_HTTPGetAction. */
function defaultHttpGet(action: Fields): void {
  defaultString(action, 'path', '/');
  defaultString(action, 'scheme', 'HTTP');
}
