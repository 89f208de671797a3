/**
 * Schema validation and per-resource rules run as each resource is loaded, on the thread that
 * parsed it (api/document-stage.ts): the findings must be those of the main-thread pipeline, byte
 * for byte, whichever thread made them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { inLoad } from '../../src/api/document-stage.js';
import { validate } from '../../src/api/validate.js';
import { sortDiagnostics, type Diagnostic } from '../../src/core/index.js';
import { loadPaths } from '../../src/load/index.js';
import { runRules } from '../../src/rules/index.js';
import { validateSchemas } from '../../src/schema/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

/** Small files, many of them: the parallel threshold is lowered so that two threads share them. */
const THRESHOLD = 8 * 1024;

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 2
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:latest
          imagePullPolcy: Always
          resources: {requests: {cpu: 2}, limits: {cpu: 1, memory: 100MB}}
${extra}`;

function tree(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { ...extra };
  for (let f = 0; f < 24; f++) {
    const docs = [deployment(`app-${f}`), `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${f}\n  namespace: shop\nspec:\n  selector: {app: nobody-${f}}\n  ports: [{port: 80, targetPort: web}]\n`];
    if (f % 5 === 0) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${f}\n  namespace: shop\ndata:\n  n: 1\n  note: "${'x'.repeat(300)}"\n`);
    files[`team-${f % 3}/app-${String(f).padStart(2, '0')}.yaml`] = docs.join('---\n');
  }
  return tempTree(files);
}

/** The pipeline before the stage: load, then schemas and rules on the main thread, positions placed from the text. */
function mainThreadOnly(dir: string): string {
  const loaded = loadPaths(['.'], { cwd: dir, jobs: 1 });
  const found = [...loaded.diagnostics, ...validateSchemas(loaded.resources), ...runRules(loaded.resources, {})];
  return JSON.stringify(sortDiagnostics(found));
}

const json = (ds: readonly Diagnostic[]) => JSON.stringify(ds);

