import * as rule from '../../src/rules/missing-requests.js';
import { ruleTester } from './tester.js';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${resources}`;

ruleTester(rule, {
  valid: [
    { name: 'both requests', yaml: pod('    resources: {requests: {cpu: 100m, memory: 64Mi}}\n') },
    { name: 'limits only (requests default to them)', yaml: pod('    resources: {limits: {cpu: 100m, memory: 64Mi}}\n') },
  ],
  invalid: [
    { name: 'none', yaml: pod(''), findings: ['6:11 container "c" requests no cpu and no memory'] },
    { name: 'cpu only', yaml: pod('    resources: {requests: {cpu: 100m}}\n'), findings: ['6:11 container "c" requests no memory'] },
  ],
});
