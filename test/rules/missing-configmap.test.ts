import * as rule from '../../src/rules/missing-configmap.js';
import { ruleTester } from './tester.js';

const pod = (spec: string, ns = 'app') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${ns}}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${spec}`;
const cm = (name: string, ns = 'app') => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}, namespace: ${ns}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'envFrom a present ConfigMap', yaml: pod('    envFrom: [{configMapRef: {name: cfg}}]\n') + cm('cfg') },
    { name: 'an optional reference', yaml: pod('    envFrom: [{configMapRef: {name: cfg, optional: true}}]\n') },
    { name: 'kube-root-ca.crt, which every namespace has', yaml: pod('  volumes: [{name: ca, configMap: {name: kube-root-ca.crt}}]\n') },
  ],
  invalid: [
    { name: 'a missing volume, env and projected source', yaml: pod('    env: [{name: A, valueFrom: {configMapKeyRef: {name: env-cfg, key: a}}}]\n  volumes:\n  - {name: v, configMap: {name: vol-cfg}}\n  - name: p\n    projected: {sources: [{configMap: {name: proj-cfg}}]}\n'), findings: ['8:57 ConfigMap "env-cfg" not found in namespace "app"', '10:33 ConfigMap "vol-cfg" not found in namespace "app"', '12:46 ConfigMap "proj-cfg" not found in namespace "app"'] },
    { name: 'present in another namespace only', yaml: pod('    envFrom: [{configMapRef: {name: cfg}}]\n') + cm('cfg', 'other'), findings: ['8:37 ConfigMap "cfg" not found in namespace "app"'] },
    { name: 'an error with --strict-refs', options: { strictRefs: true }, yaml: pod('    envFrom: [{configMapRef: {name: cfg}}]\n'), findings: ['8:37 [error] ConfigMap "cfg" not found in namespace "app"'] },
  ],
});
