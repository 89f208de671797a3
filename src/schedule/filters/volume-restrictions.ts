/**
 * VolumeRestrictions, for claims (pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go):
 * a ReadWriteOncePod claim already used by a pod anywhere in the cluster refuses the pod on every
 * node, with the code Unschedulable (evicting that pod would free the claim). The inline-disk
 * conflicts (GCE PD, EBS, iSCSI, RBD) are not modelled.
 */
import type { FilterPlugin } from '../framework.js';
import { claimKey } from '../volumes/catalog.js';
import { claimNotFound } from './volume-binding.js';

export const READ_WRITE_ONCE_POD_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';
const REASON = [READ_WRITE_ONCE_POD_CONFLICT];

export const volumeRestrictions: FilterPlugin = {
  name: 'VolumeRestrictions',
  // readWriteOncePodPVCsForPod: a claim that does not exist is UnschedulableAndUnresolvable here already.
  preFilterStatus(pod, cycle) {
    for (const c of pod.volumeClaims) if (!cycle.volumes.claim(pod.namespace, c)) return claimNotFound(c.name);
    return undefined;
  },
  preFilter(pod, cycle) {
    if (pod.volumeClaims.length === 0) return undefined;
    const rwop = new Set<string>();
    for (const c of pod.volumeClaims) {
      const claim = cycle.volumes.claim(pod.namespace, c);
      if (claim?.accessModes.includes('ReadWriteOncePod')) rwop.add(claimKey(pod.namespace, c.name));
    }
    if (rwop.size === 0) return undefined;
    // calPreFilterState: IsPVCUsedByPods over every node's pods, as the state is now (preemption's dry runs included).
    const used = cycle.nodes.some((n) => n.pods.some((p) => p !== pod && p.volumeClaims.some((c) => rwop.has(claimKey(p.namespace, c.name)))));
    return used ? () => REASON : undefined;
  },
};
