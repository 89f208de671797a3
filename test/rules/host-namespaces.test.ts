import * as rule from '../../src/rules/host-namespaces.js';
import { ruleTester } from './tester.js';

const deployment = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n${spec}      containers: [{name: c, image: busybox:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'none', yaml: deployment('') },
    { name: 'explicitly false', yaml: deployment('      hostNetwork: false\n      hostPID: false\n      hostIPC: false\n') },
  ],
  invalid: [
    { name: 'all three, each where it is written', yaml: deployment('      hostNetwork: true\n      hostPID: true\n      hostIPC: true\n'), findings: ["9:20 pod shares the node's network namespace (hostNetwork: true)", "10:16 pod shares the node's process namespace (hostPID: true)", "11:16 pod shares the node's IPC namespace (hostIPC: true)"] },
    { name: 'a bare Pod', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n  containers: [{name: c, image: busybox:1}]\n', findings: ["5:12 pod shares the node's process namespace (hostPID: true)"] },
  ],
});
