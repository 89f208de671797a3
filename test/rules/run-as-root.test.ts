import * as rule from '../../src/rules/run-as-root.js';
import { ruleTester } from './tester.js';

const pod = (pod: string, container: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: ${pod}\n  containers:\n  - name: c\n    image: busybox:1\n    securityContext: ${container}\n`;

ruleTester(rule, {
  valid: [
    { name: 'non-root', yaml: pod('{runAsNonRoot: true}', '{runAsUser: 1000}') },
    { name: 'nothing said', yaml: pod('{}', '{}') },
  ],
  invalid: [
    { name: 'runAsUser 0 in the container', yaml: pod('{}', '{runAsUser: 0}'), findings: ['9:34 container "c" runs as root (runAsUser 0)'] },
    { name: 'runAsNonRoot false on the pod', yaml: pod('{runAsNonRoot: false}', '{}'), findings: ['5:35 container "c" may run as root (runAsNonRoot false)'] },
  ],
});
