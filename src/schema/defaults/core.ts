/**
 * Defaults of the core/v1 kinds other than the pod's (pkg/apis/core/v1/defaults.go, called as
 * pkg/apis/core/v1/zz_generated.defaults.go SetObjectDefaults_<Kind> calls them). Fields the API
 * server fills from its own state are not defaults and are not set: a Service's clusterIP(s),
 * ipFamilies and ipFamilyPolicy (allocated from the cluster's service CIDRs, after decoding),
 * node ports, metadata.uid and the like.
 */
import { ownValue, setOwn } from '../../core/index.js';
import { child, defaultPointer, defaultString, isEmpty, items, type Fields } from './fields.js';
import { defaultClaimSpec, defaultPod, defaultPodSpec } from './pod-spec.js';

/** v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const CLIENT_IP_TIMEOUT_SECONDS = 10800;

/** SetDefaults_Service, then the ports' declarative protocol (SetObjectDefaults_Service). */
function defaultService(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultString(spec, 'sessionAffinity', 'None');
  if (ownValue(spec, 'sessionAffinity') === 'None') delete spec.sessionAffinityConfig;
  if (ownValue(spec, 'sessionAffinity') === 'ClientIP') {
    const clientIP = child(child(spec, 'sessionAffinityConfig') ?? {}, 'clientIP');
    if (!clientIP || ownValue(clientIP, 'timeoutSeconds') === undefined) {
      setOwn(spec, 'sessionAffinityConfig', { clientIP: { timeoutSeconds: CLIENT_IP_TIMEOUT_SECONDS } });
    }
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of items(spec, 'ports')) {
    defaultString(port, 'protocol', 'TCP');
    const target = ownValue(port, 'targetPort');
    // intstr.FromInt32(0) or FromString(""): absent, 0 or ''.
    if ((target === undefined || target === 0 || target === '') && typeof port.port === 'number') setOwn(port, 'targetPort', port.port);
  }
  const type = ownValue(spec, 'type');
  // pkg/api/v1/service/util.go ExternallyAccessible.
  const externallyAccessible = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && !isEmpty(ownValue(spec, 'externalIPs')));
  if (externallyAccessible) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    for (const ingress of items(child(child(o, 'status') ?? {}, 'loadBalancer') ?? {}, 'ingress')) {
      if (typeof ingress.ip === 'string' && ingress.ip !== '') defaultPointer(ingress, 'ipMode', 'VIP');
    }
  }
}

/** SetDefaults_ReplicationController (selector and labels from the template's labels), replicas by its `+default=1` marker, and the template. */
function defaultReplicationController(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  const template = child(spec, 'template');
  const labels = template && child(child(template, 'metadata') ?? {}, 'labels');
  if (labels) {
    if (isEmpty(ownValue(spec, 'selector'))) setOwn(spec, 'selector', { ...labels });
    const metadata = child(o, 'metadata', true);
    if (metadata && isEmpty(ownValue(metadata, 'labels'))) setOwn(metadata, 'labels', { ...labels });
  }
  defaultPointer(spec, 'replicas', 1);
  templateSpec(template);
}

/** SetDefaults_PersistentVolumeClaim and its spec's (also for a StatefulSet's volumeClaimTemplates). */
export function defaultClaim(o: Fields): void {
  defaultStatusPhase(o, 'Pending');
  const spec = child(o, 'spec', true);
  if (spec) defaultClaimSpec(spec);
}

function defaultPersistentVolume(o: Fields): void {
  defaultStatusPhase(o, 'Pending');
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  const hostPath = child(spec, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
}

/** SetDefaults_Namespace: the name label (a Namespace without a name gets none), and SetDefaults_NamespaceStatus. */
function defaultNamespace(o: Fields): void {
  const metadata = child(o, 'metadata');
  const name = metadata && ownValue(metadata, 'name');
  const labels = typeof name === 'string' && name !== '' ? child(metadata!, 'labels', true) : undefined;
  if (labels) setOwn(labels, 'kubernetes.io/metadata.name', name);
  defaultStatusPhase(o, 'Active');
}

/** SetDefaults_LimitRangeItem: a Container limit's default from its max, its defaultRequest from its default, then from its min. */
function defaultLimitRange(o: Fields): void {
  for (const item of items(child(o, 'spec') ?? {}, 'limits')) {
    if (ownValue(item, 'type') !== 'Container') continue;
    const defaults = child(item, 'default', true);
    const requests = child(item, 'defaultRequest', true);
    if (!defaults || !requests) continue;
    copyMissing(child(item, 'max'), defaults);
    copyMissing(defaults, requests);
    copyMissing(child(item, 'min'), requests);
  }
}

function defaultStatusPhase(o: Fields, phase: string): void {
  const status = child(o, 'status', true);
  if (status) defaultString(status, 'phase', phase);
}

function copyMissing(from: Fields | undefined, to: Fields): void {
  for (const [k, v] of Object.entries(from ?? {})) if (ownValue(to, k) === undefined) setOwn(to, k, v);
}

/** A template's pod spec, when there is one. */
export function templateSpec(template: Fields | undefined): void {
  const spec = template && child(template, 'spec');
  if (spec) defaultPodSpec(spec);
}

export const coreDefaulters: Record<string, (o: Fields) => void> = {
  Pod: defaultPod,
  PodTemplate: (o) => templateSpec(child(o, 'template')),
  ReplicationController: defaultReplicationController,
  Service: defaultService,
  Secret: (o) => defaultString(o, 'type', 'Opaque'),
  ConfigMap: (o) => defaultPointer(o, 'data', {}),
  Namespace: defaultNamespace,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultClaim,
  LimitRange: defaultLimitRange,
  Endpoints: (o) => {
    for (const subset of items(o, 'subsets')) for (const port of items(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
  },
};
