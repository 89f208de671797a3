import * as rule from '../../src/rules/missing-priorityclass.js';
import { ruleTester } from './tester.js';

const pod = (pc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  priorityClassName: ${pc}\n  containers: [{name: c, image: busybox:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a built-in class', yaml: pod('system-node-critical') },
    { name: 'a declared class', yaml: pod('high') + '---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n' },
  ],
  invalid: [{ name: 'a misspelt class', yaml: pod('hihg'), findings: ['5:22 PriorityClass "hihg" not found'] }],
});
