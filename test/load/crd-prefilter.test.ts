/**
 * --crds files are parsed only as far as the run needs (issue 17, item 4): a document that is
 * plainly a CRD for a kind no resource uses is blanked before parsing; anything unclear is kept.
 */
import { describe, expect, it } from 'vitest';
import { blankUnneededCrds } from '../../src/load/crd-prefilter.js';
import { parseManifests } from '../../src/load/index.js';
import { validate } from '../../src/index.js';
import { tempTree } from '../helpers.js';

const crd = (group: string, kind: string, extra = '') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${kind.toLowerCase()}s.${group}
spec:
  group: ${group}
  names:
    kind: ${kind}
    plural: ${kind.toLowerCase()}s
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
            properties:
              group: {type: string}
              kind: {type: string}
            required: [group]${extra}
`;

describe('blankUnneededCrds', () => {
  it('blanks the CRDs of kinds not needed, keeping every line and the other documents as they were', () => {
    const text = `${crd('a.example.com', 'Alpha')}---\n${crd('b.example.com', 'Beta')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n`;
    const out = blankUnneededCrds(text, new Set(['b.example.com/Beta']));
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    const parsed = parseManifests(out, 'crds.yaml');
    // (A blank first document is no document to the parser: indices count from the text parsed, which positions come from too.)
    expect(parsed.resources.map((r) => `${r.id.kind}/${r.id.name}`)).toEqual(['CustomResourceDefinition/betas.b.example.com', 'ConfigMap/cm']);
    expect(parsed.resources.map((r) => r.source.locate('/metadata/name').value.line)).toEqual(parseManifests(text, 'crds.yaml').resources.slice(1).map((r) => r.source.locate('/metadata/name').value.line));
  });

  it('keeps what it cannot be sure of: flow style, a repeated key, quoted values it cannot read, other kinds', () => {
    const unsure = [
      '{"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "spec": {"group": "x.io", "names": {"kind": "X"}}}\n',
      crd('x.io', 'X').replace('  group: x.io\n', '  group: x.io\n  group: y.io\n'),
      crd('x.io', 'X').replace('  group: x.io', '  group: "x.io" extra'),
      crd('x.io', 'X').replace('  names:\n    kind: X\n', '  names: {kind: X, plural: xs}\n'),
      crd('x.io', 'X').replace('apiextensions.k8s.io/v1', 'apiextensions.k8s.io/v1beta1'),
    ];
    for (const text of unsure) expect(blankUnneededCrds(text, new Set())).toBe(text);
    // The property `group:` deep in the schema is not spec.group: the CRD is still read right.
    expect(blankUnneededCrds(crd('x.io', 'X'), new Set(['x.io/X']))).toBe(crd('x.io', 'X'));
    expect(blankUnneededCrds(crd('x.io', 'X'), new Set(['x.io/Y'])).trim()).toBe('');
  });
});

describe('--crds reads only the CRDs a run uses', () => {
  it('validates with the needed CRD and says nothing about a broken one no resource uses', () => {
    const broken = crd('z.example.com', 'Zeta').replace('            required: [group]', '            required: [group\n  bad: [');
    const dir = tempTree({ 'crds.yaml': `${broken}---\n${crd('a.example.com', 'Alpha')}`, 'a.yaml': 'apiVersion: a.example.com/v1\nkind: Alpha\nmetadata: {name: a}\nspec: {kind: 3}\n' });
    expect(validate(['a.yaml'], { cwd: dir, crdPaths: ['crds.yaml'] }).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`)).toEqual([
      'a.yaml:4:1 spec.group: Required value',
      'a.yaml:4:14 spec.kind: Invalid value: "integer": spec.kind in body must be of type string: "integer" (quote it: YAML reads this as a non-string)',
    ]);
  });
});
