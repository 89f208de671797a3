/**
 * VolumeZone (pkg/scheduler/framework/plugins/volumezone/volume_zone.go): a bound volume
 * labelled with a zone or region can be used only on a node of one of those; a node with
 * no zone or region label at all takes any. Claims still waiting for their first consumer are
 * VolumeBinding's to place.
 */
import type { FilterPlugin } from '../framework.js';
import { BETA_REGION, BETA_ZONE, GA_REGION, GA_ZONE } from '../node-tree.js';

export const VOLUME_ZONE_CONFLICT = 'node(s) had no available volume zone';
const REASON = [VOLUME_ZONE_CONFLICT];

const TOPOLOGY_LABELS = [BETA_ZONE, BETA_REGION, GA_ZONE, GA_REGION];
/** translateToGALabel: a volume's beta label is matched against the node's GA label when the node lacks the beta one. */
const TO_GA: Record<string, string> = { [BETA_ZONE]: GA_ZONE, [BETA_REGION]: GA_REGION };

interface PvTopology {
  key: string;
  values: Set<string>;
}

export const volumeZone: FilterPlugin = {
  name: 'VolumeZone',
  preFilter(pod, cycle) {
    if (pod.volumeClaims.length === 0) return undefined;
    const topologies: PvTopology[] = [];
    for (const c of pod.volumeClaims) {
      const claim = cycle.volumes.claim(pod.namespace, c);
      const binding = claim && cycle.volumes.binding(claim);
      if (!binding || !('volume' in binding)) continue;
      for (const key of TOPOLOGY_LABELS) {
        const value = binding.volume.labels[key];
        // LabelZonesToSet: a multi-zone volume lists its zones joined by "__".
        if (value !== undefined) topologies.push({ key, values: new Set(value.split('__')) });
      }
    }
    if (topologies.length === 0) return undefined;
    return (node) => {
      const labels = node.node.labels;
      if (!TOPOLOGY_LABELS.some((k) => labels[k] !== undefined)) return undefined;
      for (const t of topologies) {
        const v = labels[t.key] ?? (TO_GA[t.key] ? labels[TO_GA[t.key]!] : undefined);
        if (v === undefined || !t.values.has(v)) return REASON;
      }
      return undefined;
    };
  },
};
