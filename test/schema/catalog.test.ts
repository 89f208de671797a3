/**
 * --crds takes JSON Schemas laid out as the CRDs catalog lays them out (issue 17, item 7):
 * `{group}/{kind}_{version}.json`, the kind in lower case, one file or a folder of them.
 */
import { describe, expect, it } from 'vitest';
import { check, validate } from '../../src/index.js';
import { tempTree } from '../helpers.js';

const SCHEMA = JSON.stringify({
  type: 'object',
  required: ['spec'],
  properties: {
    apiVersion: { type: 'string' },
    kind: { type: 'string' },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      additionalProperties: false,
      required: ['project'],
      properties: { project: { type: 'string' }, syncPolicy: { type: 'object', properties: { automated: { type: 'object' } } } },
    },
  },
});
const APP = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: app}\nspec:\n  project: 7\n  sycnPolicy: {}\n';
const shown = (r: { diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[] }) => r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}: ${d.message}`);

describe('CRDs catalog JSON Schemas (--crds)', () => {
  it('validates a custom resource strictly against its catalog schema, from a folder of them', () => {
    const dir = tempTree({ 'catalog/argoproj.io/application_v1alpha1.json': SCHEMA, 'catalog/argoproj.io/appproject_v1alpha1.json': SCHEMA, 'app.yaml': APP });
    expect(shown(validate(['app.yaml'], { cwd: dir, crdPaths: ['catalog'] }))).toEqual([
      'app.yaml:5:12 invalid-type: spec.project: Invalid value: "integer": spec.project in body must be of type string: "integer" (quote it: YAML reads this as a non-string)',
      'app.yaml:6:3 unknown-field: unknown field "spec.sycnPolicy" (did you mean "syncPolicy"?)',
    ]);
  });

  it('takes one catalog file named on its own, and check() and the read files know it', () => {
    const dir = tempTree({ 'argoproj.io/application_v1alpha1.json': SCHEMA, 'app.yaml': APP.replace('project: 7', 'project: default').replace('sycnPolicy', 'syncPolicy') });
    const result = check(['app.yaml'], { cwd: dir, crdPaths: ['argoproj.io/application_v1alpha1.json'], rules: false });
    expect(shown(result)).toEqual([]);
    expect(result.readFiles.some((f) => f.endsWith('argoproj.io/application_v1alpha1.json'))).toBe(true);
  });

  it('lets a CustomResourceDefinition for the same kind win: it is what the API server validates with', () => {
    const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: applications.argoproj.io}\nspec:\n  group: argoproj.io\n  names: {kind: Application, plural: applications}\n  scope: Namespaced\n  versions:\n  - name: v1alpha1\n    served: true\n    storage: true\n    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}\n';
    const dir = tempTree({ 'catalog/argoproj.io/application_v1alpha1.json': SCHEMA, 'crd.yaml': crd, 'app.yaml': APP });
    expect(shown(validate(['app.yaml'], { cwd: dir, crdPaths: ['catalog', 'crd.yaml'] }))).toEqual([]);
  });

  it('leaves kinds the catalog does not hold without a schema', () => {
    const dir = tempTree({ 'catalog/argoproj.io/application_v1alpha1.json': SCHEMA, 'wf.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\n' });
    expect(shown(validate(['wf.yaml'], { cwd: dir, crdPaths: ['catalog'] }))).toEqual([
      'wf.yaml:2:7 missing-schema: no schema for kind "Workflow" in version "argoproj.io/v1alpha1": pass its CustomResourceDefinition (or a CRDs catalog\'s JSON Schema) with --crds',
    ]);
  });

  it('says a catalog schema that cannot be compiled is unusable, in its own words, at each resource', () => {
    const broken = JSON.stringify({ type: 'object', properties: { spec: { type: 'strin' } } });
    const dir = tempTree({ 'catalog/argoproj.io/application_v1alpha1.json': broken, 'app.yaml': APP });
    const [finding, ...rest] = validate(['app.yaml'], { cwd: dir, crdPaths: ['catalog'] }).diagnostics;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'missing-schema', line: 2, column: 7 });
    expect(finding!.message).toMatch(/^no usable schema for kind "Application" in version "argoproj.io\/v1alpha1": the JSON Schema .*application_v1alpha1\.json cannot be compiled \(not valid JSON Schema\)$/);
  });
});
