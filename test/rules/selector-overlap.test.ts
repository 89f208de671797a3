import * as rule from '../../src/rules/selector-overlap.js';
import { ruleTester } from './tester.js';

const deploy = (name: string, selector: string, labels: string, ns = 'a') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: ${selector}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n---\n`;

ruleTester(rule, {
  valid: [
    { name: 'distinct selectors', yaml: deploy('web', '{matchLabels: {app: shop, c: web}}', '{app: shop, c: web}') + deploy('api', '{matchLabels: {app: shop, c: api}}', '{app: shop, c: api}') },
    { name: 'the same labels in other namespaces', yaml: deploy('web', '{matchLabels: {app: x}}', '{app: x}') + deploy('web', '{matchLabels: {app: x}}', '{app: x}', 'b') },
  ],
  invalid: [
    {
      name: 'a broad selector that takes another workload\'s pods',
      yaml: deploy('web', '{matchLabels: {app: shop}}', '{app: shop, c: web}') + deploy('api', '{matchLabels: {app: shop, c: api}}', '{app: shop, c: api}'),
      findings: ['5:13 the selector also matches the pods of Deployment "api": both controllers will fight over them'],
    },
  ],
});
