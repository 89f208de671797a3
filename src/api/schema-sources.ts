/**
 * What --crds names: CustomResourceDefinitions (YAML or JSON manifests, loaded like any input)
 * and JSON Schemas laid out as a CRDs catalog (`{group}/{kind}_{version}.json`), read the same
 * way for validate, check and schedule.
 */
import type { Diagnostic, KubeproofError, Resource } from '../core/index.js';
import { loadPaths, readSchemaCatalog, type CatalogSchema, type LoadOptions } from '../load/index.js';
import { absoluteFiles } from './read-files.js';

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';

export interface SchemaSources {
  crds: Resource[];
  jsonSchemas: CatalogSchema[];
  /** Problems in the CRD files worth showing (a catalog file is a JSON Schema, not a manifest: its notes are not). */
  diagnostics: Diagnostic[];
  errors: KubeproofError[];
  /** Every file read, absolute. */
  files: string[];
}

/**
 * `resources`: what the run validates. A CRD in these files for a kind none of them has is not
 * parsed (load/crd-prefilter.ts): a CRD costs its parse and its compile only when used.
 */
export function loadSchemaSources(crdPaths: readonly string[] | undefined, options: LoadOptions, resources: readonly Resource[]): SchemaSources {
  if (!crdPaths?.length) return { crds: [], jsonSchemas: [], diagnostics: [], errors: [], files: [] };
  const cwd = options.cwd ?? process.cwd();
  const crdKindsNeeded = [...new Set(resources.map((r) => `${groupOf(r.id.apiVersion)}/${r.id.kind}`))].sort();
  const loaded = loadPaths(crdPaths, { ...options, readStdin: undefined, crdKindsNeeded });
  const jsonSchemas = readSchemaCatalog(crdPaths, cwd, options.maxFileSize);
  const catalogFiles = new Set(jsonSchemas.map((s) => s.file));
  return {
    crds: loaded.resources.filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD),
    jsonSchemas,
    diagnostics: loaded.diagnostics.filter((d) => d.severity !== 'info'),
    errors: loaded.errors,
    files: [...absoluteFiles(loaded.files, cwd).filter((f) => !catalogFiles.has(f)), ...catalogFiles],
  };
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
