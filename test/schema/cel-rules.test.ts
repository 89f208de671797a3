import { describe, expect, it } from 'vitest';
import { validateSchemas } from '../../src/schema/index.js';
import { parse } from '../helpers.js';

/** A Widget CRD whose openAPIV3Schema is `schema` (YAML, indented to sit under openAPIV3Schema:). */
function crd(schema: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, kind: Widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
${schema.replace(/^/gm, '          ')}
`;
}

/** The start of a Widget; its spec follows. */
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n';

/** A schema with an object `spec` whose rules follow (indented by 6). */
const SPEC_RULES = 'type: object\nproperties:\n  spec:\n    type: object\n    x-kubernetes-validations:';

/** Findings of the CEL rules (and CRD problems) for the documents, as `rule@line:col severity message`. */
function findings(...docs: string[]): string[] {
  const { resources } = parse(docs.join('\n---\n'));
  return validateSchemas(resources)
    .filter((d) => d.ruleId === 'validation-rule' || d.ruleId === 'invalid-crd')
    .map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.severity} ${d.message}`);
}

const SPEC = `${SPEC_RULES}
      - rule: self.min <= self.max
        message: min must not exceed max
      - rule: "!has(self.replicas) || self.replicas % 2 == 1"
      - rule: self.name.startsWith('w')
        messageExpression: "'name ' + self.name + ' must start with w'"
    properties:
      min: {type: integer}
      max: {type: integer}
      replicas: {type: integer}
      name: {type: string, default: web}`;

