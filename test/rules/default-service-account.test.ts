import * as rule from '../../src/rules/default-service-account.js';
import { ruleTester } from './tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n${spec}  containers: [{name: c, image: busybox:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'its own account', yaml: pod('  serviceAccountName: billing\n') },
    { name: 'its own account, in the deprecated field', yaml: pod('  serviceAccount: billing\n') },
  ],
  invalid: [
    { name: 'none named: reported where it goes', yaml: pod(''), findings: ['4:1 pod runs as the default ServiceAccount of namespace "shop"; give it a ServiceAccount of its own (serviceAccountName)'] },
    { name: 'default by name', yaml: pod('  serviceAccountName: default\n'), findings: ['5:23 pod runs as the default ServiceAccount of namespace "shop"; give it a ServiceAccount of its own (serviceAccountName)'] },
    { name: 'default in the deprecated field', yaml: pod('  serviceAccount: default\n'), findings: ['5:19 pod runs as the default ServiceAccount of namespace "shop"; give it a ServiceAccount of its own (serviceAccountName)'] },
  ],
});
