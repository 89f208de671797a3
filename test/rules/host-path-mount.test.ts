import * as rule from '../../src/rules/host-path-mount.js';
import { ruleTester } from './tester.js';

const pod = (path: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: busybox:1, volumeMounts: [{name: v, mountPath: /x, readOnly: true}]}\n  volumes:\n  - name: v\n    hostPath: {path: ${path}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'log files, as collectors read them', yaml: pod('/var/log') },
    { name: 'a data directory', yaml: pod('/data/app') },
    { name: 'a name that only starts like a sensitive one', yaml: pod('/etcetera') },
    { name: 'no hostPath', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox:1}]\n  volumes: [{name: v, emptyDir: {}}]\n' },
  ],
  invalid: [
    { name: 'the docker socket, read-only or not', yaml: pod('/var/run/docker.sock'), findings: ['9:22 hostPath volume "v" mounts /var/run/docker.sock, a container runtime\'s socket: it starts privileged containers on the node'] },
    { name: 'the containerd socket', yaml: pod('/run/containerd/containerd.sock'), findings: ['9:22 hostPath volume "v" mounts /run/containerd/containerd.sock, a container runtime\'s socket: it starts privileged containers on the node'] },
    { name: 'the root', yaml: pod('/'), findings: ['9:22 hostPath volume "v" mounts /, the node\'s whole filesystem'] },
    { name: 'the root, spelt with extra slashes', yaml: pod('//'), findings: ['9:22 hostPath volume "v" mounts //, the node\'s whole filesystem'] },
    { name: 'below /etc, with a trailing slash', yaml: pod('/etc/kubernetes/'), findings: ['9:22 hostPath volume "v" mounts /etc/kubernetes/, the node\'s configuration and keys (/etc)'] },
    { name: '/proc', yaml: pod('/proc'), findings: ['9:22 hostPath volume "v" mounts /proc, the node\'s kernel and process interfaces (/proc)'] },
    { name: "the kubelet's state", yaml: pod('/var/lib/kubelet/pods'), findings: ['9:22 hostPath volume "v" mounts /var/lib/kubelet/pods, the node\'s kubelet state, with every pod\'s credentials (/var/lib/kubelet)'] },
    { name: '/var/run as a whole', yaml: pod('/var/run'), findings: ['9:22 hostPath volume "v" mounts /var/run, a node directory that holds the runtime\'s sockets or the kubelet\'s state'] },
  ],
});
