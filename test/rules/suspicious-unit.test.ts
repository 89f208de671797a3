import * as rule from '../../src/rules/suspicious-unit.js';
import { ruleTester } from './tester.js';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    resources: ${resources}\n`;

ruleTester(rule, {
  valid: [{ name: 'ordinary amounts', yaml: pod('{requests: {cpu: 500m, memory: 256Mi}, limits: {memory: 1Gi}}') }],
  invalid: [
    { name: 'memory in milli', yaml: pod('{requests: {memory: 500m}}'), findings: ['8:36 memory "500m" is 0.5 bytes: "m" means thousandths; did you mean "500Mi"?'] },
    { name: 'memory without unit', yaml: pod('{requests: {memory: 512}}'), findings: ['8:36 memory "512" is less than 1Mi; did you forget a unit such as Mi?'] },
    { name: 'cpu in cores where millicores were meant', yaml: pod('{requests: {cpu: "1000"}}'), findings: ['8:33 cpu "1000" is 1000 cores; did you mean "1000m"?'] },
    { name: 'G and Gi mixed', yaml: pod('{requests: {memory: 1Gi}, limits: {memory: 2G}}'), findings: ['8:59 memory "2G" uses decimal units while "1Gi" in this workload uses binary units'] },
  ],
});
