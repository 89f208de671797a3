import * as rule from '../../src/rules/missing-probes.js';
import { ruleTester } from './tester.js';

const deploy = (probes: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: app\n        image: app:1\n${probes}`;

ruleTester(rule, {
  valid: [
    { name: 'both probes', yaml: deploy('        readinessProbe: {tcpSocket: {port: 80}}\n        livenessProbe: {tcpSocket: {port: 80}}\n') },
    { name: 'readiness only, when the config asks for readiness only', yaml: deploy('        readinessProbe: {tcpSocket: {port: 80}}\n'), settings: { probes: ['readinessProbe'] } },
    { name: 'a Job needs none', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: c, image: busybox:1}]\n' },
  ],
  invalid: [
    { name: 'none', yaml: deploy(''), findings: ['10:15 container "app" has no readinessProbe and no livenessProbe'] },
    { name: 'a startup probe, when the config asks for one', yaml: deploy('        readinessProbe: {tcpSocket: {port: 80}}\n        livenessProbe: {tcpSocket: {port: 80}}\n'), settings: { probes: ['readinessProbe', 'livenessProbe', 'startupProbe'] }, findings: ['10:15 container "app" has no startupProbe'] },
    { name: 'readiness only', yaml: deploy('        readinessProbe: {tcpSocket: {port: 80}}\n'), findings: ['10:15 container "app" has no livenessProbe'] },
  ],
});
