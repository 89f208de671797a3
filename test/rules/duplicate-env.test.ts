import * as rule from '../../src/rules/duplicate-env.js';
import { ruleTester } from './tester.js';

const deployment = (env: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec:\n      containers:\n      - name: c\n        image: busybox:1\n        env:\n${env}`;

ruleTester(rule, {
  valid: [
    { name: 'distinct names', yaml: deployment('        - {name: A, value: "1"}\n        - {name: B, value: "2"}\n') },
    { name: 'a redefinition that builds on the earlier value', yaml: deployment('        - {name: PATH, value: /bin}\n        - {name: PATH, value: "$(PATH):/opt/bin"}\n') },
    { name: 'the same name in two containers', yaml: deployment('        - {name: A, value: "1"}\n      - name: d\n        image: busybox:1\n        env:\n        - {name: A, value: "2"}\n') },
  ],
  invalid: [
    { name: 'a plain repeat', yaml: deployment('        - {name: MODE, value: fast}\n        - {name: MODE, value: safe}\n'), findings: ['14:18 spec.template.spec.containers[0].env[1]: hides previous definition of "MODE", which may be dropped when using apply'] },
    {
      name: 'a repeat from a Secret, and a self-reference',
      yaml: deployment('        - {name: A, value: x}\n        - name: A\n          valueFrom: {secretKeyRef: {name: s, key: a}}\n        - {name: A, value: "$(A)"}\n'),
      findings: ['14:17 spec.template.spec.containers[0].env[1]: hides previous definition of "A", which may be dropped when using apply', '16:18 spec.template.spec.containers[0].env[2]: hides previous definition of "A", which may be dropped when using apply'],
    },
  ],
});
