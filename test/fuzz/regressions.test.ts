/**
 * The bugs the fuzzer found, each as the smallest input that showed it. Before the fix each of
 * these crashed (an exception out of render() or the CLI's "internal error", or an
 * `internal-error` diagnostic where a rule or the loader caught one), hung, or took seconds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { validate } from '../../src/api/validate.js';
import type { Diagnostic } from '../../src/core/index.js';
import { parseManifests } from '../../src/load/index.js';
import { render } from '../../src/render/index.js';
import { matchesLabelSelector, matchesMapSelector } from '../../src/rules/index.js';
import { buildInventory, scheduleWorkloads } from '../../src/schedule/index.js';
import { cpuMs, runCli, tempTree } from '../helpers.js';
import { diagnosticViolations } from './properties.js';

const at = (d: Diagnostic) => `${d.ruleId}@${d.line}:${d.column}`;

function checkText(text: string, file = 'm.yaml') {
  const bytes = Buffer.from(text);
  return check(['-'], { readStdin: () => bytes, stdinFilename: file });
}

/** Every finding well formed, none of them a crash caught. */
function wellFormed(diagnostics: Diagnostic[]) {
  expect(diagnosticViolations(diagnostics)).toEqual([]);
  return diagnostics;
}

const deployment = (selector: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: ${selector}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
`;

describe('label selectors of any shape', () => {
  it('a matchExpressions that is not a list, or an expression that is not a map, selects nothing instead of throwing', () => {
    expect(matchesLabelSelector({ matchExpressions: {} } as never, { app: 'web' })).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [null] } as never, { app: 'web' })).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: 5 } as never, {})).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [] }, {})).toBe(true);
  });

  it('...and the selector rules report the manifest instead of an internal error', () => {
    const text = `${deployment('{matchExpressions: {}}')}---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb
spec:
  minAvailable: 1
  selector: {matchExpressions: [null]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
  podSelector: {matchExpressions: {key: app}}
`;
    const ids = wellFormed(checkText(text).diagnostics).map((d) => d.ruleId);
    expect(ids).not.toContain('internal-error');
    expect(ids).toContain('selector-mismatch');
  });

  it('a selector value that is a map with its own toString key does not throw', () => {
    const weird = JSON.parse('{"toString": "x"}') as unknown;
    expect(matchesMapSelector({ app: weird }, { app: 'web' })).toBe(false);
    expect(matchesLabelSelector({ matchLabels: { app: weird } }, { app: 'web' })).toBe(false);
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    app: {toString: x}\n  ports:\n  - port: 80\n';
    expect(wellFormed(checkText(`${deployment('{matchLabels: {app: web}}')}---\n${service}`).diagnostics).map((d) => d.ruleId)).not.toContain('internal-error');
    // ...nor a pod template's label value of that shape
    const weirdLabels = deployment('{matchLabels: {app: web}}').replace('labels: {app: web}', 'labels: {app: {toString: x}}');
    expect(wellFormed(checkText(`${weirdLabels}---\n${service}`).diagnostics).map((d) => d.ruleId)).not.toContain('internal-error');
  });
});

describe('YAML the yaml package composes but cannot turn into a value', () => {
  it('an alias inside its own anchor is a yaml-syntax error, not a stack overflow in schema validation', () => {
    const { diagnostics } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: &d {a: *d}\n', 'm.yaml');
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['yaml-syntax@5:14 this alias is inside the anchor it refers to: a value cannot contain itself']);
    const result = validate(['-'], { readStdin: () => Buffer.from('apiVersion: v1\nkind: List\nitems: &i [*i]\n'), stdinFilename: 'm.yaml' });
    expect(wellFormed(result.diagnostics).map(at)).toEqual(['yaml-syntax@3:12']);
  });

  it('a merge key (<<) whose value is not a mapping is a yaml-syntax error, not "Merge sources must be maps"', () => {
    const cm = (merge: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  <<: ${merge}\n`;
    for (const [merge, where] of [['1', '6:7'], ['[{a: "1"}, x]', '6:18'], ['*nope', '6:7']] as const) {
      const { diagnostics, resources } = parseManifests(cm(merge), 'm.yaml');
      expect(diagnostics.map((d) => `${d.ruleId}@${d.line}:${d.column}`)).toEqual([`yaml-syntax@${where}`]);
      expect(resources).toEqual([]);
    }
    // a good merge still merges
    const good = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nbase: &b {a: "1"}\ndata:\n  <<: *b\n  c: "2"\n', 'm.yaml');
    expect(good.diagnostics).toEqual([]);
    expect(good.resources[0]!.object.data).toEqual({ a: '1', c: '2' });
  });

  it('a value tagged !!merge is a yaml-syntax error, not a JavaScript symbol that breaks the renderer (DataCloneError)', () => {
    const { diagnostics, resources } = parseManifests('apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: !!merge 80\n', 'm.yaml');
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['yaml-syntax@7:19 the merge key << (tag !!merge) can only be a map key']);
    expect(resources).toEqual([]);
    const dir = tempTree({ 'kustomization.yaml': 'resources: [r.yaml]\n', 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: !!merge x\n' });
    const built = render(dir, { cwd: dir }).diagnostics;
    expect(built.map((d) => d.ruleId)).toEqual(['kustomize-build']);
    expect(built[0]!.message).toContain('the merge key << (tag !!merge) can only be a map key');
  });

  it('a list or a map as a key is refused as kubectl refuses it, with no warning on the console', () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const { diagnostics } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ? [a, b]\n  : x\n', 'm.yaml');
      expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['yaml-syntax@6:5 a map key must be a string or number, not a list or a map (kubectl refuses it)']);
    } finally {
      process.off('warning', listen);
    }
    expect(warnings).toEqual([]);
  });

  it('in a kustomization too: render reports the file instead of throwing "Converting circular structure to JSON"', () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources: &r [*r]\n' });
    const rendered = render(dir, { cwd: dir });
    expect(rendered.diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['kustomize-build@1:1 invalid Kustomization: this alias is inside the anchor it refers to: a value cannot contain itself (line 1, column 16)']);
  });
});

