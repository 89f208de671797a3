import * as rule from '../../src/rules/missing-network-policy.js';
import { ruleTester } from './tester.js';

const policy = (selector: string, namespace = 'shop') => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np, namespace: ${namespace}}\nspec:\n  podSelector: ${selector}\n  policyTypes: [Ingress]\n---\n`;
// The Deployment's template labels are on line 7 of its document.
const deployment = (labels: string, namespace = 'shop') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: worker, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'selected by matchLabels', yaml: policy('{matchLabels: {app: worker}}') + deployment('{app: worker}') },
    { name: 'selected by matchExpressions', yaml: policy('{matchExpressions: [{key: app, operator: In, values: [api, worker]}]}') + deployment('{app: worker}') },
    { name: 'an empty selector selects every pod', yaml: policy('{}') + deployment('{app: worker}') },
    { name: 'no NetworkPolicy in the namespace: not this run\'s to say', yaml: policy('{matchLabels: {app: worker}}', 'other') + deployment('{app: worker}') },
    { name: 'no NetworkPolicy at all', yaml: deployment('{app: worker}') },
  ],
  invalid: [
    { name: 'labels the policy does not match', yaml: policy('{matchLabels: {app: api}}') + deployment('{app: worker}'), findings: ['14:24 pods of Deployment "worker" are selected by no NetworkPolicy of namespace "shop" (1 among the inputs): they accept traffic from anywhere'] },
    { name: 'a policy of another namespace does not select it', yaml: policy('{}', 'other') + policy('{matchLabels: {app: api}}') + deployment('{app: worker}'), findings: ['21:24 pods of Deployment "worker" are selected by no NetworkPolicy of namespace "shop" (1 among the inputs): they accept traffic from anywhere'] },
    { name: 'everyNamespace: also where the inputs have no policy', yaml: deployment('{app: worker}'), settings: { everyNamespace: true }, findings: ['7:24 pods of Deployment "worker" are selected by no NetworkPolicy (namespace "shop" has none among the inputs): they accept traffic from anywhere'] },
  ],
});