describe('x-kubernetes-validations on custom resources', () => {
  it('reports a failed rule at the field that holds it, in the API server\'s words', () => {
    const widget = WIDGET + 'spec:\n  min: 3\n  max: 1\n  replicas: 2\n  name: x';
    // The widget is the second document: its lines start after the CRD's 30.
    expect(findings(crd(SPEC), widget)).toEqual([
      'validation-rule@34:1 error spec: Invalid value: "object": min must not exceed max',
      'validation-rule@34:1 error spec: Invalid value: "object": failed rule: !has(self.replicas) || self.replicas % 2 == 1',
      'validation-rule@34:1 error spec: Invalid value: "object": name x must start with w',
    ]);
  });

  it('passes a valid resource, with defaults applied before the rules run', () => {
    const widget = WIDGET + 'spec: {min: 1, max: 3}';
    expect(findings(crd(SPEC), widget)).toEqual([]);
  });

  it('honours reason and fieldPath, for the message and the position', () => {
    const schema = `${SPEC_RULES}
      - rule: "!has(self.secret)"
        reason: FieldValueForbidden
        fieldPath: .secret
        message: secret may not be set here
      - rule: has(self.name)
        reason: FieldValueRequired
        message: name is required
      - rule: self.tags.size() == 0
        reason: FieldValueDuplicate
        fieldPath: ".labels['team']"
    properties:
      secret: {type: string}
      name: {type: string}
      tags: {type: array, items: {type: string}}
      labels: {type: object, additionalProperties: {type: string}}`;
    const widget = WIDGET + 'spec:\n  secret: s\n  tags: [a]\n  labels:\n    team: x';
    expect(findings(crd(schema), widget)).toEqual([
      'validation-rule@40:3 error spec.secret: Forbidden: secret may not be set here',
      'validation-rule@39:1 error spec: Required value: name is required',
      'validation-rule@43:5 error spec.labels[team]: Duplicate value: "object"',
    ]);
  });

  it('runs rules on the root (<nil>), on list items, on map values and under allOf', () => {
    const schema = `type: object
x-kubernetes-validations:
  - rule: self.metadata.name.startsWith('w') && self.kind == 'Widget'
    message: root rule
properties:
  spec:
    type: object
    properties:
      ports:
        type: array
        x-kubernetes-validations:
          - rule: self.all(p, p.port > 0)
            message: ports must be positive
        items:
          type: object
          x-kubernetes-validations:
            - rule: self.port < 65536
          properties:
            port: {type: integer}
      env:
        type: object
        additionalProperties:
          type: string
          x-kubernetes-validations:
            - rule: self.size() < 5
              messageExpression: "'too long: ' + self"
      mode:
        type: string
        allOf:
          - x-kubernetes-validations:
              - rule: self != 'bad'`;
    const widget = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\nspec:\n  ports:\n    - port: 0\n    - port: 70000\n  env:\n    A: toolong\n  mode: bad';
    expect(findings(crd(schema), widget)).toEqual([
      'validation-rule@47:1 error <nil>: Invalid value: "object": root rule',
      'validation-rule@51:3 error spec.ports: Invalid value: "array": ports must be positive',
      'validation-rule@53:7 error spec.ports[1]: Invalid value: "object": failed rule: self.port < 65536',
      'validation-rule@55:5 error spec.env[A]: Invalid value: "string": too long: toolong',
      'validation-rule@56:3 error spec.mode: Invalid value: "string": failed rule: self != \'bad\'',
    ]);
  });

  it('presents values as the API server does: escaped names, int-or-string, numbers as doubles, hidden unknown fields', () => {
    const schema = `${SPEC_RULES}
      - rule: self.max__dash__surge == 1 && self.__namespace__ == 'a' && self.namespace == 'a' && self.port == 'http'
      - rule: self.ratio == 1.0 && type(self.ratio) == double
      - rule: "!has(self.extra.anything)"
    properties:
      max-surge: {type: integer}
      namespace: {type: string}
      port: {x-kubernetes-int-or-string: true}
      ratio: {type: number}
      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}`;
    const widget = WIDGET + 'spec:\n  max-surge: 1\n  namespace: a\n  port: http\n  ratio: 1\n  extra: {anything: 1}';
    expect(findings(crd(schema), widget)).toEqual([]);
  });

  it('reports a runtime error as the API server does, not as a crash', () => {
    const schema = `${SPEC_RULES}
      - rule: self.a.b == 1
      - rule: self.num / self.den > 0
        message: ratio must be positive
      - rule: self.x + 1 > 0
    properties:
      a: {type: object, properties: {b: {type: integer}}}
      num: {type: integer}
      den: {type: integer}
      x: {x-kubernetes-int-or-string: true}`;
    const widget = WIDGET + 'spec: {a: {}, num: 1, den: 0, x: str}';
    expect(findings(crd(schema), widget)).toEqual([
      'validation-rule@33:1 error spec: Invalid value: "object": no such key: b evaluating rule: self.a.b == 1',
      'validation-rule@33:1 error spec: Invalid value: "object": division by zero evaluating rule: ratio must be positive',
      "validation-rule@33:1 error spec: Invalid value: \"object\": 'no such overload': call arguments did not match a supported operator, function or macro signature for rule: self.x + 1 > 0",
    ]);
  });

  it('skips transition rules with a note on the CRD, and runs optionalOldSelf rules with oldSelf = optional.none()', () => {
    const schema = `${SPEC_RULES}
      - rule: self == oldSelf
        message: immutable
      - rule: oldSelf.hasValue() || self.v > 0
        optionalOldSelf: true
        message: v must be positive on create
    properties:
      v: {type: integer}`;
    const widget = WIDGET + 'spec: {v: 0}';
    expect(findings(crd(schema), widget)).toEqual([
      'validation-rule@19:25 info spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: transition rule not checked: it compares with oldSelf, the stored object, which an offline check does not have (the API server skips it on create too)',
      'validation-rule@31:1 error spec: Invalid value: "object": v must be positive on create',
    ]);
  });

  it('notes skipped transition rules only on CRDs being checked, not on those given with --crds', () => {
    const schema = `${SPEC_RULES}
      - rule: self == oldSelf
    properties:
      v: {type: integer}`;
    const widget = parse(WIDGET + 'spec: {v: 0}').resources;
    const crds = parse(crd(schema), 'crd.yaml').resources;
    expect(validateSchemas(widget, { crds })).toEqual([]);
  });

  it('does not run rules on an object with type or required errors, and says so', () => {
    const widget = WIDGET + 'spec: {min: three, max: 1}';
    expect(findings(crd(SPEC), widget)).toEqual([
      'validation-rule@31:1 info <nil>: Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
    ]);
  });

  it('refuses a rule that selects a field the schema does not declare, as the API server\'s type check does', () => {
    const schema = `type: object
x-kubernetes-validations:
  - rule: "!has(self.metadata.labels)"
properties:
  spec:
    type: object
    x-kubernetes-validations:
      - rule: self.replcas > 0
      - rule: self.ports[0].nmae != ''
      - rule: self.labels.anything == 'x' && has(self.extra) && self.port__dash__name == 'a'
      - rule: self.ports.all(p, p.name != '') && self.ports.all(i, p, p.name != '') && self.labels.all(k, k.size() > 0)
      - rule: self.ports.exists(p, p.nmae == 'a')
      - rule: cel.bind(first, self.ports[0], first.port > 0)
    properties:
      ports: {type: array, items: {type: object, properties: {name: {type: string}}}}
      labels: {type: object, additionalProperties: {type: string}}
      extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
      port-name: {type: string}`;
    const widget = WIDGET + 'spec: {ports: [{name: a}], labels: {anything: x}, extra: {y: 1}, port-name: a}';
    expect(findings(crd(schema), widget)).toEqual([
      'invalid-crd@16:21 error spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations[0].rule: Invalid value: "!has(self.metadata.labels)": compilation failed: ERROR: <input>:1:19: undefined field \'labels\'',
      'invalid-crd@21:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: "self.replcas > 0": compilation failed: ERROR: <input>:1:5: undefined field \'replcas\'',
      'invalid-crd@22:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[1].rule: Invalid value: "self.ports[0].nmae != \'\'": compilation failed: ERROR: <input>:1:14: undefined field \'nmae\'',
      'invalid-crd@25:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[4].rule: Invalid value: "self.ports.exists(p, p.nmae == \'a\')": compilation failed: ERROR: <input>:1:23: undefined field \'nmae\'',
      'invalid-crd@26:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[5].rule: Invalid value: "cel.bind(first, self.ports[0], first.port > 0)": compilation failed: ERROR: <input>:1:37: undefined field \'port\'',
    ]);
  });

  it('checks a rule\'s other fields as the API server does: message, reason, fieldPath', () => {
    const schema = `${SPEC_RULES}
      - rule: "self.a > 0\\n && self.a < 9"
      - rule: self.a >= 0
        reason: FieldValueWrong
      - rule: self.a != 5
        fieldPath: .b
      - rule: self.a < 9
        fieldPath: "['a'"
      - rule: ""
    properties:
      a: {type: integer}`;
    expect(findings(crd(schema), WIDGET + 'spec: {a: 1}')).toEqual([
      'invalid-crd@19:19 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].message: Required value: message must be specified if rule contains line breaks',
      'invalid-crd@21:27 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[1].reason: Unsupported value: "FieldValueWrong": supported values: "FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"',
      'invalid-crd@23:30 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[2].fieldPath: Invalid value: ".b": fieldPath must be a valid path: does not refer to a valid field',
      'invalid-crd@25:30 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[3].fieldPath: Invalid value: "[\'a\'": fieldPath must be a valid path: unexpected end of JSON path',
      'invalid-crd@26:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[4].rule: Required value: rule is not specified',
    ]);
  });

  it('notes a valid rule its engine cannot read instead of calling the CRD invalid', () => {
    const schema = `${SPEC_RULES}
      - rule: "[?self.?x, 1].size() > 0"
    properties:
      x: {type: integer}`;
    expect(findings(crd(schema), WIDGET + 'spec: {x: 1}')).toEqual([
      "validation-rule@19:25 info spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: rule not checked: kubeproof's CEL engine cannot read optional list or map entries ([?x], {?k: v}) yet",
    ]);
  });

  it('makes a rule or messageExpression that does not compile invalid-crd at its line; the other rules still apply', () => {
    const schema = `${SPEC_RULES}
      - rule: self.a ==
      - rule: self.a == 1
        messageExpression: "'bad' +"
      - rule: self.a > 1
      - rule: "'not a bool'"
      - rule: self.a > 0
        messageExpression: "42"
    properties:
      a: {type: integer}`;
    const widget = WIDGET + 'spec: {a: 1}';
    expect(findings(crd(schema), widget)).toEqual([
      'invalid-crd@19:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule: Invalid value: "self.a ==": compilation failed: ERROR: <input>:1:10: Unexpected token: EOF',
      'invalid-crd@21:38 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[1].messageExpression: Invalid value: "self.a == 1": messageExpression compilation failed: ERROR: <input>:1:8: Unexpected token: EOF',
      'invalid-crd@23:25 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[3].rule: Invalid value: "\'not a bool\'": cel expression must evaluate to a bool',
      'invalid-crd@25:38 error spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[4].messageExpression: Invalid value: "self.a > 0": messageExpression must evaluate to a string',
      'validation-rule@33:1 error spec: Invalid value: "object": failed rule: self.a > 1',
    ]);
  });
});
