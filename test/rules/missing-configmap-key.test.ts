import * as rule from '../../src/rules/missing-configmap-key.js';
import { ruleTester } from './tester.js';

const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    env: [${env}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {LOG_LEVEL: info}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a present key', yaml: pod('{name: L, valueFrom: {configMapKeyRef: {name: app, key: LOG_LEVEL}}}') },
    { name: 'an optional key', yaml: pod('{name: L, valueFrom: {configMapKeyRef: {name: app, key: NOPE, optional: true}}}') },
    { name: 'a missing ConfigMap (another rule says it)', yaml: pod('{name: L, valueFrom: {configMapKeyRef: {name: other, key: X}}}') },
  ],
  invalid: [{ name: 'a misspelt key', yaml: pod('{name: L, valueFrom: {configMapKeyRef: {name: app, key: LOG_LEVL}}}'), findings: ['8:67 ConfigMap "app" has no key "LOG_LEVL"'] }],
});
