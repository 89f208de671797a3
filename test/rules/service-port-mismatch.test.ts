import * as rule from '../../src/rules/service-port-mismatch.js';
import { ruleTester } from './tester.js';

const app = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1
        ports:
        - {name: http, containerPort: 8080}
        - {name: dns, containerPort: 53, protocol: UDP}
---
`;
const svc = (ports: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports:\n${ports}`;

ruleTester(rule, {
  valid: [
    { name: 'a named target port', yaml: app + svc('  - {port: 80, targetPort: http}\n') },
    { name: 'a numbered target port', yaml: app + svc('  - {port: 80, targetPort: 8080}\n') },
    { name: 'no targetPort: the same number as port', yaml: app + svc('  - {port: 8080}\n') },
    { name: 'UDP with its protocol', yaml: app + svc('  - {port: 53, protocol: UDP}\n') },
  ],
  invalid: [
    // Numeric ports need no declaration: a note, never a claim that connections are refused (issue 17).
    { name: 'an unknown port name', yaml: app + svc('  - {port: 80, targetPort: web}\n'), findings: ['22:28 Service "web" targets a port named "web", which no container it selects exposes: its endpoints get no port'] },
    { name: 'an unexposed number, and port without targetPort', yaml: app + svc('  - {port: 80, targetPort: 9090}\n  - {port: 443}\n'), findings: ['22:28 [info] Service "web" targets port 9090/TCP, which no container it selects declares (it works if the container listens on it undeclared)', '23:5 [info] Service "web" targets port 443/TCP, which no container it selects declares (it works if the container listens on it undeclared)'] },
    { name: 'the wrong protocol', yaml: app + svc('  - {port: 53}\n'), findings: ['22:5 [info] Service "web" targets port 53/TCP, which no container it selects declares (it works if the container listens on it undeclared)'] },
  ],
});
