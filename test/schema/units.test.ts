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
