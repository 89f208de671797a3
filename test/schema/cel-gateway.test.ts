/**
 * Gateway API's CRDs carry about a hundred CEL rules: its examples and conformance manifests must
 * pass them (the API server accepts them), and manifests written to break them must be caught,
 * (its conformance manifests pass too: 483 custom resources, checked by hand, too slow for the suite),
 * with the CRD's own message. Reads ../shared/realworld/gateway-api; skipped when it is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

const GATEWAY = path.join(REPO_ROOT, '..', 'shared', 'realworld', 'gateway-api');
const present = fs.existsSync(path.join(GATEWAY, 'config', 'crd'));

const celProblems = (paths: string[], crds: string) =>
  validate(paths, { crdPaths: [path.join(GATEWAY, 'config', 'crd', crds)] }).diagnostics.filter(
    (d) => (d.ruleId === 'validation-rule' || d.ruleId === 'invalid-crd') && d.severity === 'error',
  );

/** Manifests written to break Gateway API's rules, each with the finding it must give. */
function brokenManifests(): { dir: string; expected: [string, RegExp][] } {
  const gateway = (listeners: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: example
  listeners:
${listeners}`;
  const route = (rules: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw}]
  rules:
${rules}`;
  const dir = tempTree({
    'tcp-hostname.yaml': gateway('    - {name: tcp, protocol: TCP, port: 9000, hostname: example.com}'),
    'http-tls.yaml': gateway('    - name: http\n      protocol: HTTP\n      port: 80\n      tls: {certificateRefs: [{name: cert}]}'),
    'same-port.yaml': gateway('    - {name: a, protocol: HTTP, port: 80}\n    - {name: b, protocol: HTTP, port: 80}'),
    'portless.yaml': route('    - backendRefs: [{name: svc}]'),
    'repeated-filter.yaml': route(
      '    - filters:\n        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: a, value: b}]}}\n        - {type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: c, value: d}]}}',
    ),
    'wrong-field.yaml': route('    - filters:\n        - {type: RequestHeaderModifier, requestRedirect: {statusCode: 301}}'),
    'double-slash.yaml': route('    - matches: [{path: {type: PathPrefix, value: /a//b}}]\n      backendRefs: [{name: svc, port: 80}]'),
  });
  const expected: [string, RegExp][] = [
    ['tcp-hostname.yaml:6', /^spec\.listeners: Invalid value: "array": hostname must not be specified for protocols \['TCP', 'UDP'\]$/],
    ['http-tls.yaml:6', /^spec\.listeners: Invalid value: "array": tls must not be specified for protocols \['HTTP', 'TCP', 'UDP'\]$/],
    ['same-port.yaml:6', /^spec\.listeners: Invalid value: "array": Combination of port, protocol and hostname must be unique for each listener$/],
    ['portless.yaml:7', /^spec\.rules\[0\]\.backendRefs\[0\]: Invalid value: "object": Must have port for Service reference$/],
    ['repeated-filter.yaml:7', /^spec\.rules\[0\]\.filters: Invalid value: "array": RequestHeaderModifier filter cannot be repeated$/],
    ['wrong-field.yaml:8', /^spec\.rules\[0\]\.filters\[0\]: Invalid value: "object": filter\.requestHeaderModifier must be specified for RequestHeaderModifier filter\.type$/],
    ['wrong-field.yaml:8', /^spec\.rules\[0\]\.filters\[0\]: Invalid value: "object": filter\.requestRedirect must be nil if the filter\.type is not RequestRedirect$/],
    ['double-slash.yaml:7', /^spec\.rules\[0\]\.matches\[0\]\.path: Invalid value: "object": must not contain '\/\/' when type one of \['Exact', 'PathPrefix'\]$/],
  ];
  return { dir, expected };
}

// One validate run per CRD set: compiling Gateway API's CRD schemas is most of the time.
describe.skipIf(!present)('Gateway API CEL rules (realworld)', () => {
  it('standard CRDs: they compile, the standard examples pass every rule, and broken manifests are caught with the CRD\'s message at the field', () => {
    const { dir, expected } = brokenManifests();
    const problems = celProblems([path.join(GATEWAY, 'examples', 'standard'), path.join(GATEWAY, 'config', 'crd', 'standard'), dir], 'standard');
    expect(problems.filter((d) => !d.file.startsWith(dir))).toEqual([]);
    const found = problems.map((d) => `${path.basename(d.file)}:${d.line} ${d.message}`);
    for (const [where, message] of expected) {
      expect(found.some((f) => f.startsWith(`${where} `) && message.test(f.slice(where.length + 1))), `${where} ${message}\n${found.join('\n')}`).toBe(true);
    }
    expect(found).toHaveLength(expected.length);
  });

  it('experimental CRDs: they compile and the experimental examples pass every rule', () => {
    expect(celProblems([path.join(GATEWAY, 'examples', 'experimental'), path.join(GATEWAY, 'config', 'crd', 'experimental')], 'experimental')).toEqual([]);
  });
});
