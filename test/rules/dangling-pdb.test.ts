import * as rule from '../../src/rules/dangling-pdb.js';
import { ruleTester } from './tester.js';

const pdb = (budget: string, app = 'api') => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: pdb}\nspec:\n  ${budget}\n  selector: {matchLabels: {app: ${app}}}\n---\n`;
const deploy = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  replicas: 3\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: c, image: api:1}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'minAvailable below replicas', yaml: pdb('minAvailable: 2') + deploy },
    { name: 'maxUnavailable 1', yaml: pdb('maxUnavailable: 1') + deploy },
  ],
  invalid: [
    { name: 'selects nothing', yaml: pdb('minAvailable: 1', 'apii') + deploy, findings: ['6:13 PodDisruptionBudget "pdb" selects no pods in namespace "default"'] },
    { name: 'minAvailable equal to replicas', yaml: pdb('minAvailable: 3') + deploy, findings: ['5:17 minAvailable 3 is not below the 3 replica(s) it covers: no pod may ever be evicted'] },
    { name: 'maxUnavailable 0', yaml: pdb('maxUnavailable: 0') + deploy, findings: ['5:19 maxUnavailable 0 blocks every voluntary eviction: node drains will hang'] },
  ],
});
