import * as rule from '../../src/rules/missing-serviceaccount.js';
import { ruleTester } from './tester.js';

const pod = (sa: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n  serviceAccountName: ${sa}\n  containers: [{name: c, image: busybox:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'the default ServiceAccount', yaml: pod('default') },
    { name: 'a present ServiceAccount', yaml: pod('builder') + '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: ns}\n' },
  ],
  invalid: [
    { name: 'a missing one', yaml: pod('builder'), findings: ['5:23 ServiceAccount "builder" not found in namespace "ns"'] },
    { name: 'one in another namespace', yaml: pod('builder') + '---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: builder, namespace: other}\n', findings: ['5:23 ServiceAccount "builder" not found in namespace "ns"'] },
  ],
});
