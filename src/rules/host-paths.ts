/** The hostPath volumes of a pod template, and the containers that mount them: what the host-path rules share. */
import { stringOf } from '../core/index.js';
import type { PodTemplate } from './workloads.js';
import { isMap } from './workloads.js';

export interface HostPathVolume {
  name: string;
  /** The path as written, and normalised (no repeated or trailing slashes). */
  path: string;
  normalised: string;
  pointer: string;
}

export function hostPathVolumes(t: PodTemplate): HostPathVolume[] {
  const volumes = Array.isArray(t.spec.volumes) ? t.spec.volumes : [];
  const out: HostPathVolume[] = [];
  volumes.forEach((v, i) => {
    if (!isMap(v) || !isMap(v.hostPath) || typeof v.hostPath.path !== 'string') return;
    out.push({ name: stringOf(v.name), path: v.hostPath.path, normalised: normalisePath(v.hostPath.path), pointer: `${t.specPointer}/volumes/${i}/hostPath/path` });
  });
  return out;
}

/** `//etc/` is `/etc`; `.` segments go; `..` is kept (it cannot be resolved without the node). */
export function normalisePath(p: string): string {
  const parts = p.split('/').filter((s) => s !== '' && s !== '.');
  return '/' + parts.join('/');
}

/** Node directories whose contents, or whose subtrees, give away the node: its config, kernel interfaces, binaries, kubelet credentials. */
const SENSITIVE_TREES: Record<string, string> = {
  '/boot': 'kernel and boot loader',
  '/dev': 'devices',
  '/etc': 'configuration and keys',
  '/lib': 'libraries and kernel modules',
  '/proc': 'kernel and process interfaces',
  '/sys': 'kernel interfaces',
  '/usr': 'programs',
  '/root': "root user's home",
  '/var/lib/kubelet': "kubelet state, with every pod's credentials",
  '/var/lib/docker': 'container runtime state',
  '/var/lib/containerd': 'container runtime state',
};
/** Directories sensitive as a whole (they hold the above, or the runtime sockets), but with harmless children (/var/log). */
const SENSITIVE_DIRS = ['/', '/var', '/var/lib', '/run', '/var/run', '/run/containerd', '/var/run/containerd', '/run/crio', '/var/run/crio'];
/** The container runtimes' control sockets: whoever talks to one starts privileged containers on the node. */
const RUNTIME_SOCKETS = ['docker.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock', 'podman.sock'];

/** Why the path is sensitive, or undefined when it is not. */
export function sensitivity(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (RUNTIME_SOCKETS.includes(base)) return "a container runtime's socket: it starts privileged containers on the node";
  if (SENSITIVE_DIRS.includes(path)) return path === '/' ? "the node's whole filesystem" : "a node directory that holds the runtime's sockets or the kubelet's state"
  const tree = Object.keys(SENSITIVE_TREES).find((d) => path === d || path.startsWith(d + '/'));
  return tree ? `the node's ${SENSITIVE_TREES[tree]} (${tree})` : undefined;
}
