import * as rule from '../../src/rules/probe-port-mismatch.js';
import { ruleTester } from './tester.js';

const pod = (port: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe:\n      httpGet: {path: /, port: ${port}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a declared name', yaml: pod('http') },
    { name: 'a number', yaml: pod('9090') },
  ],
  invalid: [{ name: 'an undeclared name', yaml: pod('web'), findings: ['10:32 readinessProbe of container "c" uses port "web", which the container does not declare'] }],
});
