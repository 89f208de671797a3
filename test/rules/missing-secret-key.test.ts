import * as rule from '../../src/rules/missing-secret-key.js';
import { ruleTester } from './tester.js';

const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox:1}]\n  volumes:\n  - name: tls\n    secret:\n      secretName: tls\n      items: [{key: tls.crt, path: c}, {key: tls.kye, path: k}]\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls}\ndata: {tls.crt: YQ==, tls.key: Yg==}\n`;

ruleTester(rule, {
  valid: [{ name: 'present keys', yaml: pod.replace('tls.kye', 'tls.key') }],
  invalid: [{ name: 'a misspelt volume item key', yaml: pod, findings: ['10:46 Secret "tls" has no key "tls.kye"'] }],
});