describe('the pipeline on every core', () => {
  it('gives, from the worker, the findings the main thread gives, byte for byte', () => {
    const dir = tree();
    const options = { cwd: dir, parallelThresholdBytes: THRESHOLD, pipelineOnLoad: true };
    const two = check(['.'], { ...options, jobs: 2 });
    const one = check(['.'], { ...options, jobs: 1 });
    expect(two.diagnostics.length).toBeGreaterThan(24 * 4);
    for (const rule of ['unknown-field', 'latest-tag', 'requests-exceed-limits', 'invalid-quantity', 'service-no-pods', 'invalid-type']) {
      expect(two.diagnostics.some((d) => d.ruleId === rule), rule).toBe(true);
    }
    expect(json(two.diagnostics)).toBe(json(one.diagnostics));
    expect(json(two.diagnostics)).toBe(mainThreadOnly(dir));
    expect(json(two.diagnostics)).toBe(json(check(['.'], { cwd: dir, jobs: 2 }).diagnostics)); // the default: no stage
    expect(json(validate(['.'], { ...options, jobs: 2 }).diagnostics)).toBe(json(validate(['.'], { ...options, jobs: 1 }).diagnostics));
  });

  it('really shares the work: the main thread runs the stage on part of the resources only, and takes every result', () => {
    const dir = tree();
    const stages = inLoad({}, {});
    let here = 0;
    let taken = 0;
    const stage = { ...stages.stage, run: (r: Parameters<typeof stages.stage.run>[0]) => (here++, stages.stage.run(r)), take: (r: Parameters<typeof stages.stage.take>[0], v: unknown) => (taken++, stages.stage.take(r, v)) };
    const loaded = loadPaths(['.'], { cwd: dir, jobs: 2, parallelThresholdBytes: THRESHOLD, stage });
    expect(loaded.resources.length).toBe(24 * 2 + 5);
    expect(here).toBeGreaterThan(0);
    expect(here).toBeLessThan(loaded.resources.length);
    expect(taken).toBe(loaded.resources.length);
    expect(loaded.resources.every((r) => stages.prevalidated(r) !== undefined && stages.ruled(r))).toBe(true);
  });

  it('validates custom resources against a CRD among the inputs, in whichever share it is, and a built-in kind a CRD redefines by the CRD', () => {
    const crd = (group: string, kind: string, plural: string, props: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  names: {kind: ${kind}, plural: ${plural}, singular: ${kind.toLowerCase()}, listKind: ${kind}List}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties: {${props}}
`;
    const widget = (name: string, size: string) => `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  size: ${size}\n`;
    const extra: Record<string, string> = {
      // Sorted last, so in no thread's share before the custom resources.
      'zz-crds.yaml': [crd('example.com', 'Widget', 'widgets', 'size: {type: integer, maximum: 10}'), crd('apps', 'Deployment', 'deployments', 'replicas: {type: string}')].join('---\n'),
    };
    for (let w = 0; w < 12; w++) extra[`widgets/w-${w}.yaml`] = [widget(`ok-${w}`, '3'), widget(`big-${w}`, '99'), widget(`word-${w}`, 'large')].join('---\n');
    const dir = tree(extra);
    const options = { cwd: dir, parallelThresholdBytes: THRESHOLD, pipelineOnLoad: true };
    const two = validate(['.'], { ...options, jobs: 2 });
    const one = validate(['.'], { ...options, jobs: 1 });
    expect(json(two.diagnostics)).toBe(json(one.diagnostics));
    expect(json(two.diagnostics)).toBe(json(validate(['.'], { cwd: dir, jobs: 1 }).diagnostics)); // the default: no stage
    const about = (name: string) => two.diagnostics.filter((d) => d.resource?.name === name).map((d) => `${d.ruleId} ${d.path}`);
    expect(about('ok-5')).toEqual([]);
    expect(about('big-5')).toEqual(['invalid-value /spec/size']);
    expect(about('word-5')).toEqual(['invalid-type /spec/size']);
    // The CRD's Deployment: replicas must be a string, and nothing of the built-in schema (imagePullPolcy) is said.
    expect(about('app-7')).toContain('invalid-type /spec/replicas');
    expect(about('app-7').some((d) => d.includes('imagePullPolcy'))).toBe(false);
    expect(two.diagnostics.some((d) => d.ruleId === 'missing-schema')).toBe(false);
  });

  it('loses nothing when a worker dies part way: the main thread loads what it did not post', () => {
    const dir = tree();
    // A loader thread that runs the real stage, then exits after a few resources, its share half posted.
    const module = path.join(tempTree({}), 'dying-worker.mjs');
    const dist = (p: string) => pathToFileURL(path.join(REPO_ROOT, 'dist', p)).href;
    fs.writeFileSync(module, `import { workerData } from 'node:worker_threads';
import { runLoader } from '${dist('load/worker.js')}';
import { runAsLoaded } from '${dist('api/document-stage.js')}';
export function main() {
  const run = runAsLoaded(workerData.stage);
  let n = 0;
  runLoader((r) => { if (++n === 7) process.exit(1); return run(r); });
}
`);
    const stages = inLoad({}, {});
    const loaded = loadPaths(['.'], { cwd: dir, jobs: 2, parallelThresholdBytes: THRESHOLD, stage: { ...stages.stage, workerModule: pathToFileURL(module).href } });
    const whole = loadPaths(['.'], { cwd: dir, jobs: 1 });
    expect(loaded.resources.map((r) => r.id)).toEqual(whole.resources.map((r) => r.id));
    expect(json(loaded.diagnostics)).toBe(json(whole.diagnostics));
    expect(loaded.resources.every((r) => stages.ruled(r))).toBe(true);
    const found = [...validateSchemas(loaded.resources, { prevalidated: stages.prevalidated }), ...runRules(loaded.resources, {}, undefined, stages.ruled), ...stages.ruleFindings(loaded.resources)];
    expect(json(sortDiagnostics([...loaded.diagnostics, ...found]))).toBe(mainThreadOnly(dir));
  });
});
