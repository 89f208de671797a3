import * as rule from '../../src/rules/dangling-hpa.js';
import { ruleTester } from './tester.js';

const hpa = (name: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}\n  maxReplicas: 4\n  metrics:\n  - type: Resource\n    resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n---\n`;
const deploy = (resources: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: api\n        image: api:1\n${resources}`;

ruleTester(rule, {
  valid: [{ name: 'a target with cpu requests', yaml: hpa('api') + deploy('        resources: {requests: {cpu: 100m}}\n') }],
  invalid: [
    { name: 'a missing target', yaml: hpa('apii') + deploy(''), findings: ['5:65 scaleTargetRef: Deployment "apii" not found in namespace "default"'] },
    { name: 'no cpu request on the target', yaml: hpa('api') + deploy('        resources: {requests: {memory: 1Gi}}\n'), findings: ['8:5 scales on CPU utilisation, but container(s) api of Deployment "api" have no CPU request: the HPA cannot compute utilisation'] },
  ],
});
