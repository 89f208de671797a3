import * as rule from '../../src/rules/missing-pvc.js';
import { ruleTester } from './tester.js';

const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: busybox:1}]\n  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a present claim', yaml: pod + '---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n' },
    { name: "a StatefulSet's own claim template", yaml: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {a: b}}\n  serviceName: db\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n      volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]\n  volumeClaimTemplates: [{metadata: {name: data}}]\n' },
  ],
  invalid: [{ name: 'a missing claim', yaml: pod, findings: ['6:58 PersistentVolumeClaim "data" not found in namespace "default"'] }],
});
