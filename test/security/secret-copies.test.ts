/**
 * Secret values copied elsewhere stay masked. A kustomize `replacements` entry may copy a
 * Secret's value into another object: a Deployment's name, a label, a resource amount. What
 * kubeproof then prints about that object (pod names in the dry run, workload names in
 * `--totals`, the resource a finding is about in SARIF, JSON and JUnit, amounts) must not
 * show the value: each output says `<redacted>` there. Both a Secret resource's stringData and
 * a secretGenerator literal (copied as base64 from the generated Secret's data) are covered.
 */
import { describe, expect, it } from 'vitest';
import { check, schedule } from '../../src/index.js';
import { tempTree } from '../helpers.js';
import { canary, expectNoLeak, expectNoLeakIn, inEveryFormat } from './canary.js';

/** Lower case: a valid object name, so the Deployment is created and its pods are scheduled and named. */
const NAME = canary('secret-copies/NAME').toLowerCase();
const TIER = canary('secret-copies/TIER').toLowerCase();
/** A cpu amount spelled canonically (12.345 cores), so totals and the dry run show it as written. */
const CPU = '12345m';
const GENERATED = canary('secret-copies/GENERATED');

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {tier: x}
spec:
  replicas: 6
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: x}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}
`;

const copy = (source: string, fieldPaths: string[]) => `- source: {kind: Secret, name: creds, fieldPath: ${source}}\n  targets:\n  - select: {kind: Deployment}\n    fieldPaths: [${fieldPaths.map((f) => JSON.stringify(f)).join(', ')}]\n`;
const CPU_PATH = 'spec.template.spec.containers.[name=web].resources.requests.cpu';

const trees: { name: string; files: Record<string, string>; secrets: string[]; shows: { schedule: string; totals: string } }[] = [
  {
    name: "a Secret's stringData copied into the Deployment's name, a label and its cpu request",
    files: {
      'app/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData: {name: ${NAME}, tier: ${TIER}, cpu: "${CPU}"}\n`,
      'app/deployment.yaml': DEPLOYMENT,
      'app/kustomization.yaml': `resources: [secret.yaml, deployment.yaml]\nreplacements:\n${copy('stringData.name', ['metadata.name'])}${copy('stringData.tier', ['metadata.labels.tier', 'spec.template.metadata.labels.tier'])}${copy('stringData.cpu', [CPU_PATH])}`,
    },
    secrets: [NAME, TIER, CPU],
    // 6 pods of 12.345 cpu on 64: the sixth is pending, and the unschedulable finding names the workload.
    shows: { schedule: 'default/<redacted>-5 (Deployment <redacted>): 0/1 nodes are available: 1 Insufficient cpu.', totals: 'Deployment/<redacted>' },
  },
  {
    name: 'a secretGenerator literal copied (as base64) into the name and the cpu request',
    files: {
      'app/deployment.yaml': DEPLOYMENT,
      'app/kustomization.yaml': `resources: [deployment.yaml]\nsecretGenerator:\n- name: creds\n  literals: [name=${GENERATED}]\n  options: {disableNameSuffixHash: true}\nreplacements:\n${copy('data.name', ['metadata.name', CPU_PATH])}`,
    },
    secrets: [GENERATED],
    // The base64 name and amount are refused by the API server: the dry run lists the workload as refused.
    shows: { schedule: 'default/<redacted> (Deployment)', totals: '<redacted>' },
  },
];

const NODES = { 'nodes/n.yaml': 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nstatus:\n  allocatable: {cpu: "64", memory: 64Gi, pods: "110"}\n' };

describe('Secret values a replacement copied into another object stay masked', () => {
  for (const tree of trees) {
    it(`${tree.name}: kubeproof schedule, in every format`, async () => {
      const dir = tempTree({ ...tree.files, ...NODES });
      const outputs = await inEveryFormat(['schedule', 'app', '--nodes', 'nodes'], dir);
      expectNoLeakIn(outputs, tree.secrets);
      expect(outputs.texts['text stdout']).toContain(tree.shows.schedule);
      expect(outputs.texts['sarif stdout']).toContain('<redacted>');
    });

    it(`${tree.name}: check --totals and --nodes, in every format`, async () => {
      const dir = tempTree({ ...tree.files, ...NODES });
      const outputs = await inEveryFormat(['check', 'app', '--totals', '--nodes', 'nodes'], dir);
      expectNoLeakIn(outputs, tree.secrets);
      expect(outputs.texts['text stdout']).toContain(tree.shows.totals);
    });

    it(`${tree.name}: the library's check() and schedule() results`, () => {
      const dir = tempTree({ ...tree.files, ...NODES });
      const checked = check(['app'], { cwd: dir, totals: true, nodePaths: ['nodes'] });
      const { resources: _checkedResources, ...checkedShown } = checked;
      expectNoLeak(JSON.stringify(checkedShown), tree.secrets, 'check()');
      const scheduled = schedule(['app'], { cwd: dir, nodePaths: ['nodes'] });
      const { resources: _scheduledResources, ...scheduledShown } = scheduled;
      expectNoLeak(JSON.stringify(scheduledShown), tree.secrets, 'schedule()');
    });
  }
});
