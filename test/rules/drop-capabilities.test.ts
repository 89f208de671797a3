import * as rule from '../../src/rules/drop-capabilities.js';
import { ruleTester } from './tester.js';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${sc}`;

ruleTester(rule, {
  valid: [
    { name: 'drops ALL', yaml: pod('    securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}\n') },
    { name: 'drops NET_RAW, spelt as the runtimes accept it', yaml: pod('    securityContext: {capabilities: {drop: [cap_net_raw]}}\n') },
    { name: 'privileged: the privileged rule reports it', yaml: pod('    securityContext: {privileged: true}\n') },
  ],
  invalid: [
    { name: 'no securityContext', yaml: pod(''), findings: ['6:11 container "c" keeps the runtime\'s default capabilities, NET_RAW among them; set securityContext.capabilities.drop: [ALL]'] },
    { name: 'drops something else', yaml: pod('    securityContext: {capabilities: {drop: [CHOWN]}}\n'), findings: ['8:44 container "c" keeps the runtime\'s default capabilities, NET_RAW among them; set securityContext.capabilities.drop: [ALL]'] },
    { name: 'capabilities without drop', yaml: pod('    securityContext: {capabilities: {add: [CHOWN]}}\n'), findings: ['8:23 container "c" keeps the runtime\'s default capabilities, NET_RAW among them; set securityContext.capabilities.drop: [ALL]'] },
  ],
});