describe('nesting deep enough to exhaust the parser\'s stack', () => {
  // The yaml package's parser recurses once per level when a deeply nested block closes: a few
  // thousand levels (9 MB here) overflowed the stack inside the parser, before the depth check.
  const deep = 'x:\n' + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 + 2 * i)}- a:`).join('\n') + '\ny: 1\n';

  it('is nesting-too-deep, not an internal error', () => {
    const { diagnostics } = parseManifests(deep, 'deep.yaml');
    expect(diagnostics.map((d) => `${d.ruleId} ${d.message}`)).toEqual(['nesting-too-deep document 1 nests collections more than 256 levels deep']);
    wellFormed(diagnostics);
  });

  it('is a kustomize-build finding when it is a kustomization, not an exception out of render', () => {
    const dir = tempTree({ 'kustomization.yaml': deep });
    const rendered = render(dir, { cwd: dir });
    expect(rendered.diagnostics.map((d) => d.message)).toEqual(['invalid Kustomization: the file nests collections more than 256 levels deep (line 1, column 1)']);
  });
});

describe('scheduling inputs of any shape', () => {
  const nodes = 'apiVersion: kubeproof.dev/v1alpha1\nkind: NodePool\nmetadata: {name: p}\nspec:\n  count: 2\n  zones: [a, {toString: x}]\n  labels: {pool: {toString: x}}\n  allocatable: {cpu: "2", memory: 4Gi, pods: 10}\n';
  const workload = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: w}}\n    spec:\n${spec}      containers: [{name: c, image: "nginx:1.27"}]\n`;

  it('values that are maps with a toString key (node affinity, nodeSelector, topology keys, zones) are values, not "Cannot convert object to primitive value"', () => {
    const specs = [
      '      nodeSelector: {pool: {toString: x}}\n',
      '      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: {toString: x}, operator: In, values: [{toString: x}]}]}]}}}\n',
      '      topologySpreadConstraints: [{maxSkew: 1, topologyKey: {toString: x}, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: w}}}]\n',
      '      affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: {toString: x}, labelSelector: {matchLabels: {app: w}}}]}}\n',
    ];
    const good = buildInventory(parseManifests(nodes.replace('[a, {toString: x}]', '[a, b]').replace('{pool: {toString: x}}', '{pool: p}'), 'nodes.yaml').resources);
    expect(good.nodes).toHaveLength(2);
    for (const spec of specs) {
      const result = scheduleWorkloads(parseManifests(workload(spec), 'app.yaml').resources, good.nodes, { headroom: true });
      expect(result.report.summary.pods).toBe(2);
    }
    expect(() => buildInventory(parseManifests(nodes, 'nodes.yaml').resources)).not.toThrow();
  });
});

