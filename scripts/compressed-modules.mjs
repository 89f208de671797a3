// How the build stores the precompiled validators (compiled/<version>/<kind>.cjs), shared by the
// stage that writes them (compile-validators.mjs) and the one that trains their code caches
// (bundle-cli.mjs). src/schema/require-cached.ts reads `<kind>.cjs`, else `<kind>.cjs.br`.
//
// A module is stored brotli-compressed (~12x smaller: 23 MB of generated code becomes ~1.9 MB)
// unless the training run made it a code cache: those, the kinds a typical check loads, stay
// as they are. Measured on a cold `check` of overlays-example/overlays/production (12 kinds, all
// with a cache): decompressing them cost ~18 ms of CPU (~9%), more than the ~5 ms the
// decompression itself takes, because the buffers push V8 into a major GC. On kinds without a
// cache V8 compiles the module, and decompressing added ~2% (5 such kinds: 132 ms vs 129 ms).
//
// Brotli quality 5 with a 4 MB window: over all modules, 1.89 MB in 0.2 s; quality 9 saves 5%
// more for 2 s of build, 11 saves 13% for 30 s. A module of ~0.5 MB decompresses in ~1 ms.
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_LGWIN]: 22 } };

/** Writes module `file` (a .cjs path) compressed, as `<file>.br`. */
export function writeCompressed(file, code) {
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(code, BROTLI));
}

/** `<file>.br` becomes `file`: a module that is to load without decompressing. */
export function decompress(file) {
  fs.writeFileSync(file, zlib.brotliDecompressSync(fs.readFileSync(`${file}.br`)));
  fs.rmSync(`${file}.br`);
}

/** `file` becomes `<file>.br` again. */
export function compress(file) {
  writeCompressed(file, fs.readFileSync(file));
  fs.rmSync(file);
}
