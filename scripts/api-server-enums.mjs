// Enumerations the API server enforces in its hand-written validation (pkg/apis/*/validation)
// but the OpenAPI spec does not declare. The schema generator adds them as `enum`s so that
// `restartPolicy: Sometimes` gets "Unsupported value" like the API server says it.
// `allowEmpty`: the field is defaulted, so an empty string is accepted.
export const apiServerEnums = {
  'io.k8s.api.core.v1.Container': {
    imagePullPolicy: { values: ['Always', 'IfNotPresent', 'Never'], allowEmpty: true },
    terminationMessagePolicy: { values: ['File', 'FallbackToLogsOnError'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.EphemeralContainer': {
    imagePullPolicy: { values: ['Always', 'IfNotPresent', 'Never'], allowEmpty: true },
    terminationMessagePolicy: { values: ['File', 'FallbackToLogsOnError'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.PodSpec': {
    restartPolicy: { values: ['Always', 'OnFailure', 'Never'], allowEmpty: true },
    dnsPolicy: { values: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], allowEmpty: true },
    preemptionPolicy: { values: ['PreemptLowerPriority', 'Never'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.ContainerPort': { protocol: { values: ['TCP', 'UDP', 'SCTP'], allowEmpty: true } },
  'io.k8s.api.core.v1.ServicePort': { protocol: { values: ['TCP', 'UDP', 'SCTP'], allowEmpty: true } },
  'io.k8s.api.core.v1.EndpointPort': { protocol: { values: ['TCP', 'UDP', 'SCTP'], allowEmpty: true } },
  'io.k8s.api.discovery.v1.EndpointPort': { protocol: { values: ['TCP', 'UDP', 'SCTP'], allowEmpty: true } },
  'io.k8s.api.networking.v1.NetworkPolicyPort': { protocol: { values: ['TCP', 'UDP', 'SCTP'], allowEmpty: true } },
  'io.k8s.api.core.v1.ServiceSpec': {
    type: { values: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], allowEmpty: true },
    sessionAffinity: { values: ['ClientIP', 'None'], allowEmpty: true },
    externalTrafficPolicy: { values: ['Cluster', 'Local'], allowEmpty: true },
    internalTrafficPolicy: { values: ['Cluster', 'Local'], allowEmpty: true },
    ipFamilyPolicy: { values: ['SingleStack', 'PreferDualStack', 'RequireDualStack'], allowEmpty: true },
  },
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: { values: ['Recreate', 'RollingUpdate'], allowEmpty: true } },
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': { type: { values: ['RollingUpdate', 'OnDelete'], allowEmpty: true } },
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': { type: { values: ['RollingUpdate', 'OnDelete'], allowEmpty: true } },
  'io.k8s.api.apps.v1.StatefulSetSpec': { podManagementPolicy: { values: ['OrderedReady', 'Parallel'], allowEmpty: true } },
  'io.k8s.api.batch.v1.CronJobSpec': { concurrencyPolicy: { values: ['Allow', 'Forbid', 'Replace'], allowEmpty: true } },
  'io.k8s.api.batch.v1.JobSpec': { completionMode: { values: ['NonIndexed', 'Indexed'], allowEmpty: true } },
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec': {
    accessModes: { items: true, values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
    volumeMode: { values: ['Block', 'Filesystem'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.PersistentVolumeSpec': {
    accessModes: { items: true, values: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] },
    persistentVolumeReclaimPolicy: { values: ['Retain', 'Delete', 'Recycle'], allowEmpty: true },
    volumeMode: { values: ['Block', 'Filesystem'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.Toleration': {
    operator: { values: ['Exists', 'Equal'], allowEmpty: true },
    effect: { values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], allowEmpty: true },
  },
  'io.k8s.api.core.v1.Taint': { effect: { values: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] } },
  'io.k8s.api.core.v1.NodeSelectorRequirement': { operator: { values: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] } },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement': { operator: { values: ['In', 'NotIn', 'Exists', 'DoesNotExist'] } },
  'io.k8s.api.core.v1.HTTPGetAction': { scheme: { values: ['HTTP', 'HTTPS'], allowEmpty: true } },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': { unhealthyPodEvictionPolicy: { values: ['IfHealthyBudget', 'AlwaysAllow'], allowEmpty: true } },
  'io.k8s.api.networking.v1.NetworkPolicySpec': { policyTypes: { items: true, values: ['Ingress', 'Egress'] } },
  'io.k8s.api.networking.v1.HTTPIngressPath': { pathType: { values: ['Exact', 'Prefix', 'ImplementationSpecific'] } },
  'io.k8s.api.autoscaling.v2.MetricSpec': { type: { values: ['Object', 'Pods', 'Resource', 'ContainerResource', 'External'] } },
  'io.k8s.api.autoscaling.v2.MetricTarget': { type: { values: ['Utilization', 'Value', 'AverageValue'] } },
};

// Fields the OpenAPI spec lists as required (their Go field has no omitempty) that the API server
// does not require: its hand-written validation accepts them absent, as a nil list. The generator
// drops them from `required`, so kubeproof does not refuse what a cluster accepts.
export const notRequiredByApiServer = {
  // pkg/apis/discovery/validation ValidateEndpointSlice: endpoints is iterated, never required;
  // Kubernetes' own conformance manifests create EndpointSlices without it.
  'io.k8s.api.discovery.v1.EndpointSlice': ['endpoints'],
};
