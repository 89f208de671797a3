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
import { removalOf } from './removed-apis.js';
import { requireCached } from './require-cached.js';
import { SchemaWalker } from '../openapi/index.js';
import type { Resource } from '../core/index.js';

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export interface KindSchema {
  validate: Validator;
  root: SchemaNode;
  walker: SchemaWalker;
  /** A custom resource's openAPIV3Schema as written, for its x-kubernetes-validations rules. */
  rules?: SchemaNode;
}

export type Lookup =
  | { found: KindSchema }
  | { missing: 'unknown-kind' | 'missing-schema'; message: string };

export class SchemaRegistry {
  readonly bundle: SchemaBundle;
  private readonly builtins = new Map<string, KindSchema>();
  private readonly crds = new Map<string, CrdVersion>();
  private readonly compiledCrds = new Map<string, KindSchema>();
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

  /** Compiles a CRD version now, so that a broken schema is reported at the CRD rather than at each custom resource. */
  compileCrd(key: string): KindSchema {
    let schema = this.compiledCrds.get(key);
    if (!schema) {
      const v = this.crds.get(key)!;
      this.crdAjv ??= createAjv();
      const validate = this.crdAjv.compile(v.schema) as Validator;
      schema = { validate, root: v.schema, walker: new SchemaWalker(v.schema.definitions as Record<string, SchemaNode>), rules: v.raw };
      this.compiledCrds.set(key, schema);
    }
    return schema;
  }

  lookup(apiVersion: string, kind: string): Lookup {
    const key = kindKey(apiVersion, kind);
    if (this.crds.has(key)) return { found: this.compileCrd(key) };
    const entry = this.bundle.kinds[key];
    if (entry) return { found: this.builtin(key, entry.definition) };

    const noMatch = `no matches for kind "${kind}" in version "${apiVersion}"`;
    const removal = removalOf(apiVersion, kind);
    if (removal) return { missing: 'unknown-kind', message: `${noMatch}: removed in Kubernetes ${removal.removedIn}; use ${removal.replacement}` };
    const servedIn = KUBERNETES_VERSIONS.filter((v) => v !== this.version && loadBundle(v).kinds[key]);
    if (servedIn.length > 0) return { missing: 'unknown-kind', message: `${noMatch}: not served by Kubernetes ${this.version} (served in ${servedIn.join(', ')})` };
    if (this.builtinGroups.has(groupOf(apiVersion))) return { missing: 'unknown-kind', message: noMatch };
    const otherVersions = [...this.crds.keys()].filter((k) => k.endsWith(`/${kind}`) && groupOf(k) === groupOf(apiVersion)).map((k) => k.split('/')[1]!);
    if (otherVersions.length > 0) return { missing: 'unknown-kind', message: `${noMatch}: its CustomResourceDefinition serves ${otherVersions.sort().join(', ')}` };
    return { missing: 'missing-schema', message: `no schema for kind "${kind}" in version "${apiVersion}": pass its CustomResourceDefinition with --crds` };
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
    try {
      const mod = requireCached(fileURLToPath(new URL(`../../compiled/${this.version}/${validatorFileName(key)}`, import.meta.url))) as Validator & { default?: Validator };
      return mod.default ?? mod;
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

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}
