import * as rule from '../../src/rules/cpu-limit.js';
import { ruleTester } from './tester.js';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    resources: ${resources}\n`;

ruleTester(rule, {
  valid: [{ name: 'memory limit only', yaml: pod('{limits: {memory: 1Gi}}') }],
  invalid: [{ name: 'a cpu limit', yaml: pod('{limits: {cpu: 500m}}'), findings: ['8:31 container "c" has a CPU limit (500m): it is throttled even when CPU is idle'] }],
});
