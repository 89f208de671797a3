/**
 * What completion and hover read, shared: the open document's text, the objects defined across
 * the workspace (names to reference, label keys selectors use), the overlay builds that read a
 * file, and the schemas the validator uses — the built-in kinds of the configured Kubernetes
 * version plus every CustomResourceDefinition of the workspace and of `crdPaths` (`--crds`, the client's
 * `crdPaths`, kubeproof.yaml's `crds`: crd-paths.ts).
 */
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { ValidateOptions } from '../api/validate.js';
import type { Resource } from '../core/index.js';
import { decodeSource, KUSTOMIZATION_FILE_NAMES, parsePlainDocuments } from '../load/index.js';
import { loadDescriptions, type Descriptions } from '../openapi/index.js';
import { canonicalKustomizationFields } from '../render/index.js';
import { DEFAULT_KUBERNETES_VERSION, SchemaRegistry } from '../schema/index.js';
import type { CrdPaths } from './crd-paths.js';
import type { Engine } from './engine.js';
import { optionsKey } from './options.js';
import { PlainFiles } from './plain-files.js';
import type { Sources } from './sources.js';
import type { Workspace } from './workspace.js';

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';
const OBJECTS_MAX_AGE_MS = 2000;

export interface Schemas {
  registry: SchemaRegistry;
  descriptions: Descriptions;
}

export class Features {
  private readonly files: PlainFiles;
  private schemasCache: { key: string; crds: readonly Resource[]; schemas: Schemas } | undefined;
  private readonly kustomizations = new Map<string, { stamp: string | undefined; fields: Record<string, unknown> | undefined }>();
  private objectsCache: { manifests: readonly string[]; open: string; at: number; objects: Resource[] } | undefined;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly fileOf: (uri: string) => string,
    readonly optionsFor: (file: string) => ValidateOptions,
    readonly engine: Engine,
    private readonly sources: Sources,
    private readonly workspace: Workspace,
    private readonly crdPaths: CrdPaths,
  ) {
    this.files = new PlainFiles(sources);
  }

  /**
   * Every object defined in the workspace's manifests (each file parsed once per content), the
   * open buffers' included. Kept while no document changes and the workspace is not walked
   * again, for at most OBJECTS_MAX_AGE_MS: a completion per keystroke must not look at every
   * file of a large workspace each time (a file changed on disk behind the editor is seen then).
   */
  objects(): Resource[] {
    const manifests = this.workspace.manifestFiles();
    const open = this.documents.all().map((d) => `${d.uri}@${d.version}`).join('\n');
    const kept = this.objectsCache;
    if (kept && kept.manifests === manifests && kept.open === open && performance.now() - kept.at < OBJECTS_MAX_AGE_MS) return kept.objects;
    const options = this.optionsFor(manifests[0] ?? '');
    const files = new Set(manifests);
    for (const doc of this.documents.all()) files.add(this.fileOf(doc.uri));
    const objects = [...files].sort().flatMap((f) => this.files.context(f, options).resources);
    this.objectsCache = { manifests, open, at: performance.now(), objects };
    return objects;
  }

  /**
   * Names the workspace's kustomizations give generated ConfigMaps (`configMapGenerator`) or
   * Secrets (`secretGenerator`), as a base references them (the build adds the hash suffix),
   * each with its kustomization file.
   */
  generatedNames(kind: 'ConfigMap' | 'Secret'): { name: string; file: string }[] {
    const field = kind === 'ConfigMap' ? 'configMapGenerator' : 'secretGenerator';
    const out: { name: string; file: string }[] = [];
    for (const file of this.workspace.manifestFiles()) {
      if (!KUSTOMIZATION_FILE_NAMES.includes(path.basename(file))) continue;
      const fields = this.kustomizationFields(file);
      const entries = Array.isArray(fields?.[field]) ? (fields[field] as unknown[]) : [];
      for (const e of entries) if (typeof (e as { name?: unknown } | null)?.name === 'string') out.push({ name: (e as { name: string }).name, file });
    }
    return out;
  }

  private kustomizationFields(file: string): Record<string, unknown> | undefined {
    const stamp = this.sources.stamp(file);
    const kept = this.kustomizations.get(file);
    if (kept && kept.stamp === stamp) return kept.fields;
    let fields: Record<string, unknown> | undefined;
    try {
      const decoded = decodeSource(this.sources.read(file), file);
      const value = 'text' in decoded ? parsePlainDocuments(decoded.text, file).documents[0]?.value : undefined;
      // Keys as kustomize reads them: `Name:` names the generated ConfigMap too.
      fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? canonicalKustomizationFields(value as Record<string, unknown>) : undefined;
    } catch {
      fields = undefined; // gone, or unreadable: nothing to offer from it
    }
    this.kustomizations.set(file, { stamp, fields });
    return fields;
  }

  /** The workspace folder holding `file`: the area path completion offers files and directories from. */
  folderOf(file: string): string {
    return this.workspace.folderOf(file) ?? path.dirname(file);
  }

  /** The schemas for `file`: kept while the options and the workspace's CRDs stay the same. */
  schemas(file: string): Schemas {
    const options = this.optionsFor(file);
    const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const fromPaths = this.crdPaths.of(options.crdPaths, options);
    const crds = [...this.objects().filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD), ...fromPaths.crds];
    const key = optionsKey(options);
    const cached = this.schemasCache;
    if (cached && cached.key === key && cached.crds.length === crds.length && cached.crds.every((c, i) => c === crds[i])) return cached.schemas;
    const registry = new SchemaRegistry(version);
    for (const crd of crds) registry.addCrd(crd);
    for (const entry of fromPaths.jsonSchemas) registry.addCatalogSchema(entry);
    const schemas = { registry, descriptions: loadDescriptions(version) };
    this.schemasCache = { key, crds, schemas };
    return schemas;
  }
}
