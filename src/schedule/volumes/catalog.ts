/**
 * The PersistentVolumeClaims, PersistentVolumes and StorageClasses among the inputs, and what
 * the PV controller would have made of them before any pod is scheduled: a claim naming its
 * volume (spec.volumeName), or named by a volume's claimRef, is bound; an unbound claim of an
 * Immediate class is bound to the smallest matching volume, or provisioned when its class has a
 * provisioner (pkg/controller/volume/persistentvolume/pv_controller.go, syncUnboundClaim); a
 * claim of a WaitForFirstConsumer class waits for the scheduler (volumebinding.go).
 */
import { stringOf, type Resource } from '../../core/index.js';
import { isMap, namespaceOf } from '../../rules/index.js';
import { toAmounts } from '../amounts.js';

export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

export interface Claim {
  namespace: string;
  name: string;
  storageClass: string;
  /** storageClassName unset and no default class among the inputs: the cluster's default class, unknown here. */
  clusterDefault: boolean;
  volumeName?: string;
  accessModes: string[];
  /** resources.requests.storage in bytes. */
  request: number;
  volumeMode: string;
  selector?: unknown;
}

export interface Volume {
  name: string;
  labels: Record<string, string>;
  storageClass: string;
  accessModes: string[];
  capacity: number;
  volumeMode: string;
  /** spec.nodeAffinity.required.nodeSelectorTerms, undefined when the volume has none. */
  nodeTerms?: unknown[];
  /** spec.claimRef as namespace/name. */
  claimRef?: string;
  /** spec.csi: the driver and the volume's unique handle, for attach limits. */
  csi?: { driver: string; handle: string };
}

export interface StorageClass {
  waitForFirstConsumer: boolean;
  provisioner: string;
  allowedTopologies: unknown[];
}

export const claimKey = (namespace: string, name: string) => `${namespace}/${name}`;

const strings = (v: unknown) => (Array.isArray(v) ? v.map(stringOf) : []);
const map = (v: unknown): Record<string, unknown> => (isMap(v) ? v : {});

/** A PVC's spec (from a PersistentVolumeClaim or a StatefulSet's volumeClaimTemplate) as the binder reads it. */
export function claimOf(namespace: string, name: string, spec: Record<string, unknown>, defaultClass: string): Claim {
  const storage = toAmounts(map(map(spec.resources).requests)).get('storage') ?? 0;
  // A claim without storageClassName gets the default class at admission (DefaultStorageClass plugin).
  const storageClass = typeof spec.storageClassName === 'string' ? spec.storageClassName : defaultClass;
  const volumeName = typeof spec.volumeName === 'string' && spec.volumeName !== '' ? spec.volumeName : undefined;
  const clusterDefault = typeof spec.storageClassName !== 'string' && defaultClass === '';
  return { namespace, name, storageClass, clusterDefault, volumeName, accessModes: strings(spec.accessModes), request: storage, volumeMode: stringOf(spec.volumeMode ?? 'Filesystem'), selector: spec.selector };
}

function volumeOf(r: Resource): Volume {
  const spec = map(r.object.spec);
  const meta = map(r.object.metadata);
  const required = map(map(spec.nodeAffinity).required);
  const ref = map(spec.claimRef);
  return {
    name: r.id.name,
    labels: Object.fromEntries(Object.entries(map(meta.labels)).map(([k, v]) => [k, stringOf(v)])),
    storageClass: typeof spec.storageClassName === 'string' ? spec.storageClassName : '',
    accessModes: strings(spec.accessModes),
    capacity: toAmounts(spec.capacity).get('storage') ?? 0,
    volumeMode: stringOf(spec.volumeMode ?? 'Filesystem'),
    nodeTerms: Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : undefined,
    claimRef: typeof ref.name === 'string' ? claimKey(typeof ref.namespace === 'string' ? ref.namespace : 'default', ref.name) : undefined,
    csi: isMap(spec.csi) && typeof spec.csi.driver === 'string' ? { driver: spec.csi.driver, handle: `${spec.csi.driver}/${stringOf(spec.csi.volumeHandle ?? r.id.name)}` } : undefined,
  };
}

function classOf(r: Resource): StorageClass {
  const o = r.object;
  return { waitForFirstConsumer: o.volumeBindingMode === 'WaitForFirstConsumer', provisioner: stringOf(o.provisioner ?? ''), allowedTopologies: Array.isArray(o.allowedTopologies) ? o.allowedTopologies : [] };
}

export interface Inputs {
  claims: Map<string, Claim>;
  volumes: Map<string, Volume>;
  classes: Map<string, StorageClass>;
  defaultClass: string;
}

/** The volume objects among the inputs. */
export function volumeInputs(resources: readonly Resource[]): Inputs {
  const pvcs: Resource[] = [];
  const volumes = new Map<string, Volume>();
  const classes = new Map<string, StorageClass>();
  let defaultClass = '';
  for (const r of resources) {
    const key = `${r.id.apiVersion}/${r.id.kind}`;
    if (key === 'v1/PersistentVolumeClaim') pvcs.push(r);
    else if (key === 'v1/PersistentVolume') volumes.set(r.id.name, volumeOf(r));
    else if (key === 'storage.k8s.io/v1/StorageClass') {
      classes.set(r.id.name, classOf(r));
      if (stringOf(map(map(r.object.metadata).annotations)[DEFAULT_CLASS] ?? '') === 'true') defaultClass ||= r.id.name;
    }
  }
  const claims = new Map(pvcs.map((r) => [claimKey(namespaceOf(r), r.id.name), claimOf(namespaceOf(r), r.id.name, map(r.object.spec), defaultClass)]));
  return { claims, volumes, classes, defaultClass };
}
