import type { RuleContext, RuleDocs } from './types.js';
import { podTemplates } from './resource-index.js';
import { hostPathVolumes, sensitivity } from './host-paths.js';

export const meta: RuleDocs = {
  id: 'host-path-mount',
  severity: 'warning',
  // A runtime socket or /etc, /proc of the node mounted in a pod is, in practice, root on the node.
  securitySeverity: 8.0,
  description: "A hostPath volume of a sensitive node path (/, /etc, /proc, /sys, /var/lib/kubelet, a container runtime's socket...)",
  docs: [
    'A `hostPath` volume hands the pod a piece of the node\'s filesystem. Some pieces give the node away: a container runtime\'s socket (`docker.sock`, `containerd.sock`, `crio.sock`...) starts privileged containers; `/etc`, `/root`, `/boot`, `/usr`, `/lib` hold its configuration, keys and binaries; `/proc`, `/sys` and `/dev` its kernel and devices; `/var/lib/kubelet` the credentials of every pod on it; `/`, `/var`, `/var/lib`, `/run` and `/var/run` hold all of these and the runtimes\' sockets (as do `/run/containerd` and `/run/crio`, under `/var/run` too). Those directories are reported themselves, the others with everything below them, so `/var/log`, which log collectors read, is not; each at the volume\'s `hostPath.path`, whether the mount is read-only or not: reading `/etc/kubernetes` or a socket is enough. Paths are compared after removing repeated and trailing slashes.',
    '',
    'Peers: kube-linter\'s `sensitive-host-mounts` (/, /boot, /dev, /etc, /lib, /proc, /sys, /usr) and `docker-sock`, both on by default, so this rule is on, as a **warning**. The Pod Security `baseline` level refuses every hostPath volume; `writable-host-mount` (off by default) reports the other hostPath volumes mounted writable.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'volumes:\n- name: docker\n  hostPath: {path: /var/run/docker.sock}', good: 'volumes:\n- name: cache\n  emptyDir: {}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const v of hostPathVolumes(t)) {
      const why = sensitivity(v.normalised);
      if (why) ctx.report({ resource: t.resource, pointer: v.pointer, message: `hostPath volume "${v.name}" mounts ${v.path}, ${why}` });
    }
  }
}
