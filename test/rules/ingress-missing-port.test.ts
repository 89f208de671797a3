import * as rule from '../../src/rules/ingress-missing-port.js';
import { ruleTester } from './tester.js';

const ingress = (service: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  defaultBackend:\n    service: ${service}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{name: http, port: 80, targetPort: 8080}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a named port', yaml: ingress('{name: web, port: {name: http}}') },
    { name: 'a numbered port', yaml: ingress('{name: web, port: {number: 80}}') },
    { name: 'a missing Service is ingress-missing-service\'s', yaml: ingress('{name: api, port: {number: 9}}') },
  ],
  invalid: [
    { name: 'a missing port name', yaml: ingress('{name: web, port: {name: https}}'), findings: ['6:39 Service "web" has no port named "https"'] },
    { name: 'a missing port number', yaml: ingress('{name: web, port: {number: 443}}'), findings: ['6:41 Service "web" has no port 443'] },
    { name: 'the targetPort instead of the port', yaml: ingress('{name: web, port: {number: 8080}}'), findings: ['6:41 Service "web" has no port 8080'] },
  ],
});
