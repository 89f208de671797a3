import * as rule from '../../src/rules/dangling-networkpolicy.js';
import { ruleTester } from './tester.js';

const np = (selector: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np}\nspec:\n  podSelector: ${selector}\n---\n`;
const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: redis}}\nspec:\n  containers: [{name: c, image: redis:7}]\n';

ruleTester(rule, {
  valid: [
    { name: 'matching pods', yaml: np('{matchLabels: {app: redis}}') + pod },
    { name: 'an empty selector (all pods)', yaml: np('{}') },
  ],
  invalid: [{ name: 'a selector matching nothing', yaml: np('{matchLabels: {app: redis-master}}') + pod, findings: ['5:16 NetworkPolicy "np" selects no pods in namespace "default"'] }],
});
