import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { hostPathVolumes, sensitivity } from './host-paths.js';
import { containerLabel } from './security-context.js';

export const meta: RuleDocs = {
  id: 'writable-host-mount',
  severity: 'warning',
  // Writing to the node outlives the pod and reaches every other pod that reads the same path.
  securitySeverity: 6.0,
  defaultOff: true,
  description: 'A container that mounts a hostPath volume writable (no readOnly: true)',
  docs: [
    'Whatever a container writes through a `hostPath` volume stays on the node after the pod is gone, and reaches every pod that mounts the same path. Mount host paths `readOnly: true` unless writing is the point (a log shipper\'s position file, a CSI driver). Each `volumeMounts` entry of a hostPath volume without `readOnly: true` is reported, at its `readOnly` (or its `mountPath` when it has none); sensitive paths are `host-path-mount`\'s findings already and are left out here.',
    '',
    'Peer: kube-linter\'s `writable-host-mount`, off by default, so this rule is **off** too: node agents legitimately write to the node, and the dangerous paths are reported anyway. Turn it on for application namespaces.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'volumeMounts:\n- {name: data, mountPath: /data}   # data is a hostPath volume', good: 'volumeMounts:\n- {name: data, mountPath: /data, readOnly: true}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    const volumes = new Map(hostPathVolumes(t).filter((v) => !sensitivity(v.normalised)).map((v) => [v.name, v]));
    if (volumes.size === 0) continue;
    for (const { container, pointer } of containersOf(t)) {
      const mounts = Array.isArray(container.volumeMounts) ? container.volumeMounts : [];
      mounts.forEach((m, i) => {
        const volume = isMap(m) ? volumes.get(stringOf(m.name)) : undefined;
        if (!volume || !isMap(m) || m.readOnly === true) return;
        // At readOnly when it is written (false); else at the mountPath, the line of the entry that says where.
        const at = m.readOnly !== undefined || m.mountPath === undefined ? 'readOnly' : 'mountPath';
        ctx.report({ resource: t.resource, pointer: `${pointer}/volumeMounts/${i}/${at}`, message: `${containerLabel(container, pointer)} mounts hostPath ${volume.path} writable at ${stringOf(m.mountPath)}; set readOnly: true` });
      });
    }
  }
}
