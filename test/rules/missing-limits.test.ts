import * as rule from '../../src/rules/missing-limits.js';
import { ruleTester } from './tester.js';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${resources}`;

ruleTester(rule, {
  valid: [{ name: 'a memory limit', yaml: pod('    resources: {limits: {memory: 64Mi}}\n') }],
  invalid: [{ name: 'no memory limit', yaml: pod('    resources: {requests: {memory: 64Mi}, limits: {cpu: "1"}}\n'), findings: ['6:11 container "c" has no memory limit'] }],
});
