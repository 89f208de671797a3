/**
 * Rendering cases: each folder under cases/ holds a kustomization tree (root/) and what
 * kustomize v5.5 itself did with it, recorded by make-cases.mjs with `kubectl kustomize`:
 * expected.yaml must be matched byte for byte; kustomize-error.txt means the build must fail,
 * with a message that says the same thing (the phrase below).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/render/index.js';

const CASES = path.join(import.meta.dirname, 'cases');

/** The words each failing case's message must contain: kustomize's own, where they are the point. */
const ERROR_MEANING: Record<string, string> = {
  'component-used-as-resource': "expected kind != 'Component'",
  'error-cycle': 'cycle detected',
  'error-dir-without-kustomization': "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization'",
  'error-duplicate-id': 'may not add resource with an already registered id: ConfigMap.v1.[noGrp]/x.[noNs]',
  'error-missing-file': 'no such file or directory',
  'error-outside-root': 'security; file',
  'error-remote': 'remote resource',
  'error-replicas-no-match': 'resource with name nope does not match a config',
  'error-resource-missing-name': 'metadata.name is required',
  'error-unknown-field': 'invalid Kustomization: json: unknown field "resourcez"',
  'generator-unknown-behavior-existing': 'exists; behavior must be merge or replace',
  'error-namespace-yaml11-boolean': 'invalid Kustomization: json: cannot unmarshal bool into Go struct field Kustomization.namespace of type string',
  'error-namespace-yaml11-on': 'invalid Kustomization: json: cannot unmarshal bool into Go struct field Kustomization.namespace of type string',
  'error-first-refusal-wins': 'no such file or directory',
  'error-labels-pairs-yaml11-boolean': 'invalid Kustomization: json: cannot unmarshal bool into Go struct field Label.labels.pairs of type string',
  'error-overlay-inside-base': 'cycle detected: candidate root',
  'error-common-labels-yaml11-boolean': 'invalid Kustomization: json: cannot unmarshal bool into Go struct field Kustomization.commonLabels of type string',
  'configmap-key-leading-zero': 'json: unsupported type: map[interface {}]interface {}',
  'common-annotations-key-on': 'json: unsupported type: map[interface {}]interface {}',
  'error-configurations-outside-root': "security; file '",
  'error-transformers-generator-kind': 'plugin ConfigMapGenerator.builtin.[noGrp]/s.[noNs] not a transformer',
  'error-transformers-prefix-without-fieldspecs': 'plugin PrefixTransformer.builtin.[noGrp]/s.[noNs] fails configuration: fieldSpecs is not expected to be nil',
  'error-transformers-sort-order': 'unable to load builtin SortOrderTransformer.builtin.[noGrp]',
  'error-vars-list-with-number': "considering field 'spec/containers/args' of object Pod.v1.[noGrp]/p.[noNs]: visit traversal on path: [args]: invalid value type expect a string",
  'error-vars-unknown-field': 'invalid Kustomization: json: unknown field "foo"',
  'error-vars-ambiguous-objref': 'merging vars [{V ConfigMap.v1.[noGrp] {data.key}}]: found 2 resId matches for var {V ConfigMap.v1.[noGrp] {data.key}} (unable to disambiguate)',
  'error-configurations-unknown-field': 'error unmarshaling JSON: while decoding JSON: json: unknown field "extra"',
  'error-configurations-conflicting-default': 'failed to merge NamePrefix fieldSpec: conflicting fieldspecs',
  'error-vars-diamond': "/root/b': var 'V' already encountered",
  'error-transformers-external-plugin': "'transformers': external plugins disabled; unable to load external plugin 'Foo'",
  'error-transformers-unknown-builtin': 'unable to load builtin NopeTransformer.builtin.[noGrp]',
  'error-vars-duplicate-in-overlay': "merging vars [{SVC Service.[noVer].[noGrp] {}}]: var 'SVC' already encountered",
  'error-vars-field-missing': "field specified in var '{CM ConfigMap.v1.[noGrp] {data.nothere}}' not found in corresponding resource",
  'error-vars-objref-unmatched': "var '{X Service.v1.[noGrp] {metadata.name}}' cannot be mapped to a field in the set of known resources",
  'error-vars-objref-without-version': "var '{CM ConfigMap.[noVer].[noGrp] {data.key}}' cannot be mapped to a field in the set of known resources",
  'generator-duplicate-key': 'configmap cfg illegally repeats the key `a`',
  'generator-merge-missing': 'does not exist; cannot merge or replace',
  'json6902-missing-path': "error in remove for path: '/spec/nothere': Unable to remove nonexistent key: nothere: missing value",
  'json6902-test-fails': 'testing value /spec/replicas failed: test failed',
  'replacements-missing-target-field': 'unable to find field "spec.nothere" in replacement target',
  'smp-no-match-error': 'no matches for Id Deployment.v1.apps/nomatch.[noNs]; failed to find unique target for patch Deployment.v1.apps/nomatch.[noNs]',
  'error-transformers-own-root': "cycle detected: candidate root",
  'error-generators-own-root': "cycle detected: candidate root",
  'error-resources-empty-path': 'new root cannot be empty',
  'error-components-own-root': 'accumulating components: loader.New "cycle detected: candidate root',
  'error-components-empty-path': 'accumulating components: loader.New "new root cannot be empty"',
  'error-component-includes-itself': 'loader.New "cycle detected: candidate root',
  'error-struct-first-unknown-in-byte-order': 'invalid Kustomization: json: unknown field "aaa"',
  'error-struct-generator-behavior-number': 'invalid Kustomization: json: cannot unmarshal number into Go struct field ConfigMapArgs.configMapGenerator.behavior of type string',
  'error-struct-generator-literals-number': 'invalid Kustomization: json: cannot unmarshal number into Go struct field ConfigMapArgs.configMapGenerator.literals of type string',
  'error-struct-generator-unknown-field': 'invalid Kustomization: json: unknown field "immutable"',
  'error-struct-images-entry-scalar': 'invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.images of type types.Image',
  'error-struct-images-newtag-yaml11-bool': 'invalid Kustomization: json: cannot unmarshal bool into Go struct field Image.images.newTag of type string',
  'error-struct-images-unknown-field': 'invalid Kustomization: json: unknown field "foo"',
  'error-struct-kind-kelvin-sign-folds': 'invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.kind of type string',
  'error-struct-labels-include-selectors-number': 'invalid Kustomization: json: cannot unmarshal number into Go struct field Label.labels.includeSelectors of type bool',
  'error-struct-metadata-unknown-field': 'invalid Kustomization: json: unknown field "uid"',
  'error-struct-patch-target-unknown-field': 'invalid Kustomization: json: unknown field "skip"',
  'error-struct-replacement-options-index-string': 'invalid Kustomization: json: cannot unmarshal string into Go struct field FieldOptions.replacements.targets.options.index of type int',
  'error-struct-replacement-source-unknown-field': 'invalid Kustomization: json: unknown field "fullText"',
  'error-struct-replicas-count-fraction': 'invalid Kustomization: json: cannot unmarshal number 1.5 into Go struct field Replica.replicas.count of type int64',
  'error-struct-replicas-count-string': 'invalid Kustomization: json: cannot unmarshal string into Go struct field Replica.replicas.count of type int64',
  'error-struct-sort-options-order-first-scalar': 'invalid Kustomization: json: cannot unmarshal string into Go struct field LegacySortOptions.sortOptions.legacySortOptions.orderFirst of type []string',
  'error-struct-unknown-key-with-tab': 'invalid Kustomization: json: unknown field "new\\ttag"',
  'error-struct-vars-objref-kind-number': 'invalid Kustomization: json: cannot unmarshal number into Go struct field Target.vars.objref.kind of type string',
  'error-build-metadata-scalar-annotations': "considering field 'metadata/annotations' of object ConfigMap.v1.[noGrp]/b.[noNs]: wrong node kind: expected MappingNode but got ScalarNode",
  'error-build-metadata-managed-by-scalar-labels': "considering field 'metadata/labels' of object ConfigMap.v1.[noGrp]/b.[noNs]: wrong node kind: expected MappingNode but got ScalarNode",
};

