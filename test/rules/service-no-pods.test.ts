import * as rule from '../../src/rules/service-no-pods.js';
import { ruleTester } from './tester.js';

const svc = (selector: string, ns = '') => `apiVersion: v1\nkind: Service\nmetadata: {name: web${ns ? `, namespace: ${ns}` : ''}}\nspec:\n  selector: ${selector}\n  ports: [{port: 80}]\n`;
const pod = (labels: string, ns = '') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web${ns ? `, namespace: ${ns}` : ''}}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: c, image: nginx:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a Deployment with the labels', yaml: `${svc('{app: web}')}---\n${pod('{app: web, tier: x}')}` },
    { name: 'a Service without selector', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  ports: [{port: 80}]\n' },
    { name: 'an ExternalName Service', yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: ext}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  selector: {app: x}\n' },
    { name: 'a CronJob template in the same namespace', yaml: `${svc('{app: job}', 'a')}---\napiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c, namespace: a}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata: {labels: {app: job}}\n        spec:\n          restartPolicy: Never\n          containers: [{name: c, image: busybox:1}]\n` },
  ],
  invalid: [
    { name: 'a typo in the selector', yaml: `${svc('{app: wbe}')}---\n${pod('{app: web}')}`, findings: ['5:13 Service "web" selects no pods: no pod template in namespace "default" has the labels app=wbe'] },
    { name: 'pods in another namespace', yaml: `${svc('{app: web}', 'a')}---\n${pod('{app: web}', 'b')}`, findings: ['5:13 Service "web" selects no pods: no pod template in namespace "a" has the labels app=web'] },
  ],
});
