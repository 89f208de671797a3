/**
 * The descriptions of the OpenAPI schemas, which the bundles leave out (schemas/descriptions/,
 * made beside them by scripts/generate-schemas.mjs; the package ships them compressed in
 * compiled/, written by scripts/compile-validators.mjs): the words the language server shows on
 * hover and in completion. Read on first use and once; a check never reads them.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { KubeproofError } from '../core/index.js';
import type { KubernetesVersion } from './bundle.js';

/** Definition name -> property -> description; "" is the definition's own description. */
export type Descriptions = Record<string, Record<string, string>>;

const cache = new Map<string, Descriptions>();

export function loadDescriptions(version: KubernetesVersion): Descriptions {
  let found = cache.get(version);
  if (!found) {
    // The package ships them brotli-compressed in compiled/ (the build writes them there); a
    // source tree that was never built has only the JSON in schemas/.
    const compressed = new URL(`../../compiled/descriptions-${version}.json.br`, import.meta.url);
    const file = fs.existsSync(compressed) ? compressed : new URL(`../../schemas/descriptions/kubernetes-${version}.json`, import.meta.url);
    try {
      const bytes = fs.readFileSync(file);
      const text = file === compressed ? zlib.brotliDecompressSync(bytes).toString('utf8') : bytes.toString('utf8');
      found = (JSON.parse(text) as { definitions: Descriptions }).definitions;
    } catch (err) {
      throw new KubeproofError('INTERNAL', `cannot read the schema descriptions ${file.pathname}: ${(err as Error).message}`, { cause: err });
    }
    cache.set(version, found);
  }
  return found;
}
