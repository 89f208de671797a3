/**
 * The CustomResourceDefinitions and CRDs-catalog JSON Schemas that live outside the workspace:
 * what `kubeproof lsp --crds PATH`, the client's `crdPaths` and kubeproof.yaml's `crds` name,
 * read as `check --crds` reads them (api/schema-sources.ts) and shared by validation, completion
 * and hover. Read once per list of paths, again when one of the files read changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Resource } from '../core/index.js';
import { loadPaths, readSchemaCatalog, type CatalogSchema } from '../load/index.js';
import type { Sources } from './sources.js';

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';

export interface ExternalSchemas {
  crds: Resource[];
  jsonSchemas: CatalogSchema[];
  /** Why a path could not be read (a missing file, a directory without schemas): for the log. */
  problems: string[];
  /** Changes whenever what is read changes: results computed with an older one are stale. */
  generation: number;
}

const NONE: ExternalSchemas = { crds: [], jsonSchemas: [], problems: [], generation: 0 };

export class CrdPaths {
  private readonly read = new Map<string, { stamps: Map<string, string | undefined>; dirs: Map<string, string | undefined>; schemas: ExternalSchemas }>();
  private generation = 0;

  constructor(private readonly sources: Sources) {}

  /** `paths` are absolute. Every CRD of the files, not only those of kinds a check validates: completion offers them all. */
  of(paths: readonly string[] | undefined, options: { maxFileSize?: number; maxDepth?: number } = {}): ExternalSchemas {
    if (!paths?.length) return NONE;
    const key = JSON.stringify([paths, options.maxFileSize, options.maxDepth]);
    const kept = this.read.get(key);
    if (kept && [...kept.stamps].every(([file, stamp]) => this.sources.stamp(file) === stamp) && [...kept.dirs].every(([dir, stamp]) => dirStamp(dir) === stamp)) return kept.schemas;
    // From the root, so that the files it names resolve to absolute paths whatever the server's directory.
    const loaded = loadPaths(paths, { cwd: '/', maxFileSize: options.maxFileSize, maxDepth: options.maxDepth, readStdin: undefined });
    const jsonSchemas = readSchemaCatalog(paths, '/', options.maxFileSize);
    const schemas: ExternalSchemas = {
      crds: loaded.resources.filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD),
      jsonSchemas,
      problems: loaded.errors.map((e) => e.message),
      generation: ++this.generation,
    };
    const files = [...loaded.files.map((f) => path.resolve('/', f.file)), ...jsonSchemas.map((s) => s.file)];
    // A file added to (or removed from) a directory changes that directory's stamp: read again then.
    const dirs = directoriesUnder(paths, options.maxDepth ?? 32);
    this.read.set(key, { stamps: new Map(files.map((f) => [f, this.sources.stamp(f)])), dirs: new Map(dirs.map((d) => [d, dirStamp(d)])), schemas });
    return schemas;
  }
}

/**
 * The CRDs that define kinds among `resources`: only those go to the schema stage, which
 * converts every CRD it is given, on every check.
 */
export function crdsDefining(resources: readonly Resource[], crds: readonly Resource[]): Resource[] {
  if (crds.length === 0) return [];
  const wanted = new Set(resources.map((r) => `${groupOf(r.id.apiVersion)}/${r.id.kind}`));
  return crds.filter((r) => {
    const spec = (r.object as { spec?: { group?: unknown; names?: { kind?: unknown } } }).spec;
    return wanted.has(`${String(spec?.group)}/${String(spec?.names?.kind)}`);
  });
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** The directories among `paths`, and every directory below them (to `maxDepth`), but dot-directories and node_modules, which the loader skips too. */
function directoriesUnder(paths: readonly string[], maxDepth: number): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    out.push(dir);
    if (depth >= maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(dir, e.name), depth + 1);
  };
  for (const p of paths) if (dirStamp(p) !== undefined) walk(p, 0);
  return out;
}

/** A directory's modification time, which a file added or removed changes; undefined when it is not a directory. */
function dirStamp(dir: string): string | undefined {
  try {
    const stat = fs.statSync(dir);
    return stat.isDirectory() ? `dir:${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}
