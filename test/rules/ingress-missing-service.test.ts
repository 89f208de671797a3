import * as rule from '../../src/rules/ingress-missing-service.js';
import { ruleTester } from './tester.js';

const ingress = (service: string, namespace = 'default') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, namespace: ${namespace}}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service: ${service}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{name: http, port: 80}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'the Service is there', yaml: ingress('{name: web, port: {name: http}}') },
    { name: 'a missing port is ingress-missing-port\'s', yaml: ingress('{name: web, port: {number: 443}}') },
  ],
  invalid: [
    { name: 'a missing Service', yaml: ingress('{name: wbe, port: {number: 80}}'), findings: ['11:27 Service "wbe" not found in namespace "default"'] },
    { name: 'a Service in another namespace', yaml: ingress('{name: web, port: {number: 80}}', 'shop'), findings: ['11:27 Service "web" not found in namespace "shop"'] },
    { name: 'an error with --strict-refs', yaml: ingress('{name: wbe, port: {number: 80}}'), options: { strictRefs: true }, findings: ['11:27 [error] Service "wbe" not found in namespace "default"'] },
  ],
});
