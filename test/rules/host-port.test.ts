import * as rule from '../../src/rules/host-port.js';
import { ruleTester } from './tester.js';

const pod = (ports: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    ports: ${ports}\n`;

ruleTester(rule, {
  valid: [{ name: 'container ports only', yaml: pod('[{containerPort: 80}]') }],
  invalid: [{ name: 'a host port', yaml: pod('[{containerPort: 80, hostPort: 8080}]'), findings: ['8:43 container "c" binds host port 8080'] }],
});
