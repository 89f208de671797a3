import * as rule from '../../src/rules/privileged.js';
import { ruleTester } from './tester.js';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    securityContext: ${sc}\n`;

ruleTester(rule, {
  valid: [{ name: 'no escalation', yaml: pod('{allowPrivilegeEscalation: false, privileged: false}') }],
  invalid: [
    { name: 'privileged', yaml: pod('{privileged: true}'), findings: ['8:35 container "c" is privileged'] },
    { name: 'escalation allowed', yaml: pod('{allowPrivilegeEscalation: true}'), findings: ['8:49 container "c" allows privilege escalation'] },
  ],
});
