/**
 * The descriptions of the OpenAPI schemas, which the bundles leave out (schemas/descriptions/,
 * made beside them by scripts/generate-schemas.mjs): the words the language server shows on
 * hover and in completion. Read on first use and once; a check never reads them.
 */
import * as fs from 'node:fs';
import { KubeproofError } from '../core/index.js';
import type { KubernetesVersion } from './bundle.js';

/** Definition name -> property -> description; "" is the definition's own description. */
export type Descriptions = Record<string, Record<string, string>>;

const cache = new Map<string, Descriptions>();

export function loadDescriptions(version: KubernetesVersion): Descriptions {
  let found = cache.get(version);
  if (!found) {
    const file = new URL(`../../schemas/descriptions/kubernetes-${version}.json`, import.meta.url);
    try {
      found = (JSON.parse(fs.readFileSync(file, 'utf8')) as { definitions: Descriptions }).definitions;
    } catch (err) {
      throw new KubeproofError('INTERNAL', `cannot read the schema descriptions ${file.pathname}: ${(err as Error).message}`, { cause: err });
    }
    cache.set(version, found);
  }
  return found;
}
