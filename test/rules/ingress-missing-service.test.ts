import * as rule from '../../src/rules/ingress-missing-service.js';
import { ruleTester } from './tester.js';

const ingress = (service: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service: ${service}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{name: http, port: 80}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a named port', yaml: ingress('{name: web, port: {name: http}}') },
    { name: 'a numbered port', yaml: ingress('{name: web, port: {number: 80}}') },
  ],
  invalid: [
    { name: 'a missing Service', yaml: ingress('{name: wbe, port: {number: 80}}'), findings: ['11:27 Service "wbe" not found in namespace "default"'] },
    { name: 'a missing port name', yaml: ingress('{name: web, port: {name: https}}'), findings: ['11:45 Service "web" has no port named "https"'] },
    { name: 'a missing port number', yaml: ingress('{name: web, port: {number: 443}}'), findings: ['11:47 Service "web" has no port 443'] },
  ],
});
