/**
 * Real CRDs and the examples their projects ship as valid (../shared/realworld, skipped when
 * absent): no false error from Go patterns, combinators or defaults. Gateway API's spec.addresses
 * (oneOf branches naming only some properties, `type` defaulting to IPAddress) and its patterns
 * are the cases that once gave false errors. CEL rules are not evaluated by the schema stage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { parseManifests } from '../../src/load/index.js';
import { crdVersions } from '../../src/schema/crd.js';
import { DEFAULT_KUBERNETES_VERSION, loadBundle } from '../../src/schema/index.js';
import { REPO_ROOT } from '../helpers.js';

const REALWORLD = path.join(REPO_ROOT, '..', 'shared', 'realworld');
const GATEWAY = path.join(REALWORLD, 'gateway-api');

const errors = (paths: string[], crdPaths: string[]) =>
  validate(paths, { crdPaths, rules: false })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${path.relative(REALWORLD, d.file)}:${d.line} ${d.ruleId} ${d.message}`);

describe.skipIf(!fs.existsSync(GATEWAY))('Gateway API', () => {
  // One run for both (compiling the CRDs is most of its time): the standard examples give no error;
  // conformance/tests/gateway-static-addresses.yaml holds placeholders its test suite substitutes,
  // no IP addresses while `type` defaults to IPAddress, each refused once.
  it('validates the standard examples against the standard CRDs without an error, and still refuses a non-IP IPAddress', () => {
    const found = errors([path.join(GATEWAY, 'examples/standard'), path.join(GATEWAY, 'conformance/tests/gateway-static-addresses.yaml')], [path.join(GATEWAY, 'config/crd/standard')]);
    expect(found).toEqual([
      'gateway-api/conformance/tests/gateway-static-addresses.yaml:20 invalid-value <nil>: Invalid value: "": "spec.addresses[1]" must validate one and only one schema (oneOf). Found none valid',
      'gateway-api/conformance/tests/gateway-static-addresses.yaml:23 invalid-value <nil>: Invalid value: "": "spec.addresses[2]" must validate one and only one schema (oneOf). Found none valid',
    ]);
  });

  it('validates the experimental examples against the experimental CRDs without an error', () => {
    expect(errors([path.join(GATEWAY, 'examples/experimental')], [path.join(GATEWAY, 'config/crd/experimental')])).toEqual([]);
  });
});

describe.skipIf(!fs.existsSync(REALWORLD))('CRDs of cluster-api and kubebuilder', () => {
  const files = ['cluster-api', 'kubebuilder'].flatMap((p) =>
    fs.existsSync(path.join(REALWORLD, p))
      ? fs
          .readdirSync(path.join(REALWORLD, p), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.includes(path.join('config', 'crd', 'bases') + path.sep) && f.endsWith('.yaml'))
          .map((f) => path.join(REALWORLD, p, f))
      : [],
  );

  // Every pattern through Go's parser and every keyword through the CRD checks, without paying
  // for Ajv's compile of 4 MB of schemas (the Gateway API cases above compile theirs).
  it('hold no pattern or keyword the CRD checks refuse', () => {
    const bundle = loadBundle(DEFAULT_KUBERNETES_VERSION);
    const problems = files.flatMap((file) =>
      parseManifests(fs.readFileSync(file, 'utf8'), file)
        .resources.flatMap((crd) => crdVersions(crd, bundle))
        .flatMap((v) => v.problems.map((p) => `${path.relative(REALWORLD, file)} ${p.message}`)),
    );
    expect(files.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
