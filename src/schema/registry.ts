/**
 * Where a resource's schema comes from: the precompiled validators of the built-in kinds
 * (compiled/<version>/<kind>.cjs[.br], made by `npm run build`), a runtime Ajv compile when
 * those are absent, and the CustomResourceDefinitions of the run.
 */
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject } from 'ajv';
import { BUNDLE_SCHEMA_ID, createAjv, definitionRef, validatorFileName } from './ajv.js';
import { KUBERNETES_VERSIONS, kindKey, loadBundle, type KubernetesVersion, type SchemaBundle, type SchemaNode } from '../openapi/index.js';
import { crdVersions, type CrdVersion } from './crd.js';
import { applyDefaults } from './crd-defaults.js';
import { removalOf } from './removed-apis.js';
import { requireCached } from './require-cached.js';
import { closest } from './suggest.js';
import { SchemaWalker } from '../openapi/index.js';
import type { Resource } from '../core/index.js';
import type { CatalogSchema } from '../load/index.js';

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface KindSchema {
  validate: Validator;
  root: SchemaNode;
  walker: SchemaWalker;
  /** What the API server does to a decoded object before validating it (a CRD's defaults). */
  prepare?: (value: unknown) => void;
  /** Set when the schema could not be compiled: nothing is validated against it. */
  brokenBy?: string;
  /** A custom resource's openAPIV3Schema as written, for its x-kubernetes-validations rules. */
  rules?: SchemaNode;
  /** A CRD's or a catalog's schema: its findings are worded as kube-openapi words them (ajv-errors.ts). */
  custom?: boolean;
}

export type Lookup =
  | { found: KindSchema }
  | { missing: 'unknown-kind' | 'missing-schema'; message: string };

/**
 * A CRD's schema is compiled once per run, for the resources of that run: Ajv's optimizing pass
 * over the generated code costs more than it saves then (about a third of compiling Istio's
 * VirtualService schema).
 */
const CRD_AJV_OPTIONS = { code: { optimize: false } };

export class SchemaRegistry {
  readonly bundle: SchemaBundle;
  private readonly builtins = new Map<string, KindSchema>();
  private readonly crds = new Map<string, CrdVersion>();
  private readonly compiledCrds = new Map<string, KindSchema>();
  /** JSON Schemas from a CRDs catalog, by "group/version/kind" with the kind in lower case; compiled when first used. */
  private readonly catalog = new Map<string, CatalogSchema & { compiled?: KindSchema }>();
  private readonly walker: SchemaWalker;
  private runtimeAjv: Ajv | undefined;
  private crdAjv: Ajv | undefined;
  private readonly builtinGroups: Set<string>;

  constructor(
    readonly version: KubernetesVersion,
    private readonly options: { precompiled?: boolean } = {},
  ) {
    this.bundle = loadBundle(version);
    this.walker = new SchemaWalker(this.bundle.definitions);
    this.builtinGroups = new Set(Object.keys(this.bundle.kinds).map((k) => groupOf(k.slice(0, k.lastIndexOf('/')))));
  }

  /** Registers every served version of a CRD; returns the versions registered. */
  addCrd(crd: Resource): CrdVersion[] {
    const versions = crdVersions(crd, this.bundle);
    for (const v of versions) {
      this.crds.set(v.key, v);
      this.compiledCrds.delete(v.key);
    }
    return versions;
  }

  /**
   * A JSON Schema of a CRDs catalog (load/schema-catalog.ts). A CRD given for the same kind and
   * version wins: it is what the API server validates with.
   */
  addCatalogSchema(entry: CatalogSchema): void {
    const key = `${entry.group}/${entry.version}/${entry.kind.toLowerCase()}`;
    if (!this.catalog.has(key)) this.catalog.set(key, entry);
  }

  /** The catalog's schema for a kind, compiled on first use; a schema that cannot be compiled is a Lookup of its own. */
  private catalogSchema(apiVersion: string, kind: string): Lookup | undefined {
    const entry = this.catalog.get(`${apiVersion}/${kind.toLowerCase()}`);
    if (!entry) return undefined;
    if (!entry.compiled) {
      this.crdAjv ??= createAjv(CRD_AJV_OPTIONS);
      const root = entry.schema as SchemaNode;
      try {
        entry.compiled = { validate: this.crdAjv.compile(entry.schema) as Validator, root, walker: new SchemaWalker((root.definitions ?? {}) as Record<string, SchemaNode>), custom: true };
      } catch {
        // Nothing of the schema library's words: the file is the user's to fix or replace.
        return { missing: 'missing-schema', message: `no usable schema for kind "${kind}" in version "${apiVersion}": the JSON Schema ${entry.file} cannot be compiled (not valid JSON Schema)` };
      }
    }
    return { found: entry.compiled };
  }

