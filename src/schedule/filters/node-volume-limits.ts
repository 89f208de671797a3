/**
 * NodeVolumeLimits for CSI (pkg/scheduler/framework/plugins/nodevolumelimits/csi.go): a node
 * whose CSINode (in the inventory) gives a driver an attach limit takes no more of that driver's
 * volumes than the limit, counting each volume once however many of its pods use it. An unbound
 * claim counts for its class's provisioner, under a handle made of its namespace and name.
 */
import type { FilterPlugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import type { SchedPod } from '../types.js';
import type { Binder } from '../volumes/binder.js';

export const MAX_VOLUME_COUNT = 'node(s) exceed max volume count';
const REASON = [MAX_VOLUME_COUNT];

/** filterAttachableVolumes: the pod's CSI volumes, unique handle -> driver. */
function attachable(pod: SchedPod, binder: Binder): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of pod.volumeClaims) {
    const claim = binder.claim(pod.namespace, c);
    if (!claim) continue;
    const b = binder.binding(claim);
    if (b && 'volume' in b) {
      if (b.volume.csi) out.set(b.volume.csi.handle, b.volume.csi.driver);
      continue;
    }
    if (b && 'missing' in b) continue;
    const provisioner = binder.classOf(claim)?.provisioner;
    if (provisioner) out.set(`${provisioner}/${claim.namespace}-${claim.name}`, provisioner);
  }
  return out;
}

export const nodeVolumeLimits: FilterPlugin = {
  name: 'NodeVolumeLimits',
  preFilter(pod, cycle) {
    if (pod.volumeClaims.length === 0) return undefined;
    const wanted = attachable(pod, cycle.volumes);
    if (wanted.size === 0) return undefined;
    return (node) => (fits(node, wanted, cycle.volumes) ? undefined : REASON);
  },
};

function fits(node: NodeInfo, wanted: ReadonlyMap<string, string>, binder: Binder): boolean {
  const limits = node.node.csiLimits;
  if (!limits) return true;
  const attached = new Map<string, string>();
  for (const p of node.pods) if (p.volumeClaims.length) for (const [h, d] of attachable(p, binder)) attached.set(h, d);
  const attachedCount = new Map<string, number>();
  for (const d of attached.values()) attachedCount.set(d, (attachedCount.get(d) ?? 0) + 1);
  const newCount = new Map<string, number>();
  for (const [h, d] of wanted) if (!attached.has(h)) newCount.set(d, (newCount.get(d) ?? 0) + 1);
  for (const [driver, count] of newCount) {
    const max = limits.get(driver);
    if (max !== undefined && (attachedCount.get(driver) ?? 0) + count > max) return false;
  }
  return true;
}