const names = fs.readdirSync(CASES).sort();

describe('kubeproof render against kustomize v5.5', () => {
  it('has at least 80 cases, the error cases among them', () => {
    expect(names.length).toBeGreaterThanOrEqual(80);
    for (const name of Object.keys(ERROR_MEANING)) expect(fs.existsSync(path.join(CASES, name, 'kustomize-error.txt')), name).toBe(true);
  });

  for (const name of names) {
    const dir = path.join(CASES, name);
    const expectedFile = path.join(dir, 'expected.yaml');
    it(name, () => {
      const result = render(path.join(dir, 'root'), { cwd: dir });
      if (fs.existsSync(expectedFile)) {
        expect(result.diagnostics).toEqual([]);
        expect(result.yaml).toBe(fs.readFileSync(expectedFile, 'utf8'));
      } else {
        expect(result.yaml).toBe('');
        expect(result.diagnostics).toHaveLength(1);
        expect(result.diagnostics[0]!.ruleId).toBe('kustomize-build');
        expect(result.diagnostics[0]!.message).toContain(ERROR_MEANING[name] ?? '<add the meaning of this error to ERROR_MEANING>');
      }
    });
  }
});

describe('the example overlays', () => {
  const recorded = path.join(import.meta.dirname, 'overlays-example');
  for (const file of fs.readdirSync(recorded).sort()) {
    const overlay = file.replace(/\.yaml$/, '');
    it(`renders overlays-example/overlays/${overlay} exactly as kustomize does`, () => {
      const result = render(path.join(import.meta.dirname, '..', '..', 'overlays-example', 'overlays', overlay));
      expect(result.diagnostics).toEqual([]);
      expect(result.yaml).toBe(fs.readFileSync(path.join(recorded, file), 'utf8'));
    });
  }
});
