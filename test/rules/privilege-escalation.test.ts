import * as rule from '../../src/rules/privilege-escalation.js';
import { ruleTester } from './tester.js';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'false', yaml: pod('    securityContext: {allowPrivilegeEscalation: false}\n') },
    { name: 'true is the privileged rule\'s finding', yaml: pod('    securityContext: {allowPrivilegeEscalation: true}\n') },
    { name: 'privileged cannot set false', yaml: pod('    securityContext: {privileged: true}\n') },
    { name: 'SYS_ADMIN cannot set false', yaml: pod('    securityContext: {capabilities: {add: [CAP_SYS_ADMIN]}}\n') },
  ],
  invalid: [
    { name: 'no securityContext', yaml: pod(''), findings: ['6:11 container "c" may gain privileges (allowPrivilegeEscalation is not false); set securityContext.allowPrivilegeEscalation: false'] },
    { name: 'securityContext without the field', yaml: pod('    securityContext: {runAsNonRoot: true}\n'), findings: ['8:5 container "c" may gain privileges (allowPrivilegeEscalation is not false); set securityContext.allowPrivilegeEscalation: false'] },
  ],
});
