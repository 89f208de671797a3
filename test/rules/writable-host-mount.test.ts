import * as rule from '../../src/rules/writable-host-mount.js';
import { ruleTester } from './tester.js';

const pod = (mount: string, path = '/data') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    volumeMounts:\n    - ${mount}\n  volumes:\n  - {name: host, hostPath: {path: ${path}}}\n  - {name: scratch, emptyDir: {}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'read-only', yaml: pod('{name: host, mountPath: /data, readOnly: true}') },
    { name: 'a writable emptyDir', yaml: pod('{name: scratch, mountPath: /tmp}') },
    { name: 'a sensitive path is host-path-mount\'s finding', yaml: pod('{name: host, mountPath: /h}', '/etc') },
  ],
  invalid: [
    { name: 'no readOnly', yaml: pod('{name: host, mountPath: /data}'), findings: ['9:31 container "c" mounts hostPath /data writable at /data; set readOnly: true'] },
    { name: 'readOnly false', yaml: pod('{name: host, mountPath: /data, readOnly: false}'), findings: ['9:48 container "c" mounts hostPath /data writable at /data; set readOnly: true'] },
  ],
});
