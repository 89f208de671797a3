/**
 * JSON Schemas for custom resources laid out as the widely used CRDs catalog lays them out
 * (datreeio/CRDs-catalog, and kubeconform's `-schema-location` template
 * `{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json`): one file per kind and version,
 * in a folder named after the API group, the kind in lower case. `--crds` takes such files, and
 * folders of them, beside CustomResourceDefinitions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { discoverFiles } from './discover.js';
import { DEFAULT_MAX_FILE_SIZE } from './load-file.js';

export interface CatalogSchema {
  group: string;
  version: string;
  /** Lower case, as the catalog names files: matched against a resource's kind without regard to case. */
  kind: string;
  schema: Record<string, unknown>;
  /** Absolute path of the file. */
  file: string;
}

/** `{kind}_{version}.json` in a folder named like an API group (it has a dot: `argoproj.io`). */
const CATALOG_FILE = /^([a-z0-9-]+)_([a-z0-9]+)\.json$/;

export function readSchemaCatalog(paths: readonly string[], cwd: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): CatalogSchema[] {
  const out: CatalogSchema[] = [];
  for (const found of discoverFiles(paths, cwd).files) {
    const name = CATALOG_FILE.exec(path.basename(found.absolute));
    const group = path.basename(path.dirname(found.absolute));
    if (!name || !group.includes('.')) continue;
    const schema = readSchema(found.absolute, maxFileSize);
    if (schema) out.push({ group, kind: name[1]!, version: name[2]!, schema, file: found.absolute });
  }
  return out;
}

/** A JSON Schema of an object, or undefined for anything else (a CRD written as JSON is loaded as a manifest instead). */
function readSchema(file: string, maxFileSize: number): Record<string, unknown> | undefined {
  try {
    if (fs.statSync(file).size > maxFileSize) return undefined;
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const schema = value as Record<string, unknown>;
    if (typeof schema.apiVersion === 'string' && typeof schema.kind === 'string') return undefined;
    return schema.type === 'object' || typeof schema.properties === 'object' ? schema : undefined;
  } catch {
    return undefined; // not JSON, or unreadable: loadPaths reports it as the manifest it tries to read
  }
}
