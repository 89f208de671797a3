/**
 * The defaults the API server sets when it decodes an object, kind by kind, against upstream's values:
 * pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go and the
 * generated SetObjectDefaults_<Kind> (zz_generated.defaults.go) that apply them to pod templates.
 */
import { describe, expect, it } from 'vitest';
import { Defaulter, withDefaults } from '../../src/schema/index.js';
import { imageTag } from '../../src/schema/defaults/index.js';
import type { Resource } from '../../src/core/index.js';

/** What every container of a template gets (SetDefaults_Container), for an image with a version tag. */
const CONTAINER = { imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' };
/** SetDefaults_PodSpec. */
const POD_SPEC = { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' };
const template = (extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...extra } });
const defaultedTemplate = (extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...CONTAINER }], ...POD_SPEC, ...extra } });

describe('defaults of the built-in kinds, as upstream sets them', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      'Deployment (apps/v1 SetDefaults_Deployment)',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { selector: { matchLabels: { app: 'a' } }, template: template() } },
      {
        apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { app: 'a' } }, template: defaultedTemplate(), replicas: 1,
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
        },
      },
    ],
    [
      'Deployment with a Recreate strategy: no rollingUpdate',
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3, strategy: { type: 'Recreate' } } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3, strategy: { type: 'Recreate' }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 } },
    ],
    [
      'DaemonSet (SetDefaults_DaemonSet: maxUnavailable 1, maxSurge 0, as integers)',
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: template() } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds' }, spec: { template: defaultedTemplate(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 } },
    ],
    [
      'StatefulSet (SetDefaults_StatefulSet; its claim templates get a PersistentVolumeClaim\'s defaults)',
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { serviceName: 's', template: template(), volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] } },
      {
        apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' },
        spec: {
          serviceName: 's', template: defaultedTemplate(), podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
          persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, replicas: 1, revisionHistoryLimit: 10,
          volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
        },
      },
    ],
    [
      'StatefulSet with a RollingUpdate type written but no rollingUpdate: no partition (only a defaulted type brings rollingUpdate)',
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { updateStrategy: { type: 'RollingUpdate' }, podManagementPolicy: 'Parallel' } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { updateStrategy: { type: 'RollingUpdate' }, podManagementPolicy: 'Parallel', persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, replicas: 1, revisionHistoryLimit: 10 } },
    ],
    [
      'ReplicaSet (SetDefaults_ReplicaSet)',
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: template() } },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: defaultedTemplate(), replicas: 1 } },
    ],
    [
      'Job (batch/v1 SetDefaults_Job: labels from the template, completions and parallelism 1, backoffLimit 6)',
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: { template: template({ restartPolicy: 'Never' }) } },
      {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', labels: { app: 'a' } },
        spec: {
          template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...CONTAINER }], ...POD_SPEC, restartPolicy: 'Never' } },
          completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false, podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false,
        },
      },
    ],
    [
      'Job with parallelism, backoffLimitPerIndex and a podFailurePolicy: no completions, backoffLimit MaxInt32, podReplacementPolicy Failed, patterns True',
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', labels: { own: 'x' } }, spec: { parallelism: 3, backoffLimitPerIndex: 1, completionMode: 'Indexed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } } },
      {
        apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', labels: { own: 'x' } },
        spec: { parallelism: 3, backoffLimitPerIndex: 1, completionMode: 'Indexed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] }, backoffLimit: 2147483647, suspend: false, podReplacementPolicy: 'Failed', manualSelector: false },
      },
    ],
    [
      'CronJob (SetDefaults_CronJob; the jobTemplate gets its pod template\'s defaults, not a Job\'s)',
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: '@daily', jobTemplate: { spec: { template: template({ restartPolicy: 'OnFailure' }) } } } },
      {
        apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' },
        spec: {
          schedule: '@daily', jobTemplate: { spec: { template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...CONTAINER }], ...POD_SPEC, restartPolicy: 'OnFailure' } } } },
          concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
        },
      },
    ],
    [
      'ReplicationController (selector and labels from the template, replicas 1)',
      { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { template: template() } },
      { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc', labels: { app: 'a' } }, spec: { template: defaultedTemplate(), selector: { app: 'a' }, replicas: 1 } },
    ],
    [
      'PodTemplate',
      { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: template() },
      { apiVersion: 'v1', kind: 'PodTemplate', metadata: { name: 't' }, template: defaultedTemplate() },
    ],
    [
      'Service (SetDefaults_Service: type, sessionAffinity, ports\' protocol and targetPort, internalTrafficPolicy)',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a' }, ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] } },
      {
        apiVersion: 'v1', kind: 'Service', metadata: { name: 's' },
        spec: { selector: { app: 'a' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }], sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster' },
      },
    ],
    [
      'Service of type LoadBalancer with ClientIP affinity: externalTrafficPolicy, allocateLoadBalancerNodePorts, the affinity timeout',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', ports: [{ port: 443, targetPort: 0 }] } },
      {
        apiVersion: 'v1', kind: 'Service', metadata: { name: 's' },
        spec: { type: 'LoadBalancer', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } }, ports: [{ port: 443, targetPort: 443, protocol: 'TCP' }], externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true },
      },
    ],
    [
      'Service of type ExternalName: no traffic policies; a sessionAffinityConfig under None is dropped',
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'ExternalName', externalName: 'example.com', sessionAffinity: 'None' } },
    ],
    [
      'Secret, ConfigMap, Namespace, PersistentVolumeClaim',
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'Opaque' },
    ],
    ['ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} }],
    ['Namespace', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels: { 'kubernetes.io/metadata.name': 'n' } }, status: { phase: 'Active' } }],
    [
      'PersistentVolumeClaim',
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p' }, spec: { accessModes: ['ReadWriteOnce'] } },
      { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'p' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
    ],
    [
      'PersistentVolume',
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { hostPath: { path: '/d' } } },
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { hostPath: { path: '/d', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } },
    ],
    [
      'LimitRange (SetDefaults_LimitRangeItem: default from max, defaultRequest from default, then min)',
      { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' } }, { type: 'Pod', max: { cpu: '4' } }] } },
      { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { cpu: '2' }, defaultRequest: { cpu: '2', memory: '64Mi' } }, { type: 'Pod', max: { cpu: '4' } }] } },
    ],
    ['a kind with no defaults is copied as it is', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' } }, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'r' } }],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(withDefaults(input)).toEqual(expected);
  });

  it('a Pod: SetDefaults_Pod (requests from limits, enableServiceLinks, host ports under hostNetwork), then the PodSpec\'s, for every kind of container, probe and volume', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: {
        hostNetwork: true,
        initContainers: [{ name: 'i', image: 'busybox', ports: [{ containerPort: 9000 }] }],
        containers: [{
          name: 'c', image: 'registry.example.com:5000/team/app@sha256:' + 'a'.repeat(64),
          ports: [{ containerPort: 8080 }, { containerPort: 9090, hostPort: 19090, protocol: 'UDP' }],
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
          livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { grpc: { port: 9090 }, periodSeconds: 5 }, startupProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 0 },
          lifecycle: { preStop: { httpGet: { port: 8080, path: '/stop' } } },
        }],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:latest' }],
        volumes: [
          { name: 'scratch' }, { name: 'h', hostPath: { path: '/var/log' } }, { name: 's', secret: { secretName: 's' } }, { name: 'cm', configMap: { name: 'cm', defaultMode: 256 } },
          { name: 'd', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
          { name: 'pr', projected: { sources: [{ serviceAccountToken: { path: 'token' } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name' } }] } }] } },
          { name: 'e', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } } },
          { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'q', lun: 0 } }, { name: 'rbd', rbd: { monitors: ['m'], image: 'i' } },
        ],
      },
    };
    expect(withDefaults(pod)).toEqual({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: {
        hostNetwork: true, enableServiceLinks: true, ...POD_SPEC,
        initContainers: [{ name: 'i', image: 'busybox', ports: [{ containerPort: 9000, hostPort: 9000, protocol: 'TCP' }], imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        containers: [{
          name: 'c', image: 'registry.example.com:5000/team/app@sha256:' + 'a'.repeat(64), ...CONTAINER,
          ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }, { containerPort: 9090, hostPort: 19090, protocol: 'UDP' }],
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName', apiVersion: 'v1' } } }],
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
          livenessProbe: { httpGet: { port: 8080, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { grpc: { port: 9090, service: '' }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
          startupProbe: { tcpSocket: { port: 8080 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          lifecycle: { preStop: { httpGet: { port: 8080, path: '/stop', scheme: 'HTTP' } } },
        }],
        ephemeralContainers: [{ name: 'debug', image: 'busybox:latest', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        volumes: [
          { name: 'scratch', emptyDir: {} }, { name: 'h', hostPath: { path: '/var/log', type: '' } }, { name: 's', secret: { secretName: 's', defaultMode: 420 } }, { name: 'cm', configMap: { name: 'cm', defaultMode: 256 } },
          { name: 'd', downwardAPI: { defaultMode: 420, items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels', apiVersion: 'v1' } }] } },
          { name: 'pr', projected: { defaultMode: 420, sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }, { downwardAPI: { items: [{ path: 'n', fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } }] } }] } },
          { name: 'e', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' } } } },
          { name: 'iscsi', iscsi: { targetPortal: 't', iqn: 'q', lun: 0, iscsiInterface: 'default' } }, { name: 'rbd', rbd: { monitors: ['m'], image: 'i', pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' } },
        ],
      },
    });
  });

  it('a pod template gets no Pod-only defaults: no requests from limits, no host ports, no enableServiceLinks (SetDefaults_Pod is the Pod\'s)', () => {
    const d = withDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template: { spec: { hostNetwork: true, containers: [{ name: 'c', image: 'a:1', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] } } } });
    const spec = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(spec.enableServiceLinks).toBeUndefined();
    expect(spec.containers).toEqual([{ name: 'c', image: 'a:1', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { limits: { cpu: '1' } }, ...CONTAINER }]);
  });

  it('an explicit null is unset, as decoding leaves it; zero values of plain fields are unset too; a value of the wrong type is left alone', () => {
    const d = withDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: null, revisionHistoryLimit: 0, template: { spec: { dnsPolicy: '', containers: [{ name: 'c', image: 'a:1', imagePullPolicy: 7, livenessProbe: { exec: { command: ['true'] }, periodSeconds: 0 } }] } } } });
    const spec = d.spec as Record<string, any>;
    expect(spec.replicas).toBe(1);
    expect(spec.revisionHistoryLimit).toBe(0); // a pointer: 0 is a value
    expect(spec.template.spec.dnsPolicy).toBe('ClusterFirst');
    expect(spec.template.spec.containers[0].imagePullPolicy).toBe(7);
    expect(spec.template.spec.containers[0].livenessProbe.periodSeconds).toBe(10);
  });

  it('a `__proto__` key of a manifest stays an own key of the copy; nothing reaches Object.prototype', () => {
    const labels = JSON.parse('{"__proto__": {"polluted": "yes"}, "app": "a"}');
    const d = withDefaults({ apiVersion: 'batch/v1', kind: 'Job', spec: { template: { metadata: { labels }, spec: { containers: [] } } } });
    expect(Object.hasOwn(d.metadata as object, 'labels') && Object.hasOwn((d.metadata as { labels: object }).labels, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('malformed objects do not throw: a spec that is not a map, containers that are not a list', () => {
    expect(withDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', spec: 'x' })).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', spec: 'x' });
    expect(withDefaults({ apiVersion: 'v1', kind: 'Pod', spec: { containers: 'c', volumes: [1, null] } })).toEqual({ apiVersion: 'v1', kind: 'Pod', spec: { containers: 'c', volumes: [1, null], enableServiceLinks: true, ...POD_SPEC } });
  });
});

describe('defaulting never changes its input, and changes nothing already set', () => {
  it('the input object is not mutated', () => {
    const input = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: template({ volumes: [{ name: 'v' }] }) } };
    const before = structuredClone(input);
    const out = withDefaults(input);
    expect(input).toEqual(before);
    expect(out).not.toBe(input);
    (out.spec as { template: { spec: { containers: unknown[] } } }).template.spec.containers.push('x');
    expect(input).toEqual(before);
  });

  it('an object that sets every defaulted field comes out equal', () => {
    const full = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: {
        replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 3, progressDeadlineSeconds: 60,
        template: {
          metadata: { labels: { app: 'a' } },
          spec: {
            dnsPolicy: 'Default', restartPolicy: 'Always', securityContext: { runAsNonRoot: true }, terminationGracePeriodSeconds: 5, schedulerName: 'custom',
            containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never', terminationMessagePath: '/t', terminationMessagePolicy: 'FallbackToLogsOnError', ports: [{ containerPort: 80, protocol: 'SCTP' }] }],
          },
        },
      },
    };
    expect(withDefaults(full)).toEqual(full);
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', sessionAffinity: 'None', externalTrafficPolicy: 'Local', internalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    expect(withDefaults(svc)).toEqual(svc);
  });
});

describe('imagePullPolicy by the image\'s tag (parsers.go ParseImageName on a normalized docker reference)', () => {
  it.each([
    ['nginx', 'latest'],
    ['nginx:latest', 'latest'],
    ['nginx:1.27', '1.27'],
    ['library/nginx', 'latest'],
    ['localhost:5000/app', 'latest'],
    ['registry.example.com:5000/team/app:v2', 'v2'],
    ['ghcr.io/org/app@sha256:' + 'b'.repeat(64), ''],
    ['ghcr.io/org/app:latest@sha256:' + 'b'.repeat(64), 'latest'],
    ['Nginx', ''], // "repository name must be lowercase": it does not parse, no tag
    ['a'.repeat(64), ''], // a bare image ID
    ['', ''],
    ['nginx:', ''],
  ])('%j has the tag %j', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});

describe('custom resources get their CRD schema\'s defaults (crd-defaults.ts, as validation applies them)', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced',
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer', default: 3 }, mode: { type: 'string' } } } } } } }],
    },
  };
  const resource = (object: Record<string, unknown>) => ({ id: { apiVersion: String(object.apiVersion), kind: String(object.kind), name: 'x' }, object, source: {} }) as unknown as Resource;
  it('a missing field with a default gets it; another kind, or no CRD, gets nothing', () => {
    const defaulter = new Defaulter({ crds: [resource(crd)] });
    expect(defaulter.defaulted({ apiVersion: 'example.com/v1', kind: 'Widget', spec: { mode: 'a' } })).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', spec: { mode: 'a', size: 3 } });
    expect(defaulter.defaulted({ apiVersion: 'example.com/v2', kind: 'Widget', spec: {} })).toEqual({ apiVersion: 'example.com/v2', kind: 'Widget', spec: {} });
    expect(new Defaulter().defaulted({ apiVersion: 'example.com/v1', kind: 'Widget', spec: {} })).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', spec: {} });
  });
});
