import * as rule from '../../src/rules/dangerous-capabilities.js';
import { ruleTester } from './tester.js';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n    securityContext: ${sc}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a harmless capability', yaml: pod('{capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}') },
    { name: 'dropping is not adding', yaml: pod('{capabilities: {drop: [SYS_ADMIN]}}') },
    { name: 'a capability the options allow', yaml: pod('{capabilities: {add: [NET_ADMIN]}}'), settings: { capabilities: ['SYS_ADMIN'] } },
  ],
  invalid: [
    { name: 'each dangerous entry, at its place', yaml: pod('{capabilities: {add: [CHOWN, SYS_ADMIN, cap_net_admin]}}'), findings: ['8:51 container "c" adds capability SYS_ADMIN', '8:62 container "c" adds capability NET_ADMIN'] },
    { name: 'ALL', yaml: pod('{capabilities: {add: [ALL]}}'), findings: ['8:44 container "c" adds capability ALL'] },
    { name: 'a capability the options list', yaml: pod('{capabilities: {add: [CHOWN]}}'), settings: { capabilities: ['chown'] }, findings: ['8:44 container "c" adds capability CHOWN'] },
  ],
});
