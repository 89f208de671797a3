import * as rule from '../../src/rules/selector-mismatch.js';
import { ruleTester } from './tester.js';

const deployment = (selector: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: ${selector}
  template:
    metadata:
      labels: ${labels}
    spec:
      containers: [{name: web, image: nginx:1}]
`;

ruleTester(rule, {
  valid: [
    { name: 'matchLabels present in the template', yaml: deployment('{matchLabels: {app: web}}', '{app: web, tier: front}') },
    { name: 'matchExpressions In, NotIn, Exists, DoesNotExist', yaml: deployment('{matchExpressions: [{key: app, operator: In, values: [web, api]}, {key: tier, operator: NotIn, values: [db]}, {key: app, operator: Exists}, {key: canary, operator: DoesNotExist}]}', '{app: web, tier: front}') },
    { name: 'a Job without manualSelector (its selector is generated)', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {c: d}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox:1}]\n' },
    { name: 'a ReplicationController without selector (defaulted from the template)', yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n' },
  ],
  invalid: [
    { name: 'a label value that differs', yaml: deployment('{matchLabels: {app: web}}', '{app: frontend}'), findings: ['8:15 spec.template.metadata.labels: Invalid value: "app=frontend": selector does not match template labels'] },
    { name: 'NotIn excluding the template', yaml: deployment('{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}', '{tier: front}'), findings: ['8:15 spec.template.metadata.labels: Invalid value: "tier=front": selector does not match template labels'] },
    { name: 'a Job with manualSelector', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  manualSelector: true\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {c: d}}\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox:1}]\n', findings: ['8:24 spec.template.metadata.labels: Invalid value: "c=d": selector does not match template labels'] },
    { name: 'a ReplicationController map selector', yaml: 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: y}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n', findings: ['7:24 spec.template.metadata.labels: Invalid value: "app=x": selector does not match template labels'] },
  ],
});