describe('rule messages quoting manifest values of any shape', () => {
  it('a container name, port or probe port that is a map with a toString key is quoted, not "internal error in rule missing-limits"', () => {
    const text = deployment('{matchLabels: {app: web}}').replace('      - name: web\n        image: nginx:1.27\n', '      - name: {toString: x}\n        image: nginx:1.27\n        ports: [{containerPort: 80, protocol: {toString: x}}]\n        readinessProbe: {httpGet: {port: {toString: x}}}\n        securityContext: {privileged: true}\n');
    const ids = wellFormed(checkText(text).diagnostics).map((d) => d.ruleId);
    expect(ids).not.toContain('internal-error');
    expect(ids).toEqual(expect.arrayContaining(['missing-limits', 'missing-requests', 'privileged']));
  });
});

describe('names that are also Object.prototype\'s', () => {
  it('kind: constructor is an unknown kind, not "path is not iterable" in every rule', () => {
    const text = 'apiVersion: example.com/v1\nkind: constructor\nmetadata:\n  name: x\n';
    const ids = wellFormed(checkText(text).diagnostics).map((d) => d.ruleId);
    expect(ids).not.toContain('internal-error');
  });
});

describe('kustomization fields of the wrong shape', () => {
  const resource = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: nginx\n';
  const build = (kustomization: string) => {
    const dir = tempTree({ 'kustomization.yaml': `resources: [r.yaml]\n${kustomization}`, 'r.yaml': resource });
    return render(dir, { cwd: dir }).diagnostics.map((d) => `${at(d)} ${d.message}`);
  };

  it('an empty list entry is an entry with no fields, as kustomize reads it', () => {
    expect(build('patches:\n-\n')).toEqual(['kustomize-build@3:1 must specify one of patch and path in\n{}']);
    expect(build('patchesJson6902:\n-\n')).toHaveLength(1);
    expect(build('replacements:\n-\n')).toEqual(['kustomize-build@3:1 replacement source must be specified']);
    expect(build('replicas:\n-\n')).toHaveLength(1);
    expect(build('configMapGenerator:\n-\n')).toHaveLength(1);
    expect(build('secretGenerator:\n-\n')).toHaveLength(1);
    expect(build('labels:\n-\n')).toEqual([]); // no pairs: nothing to add
  });

  it('replicas for a workload whose spec is not a mapping is a build error, not "Cannot create property \'replicas\' on string"', () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources: [r.yaml]\nreplicas:\n- {name: web, count: 2}\n', 'r.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec: v1\n' });
    expect(render(dir, { cwd: dir }).diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['kustomize-build@3:3 wrong node kind: expected MappingNode but got ScalarNode: node contents:\n"v1"']);
  });

  it('a scalar or list entry is refused at the entry, as kustomize\'s strict decoding refuses it', () => {
    expect(build('patches:\n- 1\n')).toEqual(['kustomize-build@3:3 invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.patches of type types.Patch']);
    expect(build('labels: [[a]]\n')).toEqual(['kustomize-build@2:10 invalid Kustomization: json: cannot unmarshal array into Go struct field Kustomization.labels of type types.Label']);
  });

  it('replacement targets, selectors and field paths of the wrong type are build errors, not TypeErrors', () => {
    // kubectl kustomize (5.5) refuses each while decoding, in these words (a null target makes it panic).
    const refused: [string, string][] = [
      ['{source: {kind: {toString: x}}, targets: []}', 'kustomize-build@3:13 invalid Kustomization: json: cannot unmarshal object into Go struct field SourceSelector.replacements.source.kind of type string'],
      ['{source: {kind: Deployment}, targets: [{select: {name: [a]}, fieldPaths: [spec.replicas]}]}', 'kustomize-build@3:52 invalid Kustomization: json: cannot unmarshal array into Go struct field Selector.replacements.targets.select.name of type string'],
      ['{source: {kind: Deployment, fieldPath: 1}, targets: [{fieldPaths: [spec.replicas]}]}', 'kustomize-build@3:31 invalid Kustomization: json: cannot unmarshal number into Go struct field SourceSelector.replacements.source.fieldPath of type string'],
      ['{source: {kind: Deployment}, targets: [{select: {kind: Deployment}, fieldPaths: 1}]}', 'kustomize-build@3:71 invalid Kustomization: json: cannot unmarshal number into Go struct field TargetSelector.replacements.targets.fieldPaths of type []string'],
      ['{source: {kind: Deployment}, targets: {a: 1}}', 'kustomize-build@3:32 invalid Kustomization: json: cannot unmarshal object into Go struct field ReplacementField.replacements.targets of type []*types.TargetSelector'],
    ];
    for (const [rep, message] of refused) expect(build(`replacements:\n- ${rep}\n`)).toEqual([message]);
    const found = build('replacements:\n- {source: {kind: Deployment}, targets: [null]}\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^kustomize-build@3:3 invalid replacement: /);
  });

  it('JSON 6902 operations that are not mappings, or whose path is not a string, are build errors, not TypeErrors', () => {
    const ops = (text: string) => {
      const dir = tempTree({
        'kustomization.yaml': 'resources: [r.yaml]\npatchesJson6902:\n- target: {group: apps, version: v1, kind: Deployment, name: web}\n  path: ops.yaml\n',
        'r.yaml': resource,
        'ops.yaml': text,
      });
      return render(dir, { cwd: dir }).diagnostics.map((d) => `${at(d)} ${d.message}`);
    };
    expect(ops('- op: remove\n  path: -1\n')).toEqual(['kustomize-build@3:3 unable to apply JSON patch: remove operation: path must be a string']);
    expect(ops('- op: remove\n  path: /metadata/name\n- 2147483647\n')).toEqual(['kustomize-build@3:3 unable to apply JSON patch: each operation must be a mapping']);
    expect(ops('- op: add\n  value: 1\n')).toEqual(['kustomize-build@3:3 unable to apply JSON patch: add operation: operation missing path field']);
    expect(ops('- op: move\n  from: [a]\n  path: /x\n')).toEqual(['kustomize-build@3:3 unable to apply JSON patch: move operation: from must be a string']);
  });

  it('a strategic merge patch giving a list field a map or a scalar fails as kustomize fails, not with "p.find is not a function"', () => {
    const patched = (value: string) => {
      const dir = tempTree({
        'kustomization.yaml': `resources: [r.yaml]\npatches:\n- patch: |\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: web}\n    spec:\n      template:\n        spec:\n          containers: ${value}\n`,
        'r.yaml': resource,
      });
      return render(dir, { cwd: dir }).diagnostics.map((d) => `${at(d)} ${d.message}`);
    };
    // kubectl kustomize (5.5): "wrong node kind: expected SequenceNode but got MappingNode: node contents: ..."
    expect(patched('{name: c}')).toEqual(['kustomize-build@3:3 wrong node kind: expected SequenceNode but got MappingNode: node contents:\n{"name":"c"}']);
    expect(patched('5')).toEqual(['kustomize-build@3:3 wrong node kind: expected SequenceNode but got ScalarNode: node contents:\n5']);
  });

  it('patch targets of the wrong shape are refused with kustomize\'s strict-decoding messages, not "selector.match is not a function"', () => {
    expect(build('patches:\n- target: {kind: Deployment, labelSelector: [a]}\n  patch: "[]"\n')).toEqual(['kustomize-build@3:30 invalid Kustomization: json: cannot unmarshal array into Go struct field Selector.patches.target.labelSelector of type string']);
    expect(build('patchesJson6902:\n- target: {version: 1.5}\n  patch: "[]"\n')).toEqual(['kustomize-build@3:12 invalid Kustomization: json: cannot unmarshal number into Go struct field Selector.patchesJson6902.target.version of type string']);
    expect(build('patches:\n- target: [1]\n  patch: "[]"\n')).toEqual(['kustomize-build@3:3 invalid Kustomization: json: cannot unmarshal array into Go struct field Patch.patches.target of type types.Selector']);
    // a pattern that does not compile: kustomize says "error parsing regexp: missing closing ): `^(?:a(b)$`"
    expect(build('patches:\n- target: {kind: Deployment, name: "a(b"}\n  patch: "[]"\n')).toEqual(['kustomize-build@3:30 error parsing regexp: unterminated group: `^(?:a(b)$`']);
    // too large to compile: V8 finds that only when the pattern is first used
    const [huge] = build(`patches:\n- target: {kind: Deployment, name: "${'line'.repeat(100_000)}"}\n  patch: "[]"\n`);
    expect(huge).toMatch(/^kustomize-build@3:30 error parsing regexp: regular expression too large: `\^\(\?:(line)+…\)\$`$/);
  });

  it('a patch whose apiVersion, kind or name is a map with a toString key is reported, not "Cannot convert object to primitive value"', () => {
    for (const field of ['apiVersion: {toString: {}}\nkind: Deployment\nmetadata: {name: web}', 'apiVersion: apps/v1\nkind: {toString: x}\nmetadata: {name: web}', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {toString: x}}']) {
      const dir = tempTree({ 'kustomization.yaml': 'resources: [r.yaml]\npatches:\n- path: p.yaml\n', 'r.yaml': resource, 'p.yaml': `${field}\nspec:\n  replicas: 9\n` });
      const found = render(dir, { cwd: dir }).diagnostics;
      expect(found).toHaveLength(1);
      expect(found[0]!.ruleId).toBe('kustomize-build');
    }
    // ...nor a commonLabels value of that shape (kustomize would print the map; here it is text)
    expect(() => build('commonLabels: {team: {toString: x}}\n')).not.toThrow();
  });

  it('...and the command line reports them with exit code 1, no internal error', async () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources: [r.yaml]\npatches:\n-\nlabels:\n-\n', 'r.yaml': resource });
    const r = await runCli(['render', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('speed on large maps', () => {

  it('finds duplicate keys in one pass: a ConfigMap of 20 000 keys parses in well under a second (was 6 s)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  key-${i}: "v"`);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n${keys.join('\n')}\n  key-7: "again"\n`;
    let diagnostics: Diagnostic[] = [];
    expect(cpuMs(() => (diagnostics = parseManifests(text, 'big.yaml').diagnostics))).toBeLessThan(1500);
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['duplicate-key@20006:3 duplicate key "key-7": it is already set on line 13 of this mapping, and kubectl refuses a key given twice; remove or rename one of them (yaml: Map keys must be unique)']);
  });

  it('finds each of 3 000 duplicate keys without searching the document again for each (was 26 s)', () => {
    const keys = Array.from({ length: 3_000 }, (_, i) => `k${i}: &k${i} {a: 1}`).join('\n');
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${keys}\n${keys}\n`;
    let diagnostics: Diagnostic[] = [];
    expect(cpuMs(() => (diagnostics = parseManifests(text, 'dup.yaml').diagnostics))).toBeLessThan(1500);
    expect(diagnostics).toHaveLength(3_000);
    expect(at(diagnostics[2_999]!)).toBe('duplicate-key@6004:1');
  });

  it('refuses a scalar larger than any object the API server takes before composing it: a 27 MB quoted string took 5 s', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  big: "${'\\0a'.repeat(2_000_000)}"\n`;
    let diagnostics: Diagnostic[] = [];
    expect(cpuMs(() => (diagnostics = parseManifests(text, 'big.yaml').diagnostics))).toBeLessThan(1500);
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`)).toEqual(['scalar-too-large@6:8 document 1 holds a scalar of 5.7 MiB, over the 4 MiB limit: the API server accepts at most 3 MiB per object']);
    const dir = tempTree({ 'kustomization.yaml': `namePrefix: "${'x'.repeat(5 * 1024 * 1024)}"\n` });
    expect(render(dir, { cwd: dir }).diagnostics.map((d) => d.message)).toEqual(['invalid Kustomization: the file holds a scalar of 5.0 MiB, over the 4 MiB limit: the API server accepts at most 3 MiB per object (line 1, column 1)']);
  });

  it('locates 5,000 findings in one map of 5,000 keys without scanning the map for each (was 2.7 s)', () => {
    const keys = Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`).join(', ');
    const bytes = Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, ${keys}}\n`);
    let diagnostics: Diagnostic[] = [];
    expect(cpuMs(() => (diagnostics = validate(['-'], { readStdin: () => bytes, stdinFilename: 'm.yaml' }).diagnostics))).toBeLessThan(1500);
    expect(diagnostics).toHaveLength(5_000);
    expect(diagnostics.map((d) => `${at(d)} ${d.message}`).slice(-1)).toEqual([`unknown-field@3:${bytes.toString().split('\n')[2]!.indexOf('k4999') + 1} unknown field "metadata.k4999"`]);
  });

  it('gathers the schema errors of a long list in linear time: 30,000 bad Service ports (ajv\'s concat was quadratic)', () => {
    const run = (n: number) => {
      const ports = Array.from({ length: n }, (_, i) => i).join(', ');
      const bytes = Buffer.from(`apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [${ports}]\n`);
      let diagnostics: Diagnostic[] = [];
      const ms = cpuMs(() => (diagnostics = validate(['-'], { readStdin: () => bytes, stdinFilename: 'm.yaml' }).diagnostics));
      expect(diagnostics.filter((d) => d.ruleId === 'invalid-type')).toHaveLength(n);
      return ms;
    };
    run(3_000); // the Service validator compiled, the paths warm
    const quarter = run(7_500);
    const whole = run(30_000);
    // Four times the ports: about four times the time when linear, sixteen when quadratic. A ratio rather
    // than a budget: a loaded machine slows both runs alike (a 2 s budget failed at load average 10-15).
    expect(whole / quarter).toBeLessThan(8);
    expect(whole).toBeLessThan(20_000);
  });

  it('does not spend its time on stack traces of the parser\'s errors: 20 000 unclosed flow sequences', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: ${'[a, '.repeat(20_000)}\n`;
    let diagnostics: Diagnostic[] = [];
    const ms = cpuMs(() => (diagnostics = parseManifests(text, 'broken.yaml').diagnostics));
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['nesting-too-deep']);
    expect(ms).toBeLessThan(1500);
  });
});

describe('the seed corpus', () => {
  it('is where the seeds say it is', () => {
    expect(fs.existsSync(path.join(import.meta.dirname, '..', '..', 'overlays-example', 'nodes.yaml'))).toBe(true);
  });
});