  /**
   * Compiles a CRD version, once, when the first resource of its kind is validated. crd.ts drops
   * what Ajv could not compile; should Ajv still refuse the schema, the version is kept as broken
   * (`brokenBy`): its resources are not validated, and no `internal-error` repeats at each of them.
   */
  compileCrd(key: string): KindSchema {
    let schema = this.compiledCrds.get(key);
    if (!schema) {
      const v = this.crds.get(key)!;
      this.crdAjv ??= createAjv(CRD_AJV_OPTIONS);
      const walker = new SchemaWalker(v.schema.definitions as Record<string, SchemaNode>);
      try {
        const validate = this.crdAjv.compile(v.schema) as Validator;
        schema = { validate, root: v.schema, walker, prepare: (value) => applyDefaults(value, v.schema), custom: true, ...(v.raw && { rules: v.raw }) };
      } catch (err) {
        schema = { validate: () => true, root: v.schema, walker, brokenBy: (err as Error).message };
      }
      this.compiledCrds.set(key, schema);
    }
    return schema;
  }

  /** A CRD version's schema if a resource has made it compile; undefined when none has yet. */
  compiledCrdIfAny(key: string): KindSchema | undefined {
    return this.compiledCrds.get(key);
  }

  /**
   * A kind's schema to read (completion, hover): the same one `lookup` validates with, nothing
   * compiled. Undefined for a kind without one.
   */
  schemaOf(apiVersion: string, kind: string): { root: SchemaNode; walker: SchemaWalker; custom: boolean; raw?: SchemaNode } | undefined {
    const key = kindKey(apiVersion, kind);
    const crd = this.crds.get(key);
    // A CRD's schema as written too: the converted one keeps no descriptions.
    if (crd) return { root: crd.schema, walker: new SchemaWalker(crd.schema.definitions as Record<string, SchemaNode>), custom: true, ...(crd.raw && { raw: crd.raw }) };
    const entry = this.bundle.kinds[key];
    if (entry) return { root: { $ref: `#/definitions/${entry.definition}` }, walker: this.walker, custom: false };
    const fromCatalog = this.catalog.get(`${apiVersion}/${kind.toLowerCase()}`);
    if (fromCatalog) {
      const root = fromCatalog.schema as SchemaNode;
      return { root, walker: new SchemaWalker((root.definitions ?? {}) as Record<string, SchemaNode>), custom: true };
    }
    return undefined;
  }

  /** Every kind served, as [apiVersion, kind]: the built-in ones of this version and the registered CRDs'. */
  servedKinds(): [string, string][] {
    return [...Object.keys(this.bundle.kinds), ...this.crds.keys()].map((k) => [k.slice(0, k.lastIndexOf('/')), k.slice(k.lastIndexOf('/') + 1)]);
  }

  /** A CRD registered for this kind: it takes the place of a built-in schema of the same kind (see lookup). */
  hasCrd(apiVersion: string, kind: string): boolean {
    return this.crds.has(kindKey(apiVersion, kind));
  }

