import * as rule from '../../src/rules/suspicious-unit.js';
import { ruleTester } from './tester.js';

const pod = (resources: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    resources: ${resources}\n`;

ruleTester(rule, {
  valid: [
    { name: 'ordinary amounts', yaml: pod('{requests: {cpu: 500m, memory: 256Mi}, limits: {memory: 1Gi}}') },
    { name: 'whole bytes written in milli', yaml: pod('{requests: {memory: 268435456000m}}') },
    { name: 'exactly 64 cores', yaml: pod('{requests: {cpu: "64"}}') },
    { name: 'an unparsable amount is invalid-quantity\'s', yaml: pod('{requests: {memory: 12 Mi}}') },
  ],
  invalid: [
    { name: 'memory in milli', yaml: pod('{requests: {memory: 500m}}'), findings: ['8:36 spec.containers[0].resources.requests[memory]: fractional byte value "500m" is invalid, must be an integer; did you mean "500Mi"?'] },
    { name: 'memory without unit', yaml: pod('{requests: {memory: 512}}'), findings: ['8:36 spec.containers[0].resources.requests[memory]: memory "512" is less than 1Mi; did you forget a unit such as Mi?'] },
    { name: 'cpu in cores where millicores were meant', yaml: pod('{requests: {cpu: "1000"}}'), findings: ['8:33 spec.containers[0].resources.requests[cpu]: cpu "1000" is 1000 cores; did you mean "1000m"?'] },
    { name: 'fractional ephemeral storage', yaml: pod('{limits: {ephemeral-storage: 1.5}}'), findings: ['8:45 spec.containers[0].resources.limits[ephemeral-storage]: fractional byte value "1500m" is invalid, must be an integer'] },
    { name: 'cpu just above 64 cores', yaml: pod('{limits: {cpu: 64.5}}'), findings: ['8:31 spec.containers[0].resources.limits[cpu]: cpu "64.5" is 64.5 cores; did you mean "64.5m"?'] },
    { name: 'G and Gi mixed', yaml: pod('{requests: {memory: 1Gi}, limits: {memory: 2G}}'), findings: ['8:59 spec.containers[0].resources.limits[memory]: memory "2G" uses decimal units while "1Gi" in this workload uses binary units'] },
  ],
});
