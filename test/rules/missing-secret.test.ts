import * as rule from '../../src/rules/missing-secret.js';
import { ruleTester } from './tester.js';

const deploy = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: c\n        image: busybox:1\n${spec}`;

ruleTester(rule, {
  valid: [
    { name: 'a present Secret in the default namespace', yaml: deploy('        envFrom: [{secretRef: {name: creds}}]\n') + '---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds}\n' },
    { name: 'an optional volume', yaml: deploy('      volumes: [{name: s, secret: {secretName: tls, optional: true}}]\n') },
  ],
  invalid: [
    { name: 'missing env, volume and pull secret', yaml: deploy('        env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: p}}}]\n      volumes: [{name: s, secret: {secretName: tls}}]\n      imagePullSecrets: [{name: registry}]\n'), findings: ['12:58 Secret "db" not found in namespace "default"', '13:48 Secret "tls" not found in namespace "default"', '14:33 Secret "registry" not found in namespace "default"'] },
  ],
});
