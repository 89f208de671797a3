import { describe, expect, it } from 'vitest';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isLabelKey, isLabelValue, isPathSegmentName, isPortName } from '../../src/schema/checks/names.js';
import { closest, distance } from '../../src/schema/suggest.js';

describe('names', () => {
  it('follows RFC 1123 subdomains and labels, RFC 1035 labels', () => {
    expect(isDNS1123Subdomain('my.app-1')).toEqual([]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toContain('must be no more than 253 bytes');
    expect(isDNS1123Label('my-app')).toEqual([]);
    expect(isDNS1123Label('my.app')).toEqual(['must not contain dots']);
    expect(isDNS1123Label('1abc')).toEqual([]);
    expect(isDNS1035Label('1abc')).toHaveLength(1);
    expect(isDNS1035Label('abc-1')).toEqual([]);
  });
  it('checks IANA service names for ports', () => {
    expect(isPortName('http')).toEqual([]);
    expect(isPortName('h2c-1')).toEqual([]);
    expect(isPortName('HTTP')).toEqual(['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
  });
  it('checks label keys and values', () => {
    expect(isLabelKey('app.kubernetes.io/name')).toEqual([]);
    expect(isLabelKey('Name_1.x')).toEqual([]);
    expect(isLabelValue('')).toEqual([]);
    expect(isLabelValue('v1.2_3-a')).toEqual([]);
    expect(isLabelValue('-x')).toHaveLength(1);
  });
  it('checks RBAC path segment names', () => {
    expect(isPathSegmentName('system:controller:x')).toEqual([]);
    expect(isPathSegmentName('..')).toEqual(["may not be '..'"]);
    expect(isPathSegmentName('a/b%')).toEqual(["may not contain '/'", "may not contain '%'"]);
  });
});

describe('did you mean', () => {
  it('finds names within two edits, transpositions included', () => {
    expect(distance('imagePullPolcy', 'imagePullPolicy')).toBe(1);
    expect(distance('lables', 'labels')).toBe(1);
    expect(closest('replica', ['replicas', 'selector'])).toBe('replicas');
    expect(closest('completelyUnrelated', ['replicas', 'selector'])).toBeUndefined();
  });
});

describe('annotation size', () => {
  it('refuses more than 256 KiB of annotations in one object, at the annotations', async () => {
    const { parse } = await import('../helpers.js');
    const { validateSchemas } = await import('../../src/schema/index.js');
    const big = 'x'.repeat(140 * 1024);
    const { resources } = parse(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    a: "${big}"\n    b: "${big}"\n`);
    const findings = validateSchemas(resources);
    expect(findings.map((d) => [d.ruleId, d.message, d.line, d.column])).toEqual([['invalid-annotation', 'metadata.annotations: Too long: may not be more than 262144 bytes', 5, 3]]);
  });
});

describe('ConfigMap and Secret size (ValidateConfigMap, ValidateSecret)', () => {
  const MiB = 1024 * 1024;
  const run = async (text: string) => {
    const { parse } = await import('../helpers.js');
    const { validateSchemas } = await import('../../src/schema/index.js');
    return validateSchemas(parse(text).resources).map((d) => `${d.ruleId}@${d.line}:${d.column} ${d.message}`);
  };
  const b64 = (bytes: number) => Buffer.alloc(bytes, 'k').toString('base64');

  it('refuses a ConfigMap over 1 MiB, data and binaryData together, naming the whole object as the API server does', async () => {
    expect(await run(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "${'x'.repeat(MiB - 10)}"\nbinaryData:\n  b: ${b64(11)}\n`)).toEqual(['invalid-value@4:1 []: Too long: may not be more than 1048576 bytes']);
    expect(await run(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "${'x'.repeat(MiB - 10)}"\nbinaryData:\n  b: ${b64(10)}\n`)).toEqual([]);
    // UTF-8 bytes, not characters.
    expect(await run(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: "${'é'.repeat(MiB / 2 + 1)}"\n`)).toEqual(['invalid-value@4:1 []: Too long: may not be more than 1048576 bytes']);
    expect(await run(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData:\n  b: ${b64(MiB + 1)}\n`)).toEqual(['invalid-value@4:1 []: Too long: may not be more than 1048576 bytes']);
  });

  it('refuses a Secret whose decoded data is over 1 MiB, stringData overwriting data key by key, at data, quoting nothing', async () => {
    expect(await run(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: ${b64(MiB + 1)}\n`)).toEqual(['invalid-value@4:1 data: Too long: may not be more than 1048576 bytes']);
    // Base64 text over 1 MiB that decodes to less is fine: the API server counts decoded bytes.
    expect(await run(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: ${b64(MiB)}\n`)).toEqual([]);
    expect(await run(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: "${'x'.repeat(MiB)}"\n  b: "y"\n`)).toEqual(['invalid-value@4:1 data: Too long: may not be more than 1048576 bytes']);
    // stringData.a replaces data.a: counted once.
    expect(await run(`apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: ${b64(MiB)}\nstringData:\n  a: "small"\n`)).toEqual([]);
  });
});
