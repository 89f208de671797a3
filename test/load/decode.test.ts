import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/index.js';
import { firstInvalidUtf8 } from '../../src/load/decode.js';

const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  city: "Zürich"\n';

describe('decoding', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    for (const bytes of [Buffer.from(cm), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(cm)])]) {
      const { resources, diagnostics } = loadBytes(bytes, 'c.yaml');
      expect(diagnostics).toEqual([]);
      expect(resources[0]!.object.data).toEqual({ city: 'Zürich' });
      expect(resources[0]!.source.locate('/kind').value).toMatchObject({ line: 2, column: 7 });
    }
  });

  it('reads UTF-16 with a byte order mark, both byte orders', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(cm, 'utf16le')]);
    const be = Buffer.from(le.subarray(0));
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    for (const bytes of [le, be]) {
      const { resources, diagnostics } = loadBytes(bytes, 'c.yaml');
      expect(diagnostics).toEqual([]);
      expect(resources[0]!.object.data).toEqual({ city: 'Zürich' });
    }
  });

  it('reports the first invalid UTF-8 byte with its line and column', () => {
    const bytes = Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: M\xfcnchen\n', 'latin1');
    const { resources, diagnostics } = loadBytes(bytes, 'latin1.yaml');
    expect(resources).toEqual([]);
    expect(diagnostics).toEqual([
      {
        ruleId: 'invalid-encoding', severity: 'error', file: 'latin1.yaml', path: '',
        message: 'invalid UTF-8: byte 0xfc at byte offset 50; save the file as UTF-8',
        line: 4, column: 10, endLine: 4, endColumn: 11,
      },
    ]);
  });

  it('reports binary files at their first NUL byte', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]); // a PNG header
    const { diagnostics } = loadBytes(bytes, 'image.yaml');
    expect(diagnostics.map((d) => [d.ruleId, d.message, d.line, d.column])).toEqual([['binary-file', 'binary file: NUL byte at byte offset 8; not YAML or JSON', 3, 1]]);
  });

  it('finds the offset of malformed sequences the way a strict decoder does', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3]))).toBe(1); // truncated
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98, 0x80, 0xff]))).toBe(4);
  });

  it('turns an unexpected exception into an internal-error diagnostic for that file only', () => {
    const { diagnostics } = loadBytes(Buffer.from(cm), 'c.yaml', { maxDepth: Number.NaN });
    // NaN depth is never exceeded, so this must load normally: the guard is about real crashes.
    expect(diagnostics).toEqual([]);
  });
});
