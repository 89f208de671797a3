/**
 * The two lines of defence of core/redact.ts, each on its own: the first (messages that never
 * quote a secret) checked on the stages' raw output, before any scrub; the second (the scrub of
 * remembered values) on messages built to leak.
 */
import * as path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetSecrets,
  isSecretValuePath,
  LAST_APPLIED,
  mayShowSecret,
  MIN_SCRUBBED_LENGTH,
  REDACTED,
  REDACTED_BASE64,
  redactDiagnostics,
  redactSecretObject,
  redactSecrets,
  rememberSecretValues,
  secretValuesOf,
  type Diagnostic,
  type Resource,
} from '../../src/core/index.js';
import { parseManifests, parsePlainDocuments } from '../../src/load/index.js';
import { buildKustomization } from '../../src/render/build.js';
import { DEFAULT_KUBERNETES_VERSION, validateSchemas } from '../../src/schema/index.js';
import { tempTree } from '../helpers.js';
import { b64, canary, expectNoLeak } from './canary.js';

const S = canary('redact/S');
const S2 = canary('redact/S2');
const id = (kind: string) => ({ apiVersion: 'v1', kind, name: 'x' });
const diagnostic = (message: string): Diagnostic => ({ ruleId: 'r', severity: 'error', message, file: 'f.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, path: '' });
const resource = (object: Record<string, unknown>): Resource => ({ id: id(String(object.kind)), object, source: { file: 'f.yaml', docIndex: 0, locate: () => ({ value: { line: 1, column: 1, endLine: 1, endColumn: 1 }, exact: false }) } });

beforeEach(() => forgetSecrets());

describe('which values are secret', () => {
  it('a Secret\'s data, stringData and last-applied annotation, and what is under them', () => {
    const lastApplied = `/metadata/annotations/${LAST_APPLIED.replace('/', '~1')}`;
    for (const p of ['/data', '/data/token', '/stringData', '/stringData/a/b', lastApplied]) expect(isSecretValuePath(id('Secret'), p), p).toBe(true);
    for (const p of ['', '/metadata', '/metadata/name', '/type', '/dataX', '/immutable', '/metadata/annotations']) expect(isSecretValuePath(id('Secret'), p), p).toBe(false);
    for (const p of ['/data', '/data/token', '/binaryData/x']) expect(isSecretValuePath(id('ConfigMap'), p), p).toBe(false);
  });

  it('and the maps holding them, but not a key shown at a parent\'s pointer', () => {
    expect(mayShowSecret(id('Secret'), '', { data: {} })).toBe(true);
    expect(mayShowSecret(id('Secret'), '/metadata', { annotations: {} })).toBe(true);
    expect(mayShowSecret(id('Secret'), '/metadata/annotations', { k: 'v' })).toBe(true);
    expect(mayShowSecret(id('Secret'), '/metadata/annotations', 'bad key!')).toBe(false); // an annotation key, shown at the map
    expect(mayShowSecret(id('Secret'), '/data/x', 5)).toBe(true);
    expect(mayShowSecret(id('Secret'), '/type', 5)).toBe(false);
    expect(mayShowSecret(id('ConfigMap'), '', { data: {} })).toBe(false);
  });
});

describe('redactSecretObject (render --redact-secrets)', () => {
  it('masks every value, keeps keys and the rest, and leaves the input alone', () => {
    const object = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', annotations: { [LAST_APPLIED]: S, keep: 'me' } }, type: 'Opaque', data: { a: b64(S), b: '' }, stringData: { c: S2 } };
    const before = structuredClone(object);
    expect(redactSecretObject(object)).toEqual({ ...object, metadata: { name: 's', annotations: { [LAST_APPLIED]: REDACTED, keep: 'me' } }, data: { a: REDACTED_BASE64, b: REDACTED_BASE64 }, stringData: { c: REDACTED } });
    expect(object).toEqual(before);
    expect(redactSecretObject({ kind: 'Secret', data: S, stringData: [S2] })).toEqual({ kind: 'Secret', data: REDACTED_BASE64, stringData: REDACTED });
  });

  it('leaves anything but a Secret as it is', () => {
    const cm = { kind: 'ConfigMap', data: { a: S } };
    expect(redactSecretObject(cm)).toBe(cm);
  });
});

describe('the second line: scrubbing remembered values', () => {
  it('knows a Secret\'s values as written, decoded, JSON-escaped and cut at 80 characters', () => {
    const long = `${S}-${'x'.repeat(100)}`;
    const values = secretValuesOf({ kind: 'Secret', data: { a: b64(S), wrapped: b64(long).replace(/(.{70})/g, '$1\n') }, stringData: { q: `say "${S2}"`, n: 12345678, m: { deep: [S2] } } });
    expect(values).toEqual(expect.arrayContaining([b64(S), S, long, long.slice(0, 80), `say "${S2}"`, `say \\"${S2}\\"`, '12345678', S2]));
  });

  it('replaces each one, longest first, in messages, and nothing else', () => {
    const secret = resource({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { a: b64(S) }, stringData: { b: S2, c: `${S2}-longer` } });
    const input = [diagnostic(`value "${S}" (${b64(S)}) and ${S2}-longer, ${S2}`), diagnostic('nothing secret here')];
    const out = redactDiagnostics(input, [secret]);
    expect(out.map((d) => d.message)).toEqual([`value "${REDACTED}" (${REDACTED}) and ${REDACTED}, ${REDACTED}`, 'nothing secret here']);
    expect(out[1]).toBe(input[1]);
    expect(input[0]!.message).toContain(S); // the input is not changed
  });

  it('drops a quick fix that would show or write a remembered value (json and sarif print its edits), keeps the others', () => {
    const secret = resource({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { b: S2 } });
    const edit = (newText: string) => ({ file: 'a.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, newText });
    const leaking = { ...diagnostic('m'), suggestion: { title: 'Quote it', edits: [edit(`"${S2}"`)] } };
    const safe = { ...diagnostic('m'), suggestion: { title: 'Quote it', edits: [edit('"')] } };
    const out = redactDiagnostics([leaking, safe], [secret]);
    expect(out[0]).not.toHaveProperty('suggestion');
    expect(out[1]).toBe(safe);
  });

  it('returns the very same list when nothing is secret, and skips values too short to scrub safely', () => {
    const input = [diagnostic('replicas: Invalid value: "abc"')];
    expect(redactDiagnostics(input, [resource({ kind: 'ConfigMap', data: { a: 'abc' } })])).toBe(input);
    expect(redactDiagnostics(input, [resource({ kind: 'Secret', stringData: { a: 'abc' } })])).toBe(input);
    expect('abc'.length).toBeLessThan(MIN_SCRUBBED_LENGTH);
  });

  it('remembers a very long value by what a message can show of it', () => {
    const huge = `${S}${'y'.repeat(10_000)}`;
    rememberSecretValues([huge]);
    expect(redactSecrets(`Invalid value: "${huge.slice(0, 80)}…"`)).toBe(`Invalid value: "${REDACTED}…"`);
  });

  it('remembers values across runs, for exceptions that end a run before its findings are scrubbed', () => {
    rememberSecretValues([S]);
    expect(redactSecrets(`TypeError: bad ${S}\n    at f (x.js:1:2)`)).toBe(`TypeError: bad ${REDACTED}\n    at f (x.js:1:2)`);
    forgetSecrets();
    expect(redactSecrets(`bad ${S}`)).toBe(`bad ${S}`);
  });

  it('stays cheap: thousands of Secrets, thousands of findings', () => {
    const secrets = Array.from({ length: 2000 }, (_, i) => resource({ kind: 'Secret', data: { a: b64(`${S}-${i}`) }, stringData: { b: `${S2}-${i}` } }));
    const findings = Array.from({ length: 5000 }, (_, i) => diagnostic(`spec.template.spec.containers[0].image: Invalid value: "nginx:${i}": a message of ordinary length, nothing secret`));
    const started = performance.now();
    const out = redactDiagnostics(findings, secrets);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(out).toBe(findings);
    expect(redactSecrets(`x ${S2}-1999 y`)).toBe(`x ${REDACTED} y`);
  });
});

describe('field names are never redacted (issue 17)', () => {
  it('a Secret value that equals a field name leaves the field path of another object\'s finding whole', () => {
    rememberSecretValues(['volumes', 'secret-pool']);
    const finding: Diagnostic = { ...diagnostic('spec.volumes[0].rbd.pool: Invalid value: "secret-pool": unknown field "spec.volumes[0].rbd.pool"'), path: '/spec/volumes/0/rbd/pool' };
    const [scrubbed] = redactDiagnostics([finding], []);
    expect(scrubbed!.message).toBe(`spec.volumes[0].rbd.pool: Invalid value: "${REDACTED}": unknown field "spec.volumes[0].rbd.pool"`);
    expect(scrubbed!.path).toBe('/spec/volumes/0/rbd/pool');
  });
});

describe('the first line: the stages never quote a secret, before any scrub', () => {
  it('schema findings on a Secret', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: "${S}!"\n  b: [${S2}]\nstringData:\n  c: {d: ${S2}}\n`;
    const { resources } = parseManifests(text, 's.yaml');
    forgetSecrets(); // parsing remembered the values: forget them, so that only the messages themselves are tested
    const found = validateSchemas(resources);
    expect(found.length).toBeGreaterThanOrEqual(3);
    expectNoLeak(JSON.stringify(found), [S, S2], 'validateSchemas');
  });

  it('YAML problems in a Secret, a kustomization and a patch', () => {
    const secret = parseManifests(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: !${S} x\n  b: "\\U${S2}"\n`, 's.yaml').diagnostics;
    const alias = parseManifests(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: *${S}\n`, 's.yaml').diagnostics;
    const kustomization = parsePlainDocuments(`secretGenerator:\n- name: s\n  literals: ["a=\\U${S}"]\n`, 'kustomization.yaml').diagnostics;
    const aliasInKustomization = parsePlainDocuments(`secretGenerator:\n- name: s\n  literals: [*${S}]\n`, 'kustomization.yaml').diagnostics;
    expectNoLeak(JSON.stringify([secret, alias, kustomization, aliasInKustomization]), [S, S2], 'parse messages');
    const messages = (ds: readonly Diagnostic[]) => ds.map((d) => `${d.ruleId}: ${d.message}`);
    const badEscape = 'this backslash does not start an escape sequence YAML knows: inside double quotes write a backslash as `\\\\`, or use single quotes, inside which a backslash is an ordinary character (yaml: Invalid escape sequence ' + REDACTED + ')';
    expect(messages(secret)).toEqual([`yaml-syntax: ${badEscape}`]);
    expect(messages(alias)).toEqual([`yaml-syntax: Unresolved alias (the anchor must be set before the alias): ${REDACTED}`]);
    expect(messages(kustomization)).toEqual([`yaml-syntax: ${badEscape}`]);
    expect(messages(aliasInKustomization)).toEqual([`yaml-syntax: Unresolved alias (the anchor must be set before the alias): ${REDACTED}`]);
  });

  it('kustomize build errors (BuildError messages as thrown)', () => {
    const builds: Record<string, string>[] = [
      { 'kustomization.yaml': `secretGenerator:\n- name: s\n  literals: [a=${S}, ${S2}]\n` },
      { 'kustomization.yaml': `resources: [s.yaml]\npatches:\n- patch: |\n    apiVersion: v1\n    kind: Secret\n    metadata: {name: s}\n    data: ${S2}\n`, 's.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: ${b64(S)}}\n` },
      { 'kustomization.yaml': `resources: [s.yaml]\npatches:\n- patch: |\n    - {op: add, path: /data/b, value: ${S2}}\n`, 's.yaml': `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: ${b64(S)}}\n` },
    ];
    for (const files of builds) {
      const dir = tempTree(files);
      let message = '';
      try {
        buildKustomization(path.join(dir), { kubernetesVersion: DEFAULT_KUBERNETES_VERSION });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toContain(REDACTED);
      expectNoLeak(message, [S, S2], 'BuildError');
    }
  });
});

describe('remembering the Secrets of a large input', () => {
  it('forgets the oldest values past the limit in time linear in their number, however many share a prefix', () => {
    // A 200 MB file holds 38,000 Secrets whose URLs all start `pos`: forgetting one scanned all of them.
    const values = Array.from({ length: 150_000 }, (_, i) => `postgres://app-${i}@db.internal:5432/app_${i}`);
    const start = process.cpuUsage();
    rememberSecretValues(values);
    const used = process.cpuUsage(start);
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
    expect(redactSecrets(`url ${values[149_999]} here`)).toBe(`url ${REDACTED} here`);
    expect(redactSecrets(`url ${values[0]} here`)).toBe(`url ${values[0]} here`); // forgotten: only the newest 100,000 forms are kept
  });
});
