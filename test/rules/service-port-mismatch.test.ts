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
    { name: 'an unknown port name', yaml: app + svc('  - {port: 80, targetPort: web}\n'), findings: ['22:28 Service "web" targets a port named "web", which no container it selects exposes'] },
    { name: 'an unexposed number, and port without targetPort', yaml: app + svc('  - {port: 80, targetPort: 9090}\n  - {port: 443}\n'), findings: ['22:28 Service "web" targets port 9090/TCP, which no container it selects exposes', '23:5 Service "web" targets port 443/TCP, which no container it selects exposes'] },
    { name: 'the wrong protocol', yaml: app + svc('  - {port: 53}\n'), findings: ['22:5 Service "web" targets port 53/TCP, which no container it selects exposes'] },
  ],
});
