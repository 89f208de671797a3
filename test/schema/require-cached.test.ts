/** Loading generated modules as the build stores them: as they are, or brotli-compressed beside. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { requireCached } from '../../src/schema/require-cached.js';
import { REPO_ROOT, tempTree } from '../helpers.js';

const moduleText = (value: string) => `const path = require('node:path');\nmodule.exports = { value: ${JSON.stringify(value)}, dir: __dirname, joined: path.join('a', 'b') };\n`;

describe('requireCached', () => {
  it('loads a module stored compressed as <file>.br, with its own require and __dirname', () => {
    const dir = tempTree({ 'm.cjs.br': zlib.brotliCompressSync(moduleText('compressed')) });
    expect(requireCached(path.join(dir, 'm.cjs'))).toEqual({ value: 'compressed', dir, joined: path.join('a', 'b') });
  });

  it("gives a validator ajv-formats' formats without looking in node_modules (there is none beside this one)", () => {
    const dir = tempTree({ 'v.cjs': "module.exports = require('ajv-formats/dist/formats');\n" });
    const formats = requireCached(path.join(dir, 'v.cjs')) as { fullFormats?: Record<string, unknown> };
    expect(Object.keys(formats.fullFormats ?? {})).toContain('date-time');
  });

  it('prefers the module as it is over a compressed copy', () => {
    const dir = tempTree({ 'm.cjs': moduleText('plain'), 'm.cjs.br': zlib.brotliCompressSync(moduleText('compressed')) });
    expect(requireCached(path.join(dir, 'm.cjs'))).toMatchObject({ value: 'plain' });
  });

  it('throws ENOENT when neither is there (the registry then compiles at run time)', () => {
    const dir = tempTree();
    expect(() => requireCached(path.join(dir, 'm.cjs'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('finds every precompiled validator of the build, compressed or not, and a code cache only beside plain ones', () => {
    const compiled = path.join(REPO_ROOT, 'compiled');
    const files = fs.readdirSync(compiled, { recursive: true, encoding: 'utf8' });
    const modules = files.filter((f) => f.endsWith('.cjs') || f.endsWith('.cjs.br'));
    expect(modules.length).toBeGreaterThan(250);
    // One module per kind: never both forms of one.
    expect(new Set(modules.map((f) => f.replace(/\.br$/, ''))).size).toBe(modules.length);
    const caches = files.filter((f) => f.endsWith('.cjs.cache'));
    expect(caches.length).toBeGreaterThan(5);
    for (const cache of caches) expect(modules).toContain(cache.replace(/\.cache$/, ''));
    // Most are compressed: the installed package stays small.
    expect(modules.filter((f) => f.endsWith('.br')).length).toBeGreaterThan(modules.length * 0.9);
  });
});
