import * as rule from '../../src/rules/requests-exceed-limits.js';
import { ruleTester } from './tester.js';

const pod = (resources: string, init = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${init}  containers:\n  - name: c\n    image: busybox:1\n    resources: ${resources}\n`;

ruleTester(rule, {
  valid: [
    { name: 'requests below limits', yaml: pod('{requests: {cpu: 250m, memory: 256Mi}, limits: {cpu: "1", memory: 1Gi}}') },
    { name: 'equal in different spellings', yaml: pod('{requests: {cpu: "0.5", memory: 1024Mi}, limits: {cpu: 500m, memory: 1Gi}}') },
    { name: 'equal once rounded up to thousandths, as defaulting does', yaml: pod('{requests: {cpu: "0.5001"}, limits: {cpu: 501m}}') },
    { name: 'a request without a limit', yaml: pod('{requests: {cpu: "8"}}') },
    { name: 'an extended resource by its limit alone', yaml: pod('{limits: {nvidia.com/gpu: 2}}') },
    { name: 'an unparsable amount is invalid-quantity\'s', yaml: pod('{requests: {cpu: lots}, limits: {cpu: 1}}') },
  ],
  invalid: [
    {
      name: 'requests above limits',
      yaml: pod('{requests: {cpu: 500m, memory: 2Gi}, limits: {cpu: 250m, memory: 1Gi}}'),
      findings: ['8:33 spec.containers[0].resources.requests: Invalid value: "500m": must be less than or equal to cpu limit of 250m', '8:47 spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi'],
    },
    { name: 'by one nano-core, which floating point cannot see', yaml: pod('{requests: {memory: "1000000000000000001"}, limits: {memory: 1E}}'), findings: ['8:36 spec.containers[0].resources.requests: Invalid value: "1000000000000000001": must be less than or equal to memory limit of 1E'] },
    { name: 'rounded up past the limit', yaml: pod('{requests: {cpu: "0.5001"}, limits: {cpu: 500m}}'), findings: ['8:33 spec.containers[0].resources.requests: Invalid value: "501m": must be less than or equal to cpu limit of 500m'] },
    { name: 'a GPU request below its limit', yaml: pod('{requests: {nvidia.com/gpu: 1}, limits: {nvidia.com/gpu: 2}}'), findings: ['8:44 spec.containers[0].resources.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2'] },
    { name: 'a GPU request without a limit', yaml: pod('{requests: {nvidia.com/gpu: 1}}'), findings: ['8:44 spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources'] },
    {
      name: 'an init container',
      yaml: pod('{}', '  initContainers:\n  - name: setup\n    image: busybox:1\n    resources: {requests: {memory: 1Gi}, limits: {memory: 512Mi}}\n'),
      findings: ['8:36 spec.initContainers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi'],
    },
  ],
});
