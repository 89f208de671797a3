/**
 * Restricted allows only the volume types that need no host access or PersistentVolume
 * definitions. Follows policy/check_restrictedVolumes.go (`image` allowed since Kubernetes 1.33, at every policy version).
 */
import { isMap } from '../../rules/index.js';
import type { PodView, PssCheckMeta, Violation } from './types.js';
import { stringAt } from './pod.js';
import { joinQuote, pluralize, sortedSet } from './text.js';

export const meta: PssCheckMeta = { id: 'restrictedVolumes', level: 'restricted', description: 'Volume types other than configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret', versions: [0], overrides: [{ id: 'hostPathVolumes', from: 0 }], upstream: 'policy/check_restrictedVolumes.go' };

const ALLOWED = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/** The restricted types as upstream names them, in the order it tests them (the first one set names the volume's type). */
const RESTRICTED = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];

/** A volume source counts as set when it is a map (a Go pointer that is not nil). */
function has(volume: Record<string, unknown>, key: string): boolean {
  return isMap(volume[key]);
}

export function check(pod: PodView): Violation | undefined {
  const names: string[] = [];
  const types: string[] = [];
  const pointers: string[] = [];
  const volumes = Array.isArray(pod.spec.volumes) ? pod.spec.volumes : [];
  volumes.forEach((v, i) => {
    if (!isMap(v) || ALLOWED.some((k) => has(v, k))) return;
    names.push(stringAt(v, 'name'));
    const type = RESTRICTED.find((k) => has(v, k));
    types.push(type ?? 'unknown');
    pointers.push(type ? `${pod.specPointer}/volumes/${i}/${type}` : `${pod.specPointer}/volumes/${i}`);
  });
  if (names.length === 0) return undefined;
  const typeList = sortedSet(types);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', typeList.length)} ${joinQuote(typeList)}`,
    pointers,
  };
}