  lookup(apiVersion: string, kind: string): Lookup {
    const key = kindKey(apiVersion, kind);
    if (this.crds.has(key)) return { found: this.compileCrd(key) };
    const entry = this.bundle.kinds[key];
    if (entry) return { found: this.builtin(key, entry.definition) };
    const fromCatalog = this.catalogSchema(apiVersion, kind);
    if (fromCatalog) return fromCatalog;

    const noMatch = `no matches for kind "${kind}" in version "${apiVersion}"`;
    const removal = removalOf(apiVersion, kind);
    if (removal) return { missing: 'unknown-kind', message: `${noMatch}: removed in Kubernetes ${removal.removedIn}; use ${removal.replacement}` };
    const servedIn = KUBERNETES_VERSIONS.filter((v) => v !== this.version && loadBundle(v).kinds[key]);
    if (servedIn.length > 0) return { missing: 'unknown-kind', message: `${noMatch}: not served by Kubernetes ${this.version} (served in ${servedIn.join(', ')})` };
    const otherVersions = [...this.crds.keys()].filter((k) => k.endsWith(`/${kind}`) && groupOf(k) === groupOf(apiVersion)).map((k) => k.split('/')[1]!);
    if (otherVersions.length > 0) return { missing: 'unknown-kind', message: `${noMatch}: its CustomResourceDefinition serves ${otherVersions.sort().join(', ')}` };
    const elsewhere = this.servedAs(apiVersion, kind);
    if (elsewhere) return { missing: 'unknown-kind', message: `${noMatch}: ${elsewhere}` };
    if (this.builtinGroups.has(groupOf(apiVersion))) return { missing: 'unknown-kind', message: noMatch };
    return { missing: 'missing-schema', message: `no schema for kind "${kind}" in version "${apiVersion}": pass its CustomResourceDefinition (or a CRDs catalog's JSON Schema) with --crds` };
  }

  /**
   * Where a kind is served when it is not where the resource says: another group or version
   * (`Deployment` in `v1`), the same name in another case (`deployment`: kinds are
   * case-sensitive), or a kind of this apiVersion within two edits. Undefined when none.
   */
  private servedAs(apiVersion: string, kind: string): string | undefined {
    const split = (k: string) => ({ apiVersion: k.slice(0, k.lastIndexOf('/')), kind: k.slice(k.lastIndexOf('/') + 1) });
    const served = [...Object.keys(this.bundle.kinds), ...this.crds.keys()].map(split);
    const exact = served.filter((k) => k.kind === kind).map((k) => k.apiVersion);
    if (exact.length > 0) return `${kind} is served as ${[...new Set(exact)].sort().join(', ')} in Kubernetes ${this.version}`;
    const folded = served.filter((k) => k.kind.toLowerCase() === kind.toLowerCase());
    if (folded.length === 0) {
      // A typo of a kind this apiVersion serves (`Deploymnet`).
      const near = closest(kind, served.filter((k) => k.apiVersion === apiVersion).map((k) => k.kind));
      return near ? `did you mean "${near}"?` : undefined;
    }
    const names = [...new Set(folded.map((k) => k.kind))].sort();
    const where = [...new Set(folded.map((k) => `${k.apiVersion}`))].sort().join(', ');
    return `kinds are case-sensitive: did you mean ${names.map((n) => `"${n}"`).join(' or ')} (served as ${where})?`;
  }

  private builtin(key: string, definition: string): KindSchema {
    let schema = this.builtins.get(key);
    if (!schema) {
      const root = { $ref: `#/definitions/${definition}` };
      schema = { validate: this.precompiledValidator(key) ?? this.compileBuiltin(definition), root, walker: this.walker };
      this.builtins.set(key, schema);
    }
    return schema;
  }

  private precompiledValidator(key: string): Validator | undefined {
    if (this.options.precompiled === false) return undefined;
    const file = fileURLToPath(new URL(`../../compiled/${this.version}/${validatorFileName(key)}`, import.meta.url));
    const loaded = precompiledValidators.get(file);
    if (loaded) return loaded;
    try {
      const mod = requireCached(file) as Validator & { default?: Validator };
      const validate = mod.default ?? mod;
      precompiledValidators.set(file, validate);
      return validate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // not built: compile at run time
      throw err;
    }
  }

  private compileBuiltin(definition: string): Validator {
    if (!this.runtimeAjv) {
      this.runtimeAjv = createAjv();
      this.runtimeAjv.addSchema({ $id: BUNDLE_SCHEMA_ID, definitions: this.bundle.definitions });
    }
    return this.runtimeAjv.getSchema(definitionRef(definition)) as Validator;
  }
}

/**
 * The precompiled validators loaded so far, by file, for the life of the process: a registry is
 * made per run (its CRDs are the run's), but a built-in kind's validator never changes, and
 * loading one again costs more than the rest of an editor's re-check (issue 20: over half of a
 * `kubeproof lsp` re-check of overlays-example/base/api.yaml). Ajv's validators keep no state
 * between calls but `errors`, which each call resets.
 */
const precompiledValidators = new Map<string, Validator>();

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
