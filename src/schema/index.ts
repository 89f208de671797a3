/** The schema stage: every resource against its OpenAPI-derived or CRD schema, plus the API server's own checks. */
import { diagnosticFor, type Diagnostic, type Resource, type Severity } from '../core/index.js';
import type { CatalogSchema } from '../load/index.js';
import { translateAjvErrors, type SchemaFinding } from './ajv-errors.js';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../openapi/index.js';
import type { CheckContext } from './checks/context.js';
import { runObjectChecks } from './checks/object-checks.js';
import { runFieldChecks } from './checks/walk.js';
import { schemaProblems } from './problems.js';
import { builtinCrds } from './builtin-crds.js';
import { crdCelDiagnostics, runCelRules } from './cel-hook.js';
import { prunedCopy, pruneNulls } from './prune-nulls.js';
import { SchemaRegistry } from './registry.js';
import { successorSuggestion } from './successor.js';
import type { CrdVersion } from './crd.js';
import { fieldPath } from './field-error.js';

export { KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION, parseKubernetesVersion, loadBundle, type KubernetesVersion, type SchemaBundle, type SchemaNode } from '../openapi/index.js';
export { schemaProblemMetas, schemaProblems, type SchemaProblemId } from './problems.js';
export { SchemaRegistry } from './registry.js';
export { closestUnique, distance } from './suggest.js';

export interface SchemaOptions {
  kubernetesVersion?: KubernetesVersion;
  /** CustomResourceDefinitions from --crds; CRDs among the resources themselves are used too. */
  crds?: readonly Resource[];
  /** JSON Schemas of custom resources from a CRDs catalog (--crds), used where no CRD says otherwise. */
  jsonSchemas?: readonly CatalogSchema[];
  /** A custom resource without a schema is a warning instead of an error. */
  ignoreMissingSchemas?: boolean;
  /** Kinds not to validate: `Kind` or `apiVersion/Kind`. */
  skipKinds?: readonly string[];
  /** Use the build's precompiled validators (default true; false compiles at run time). */
  precompiled?: boolean;
  /**
   * A resource's findings made earlier (BuiltinKindValidator, as the resource was loaded), or
   * undefined: used unless a CRD turns out to define the kind, which is then validated here.
   */
  prevalidated?: (resource: Resource) => readonly Diagnostic[] | undefined;
}

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';
const IN_CRD_SCHEMA = /^\/spec\/versions\/\d+\/schema\/openAPIV3Schema(\/|$)/;

export function validateSchemas(resources: readonly Resource[], options: SchemaOptions = {}): Diagnostic[] {
  const registry = new SchemaRegistry(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, { precompiled: options.precompiled });
  const diagnostics: Diagnostic[] = [];
  const skip = new Set(options.skipKinds ?? []);
  for (const entry of options.jsonSchemas ?? []) registry.addCatalogSchema(entry);

  // CRDs first, wherever they sit in the input: custom resources may come before their definition.
  // kubeproof's own kinds, only when used: compiling a schema at run time costs the cold start Ajv's load.
  const ownKinds = resources.some((r) => r.id.apiVersion.startsWith('kubeproof.dev/')) ? builtinCrds() : [];
  const registered: { crd: Resource; version: CrdVersion }[] = [];
  const checked = new Set(resources);
  for (const crd of [...ownKinds, ...(options.crds ?? []), ...resources].filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD)) {
    // Converting a schema checks it (crd-keywords.ts) without compiling it: a CRD costs its
    // compile only when a resource of its kind is validated (14 Istio CRDs: 1.6 s of CPU before).
    for (const version of registry.addCrd(crd)) {
      registered.push({ crd, version });
      for (const problem of version.problems) {
        diagnostics.push(diagnosticFor(crd, { ruleId: 'invalid-crd', severity: 'error', message: problem.message, pointer: problem.pointer, at: 'key' }));
      }
      diagnostics.push(...crdCelDiagnostics(crd, version, checked.has(crd)));
    }
  }

  for (const resource of resources) {
    const { apiVersion, kind } = resource.id;
    if (skip.has(kind) || skip.has(`${apiVersion}/${kind}`)) continue;
    const earlier = options.prevalidated?.(resource);
    if (earlier && !registry.hasCrd(apiVersion, kind)) {
      for (const d of earlier) diagnostics.push(d);
      continue;
    }
    diagnostics.push(...validateGuarded(resource, registry, options));
  }
  // A schema Ajv refused when a resource needed it: said once, at the CRD, in no words of Ajv's
  // (`data/properties/...`, `JSONType` mean nothing to the CRD's author).
  for (const { crd, version } of registered) {
    if (registry.compiledCrdIfAny(version.key)?.brokenBy === undefined) continue;
    const message = `${fieldPath(version.pointer)}: Invalid value: the schema of ${version.key} cannot be used for validation; its custom resources are not validated`;
    diagnostics.push(diagnosticFor(crd, { ruleId: 'invalid-crd', severity: 'error', message, pointer: version.pointer }));
  }
  return diagnostics;
}

/**
 * Validation of one resource at a time against the built-in Kubernetes schemas, before the run's
 * CRDs are known (api/document-stage.ts runs it as each resource is loaded, on the thread that
 * parsed it). A kind without a built-in schema is left to validateSchemas, which knows every CRD;
 * so is a kind a CRD turns out to define (validateSchemas checks `prevalidated` against them).
 */
export class BuiltinKindValidator {
  private readonly registry: SchemaRegistry;
  private readonly skip: Set<string>;

  constructor(private readonly options: Pick<SchemaOptions, 'kubernetesVersion' | 'skipKinds' | 'precompiled'>) {
    this.registry = new SchemaRegistry(options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, { precompiled: options.precompiled });
    this.skip = new Set(options.skipKinds ?? []);
  }

  /** The resource's findings, or undefined when validateSchemas must validate it (not a built-in kind) or skips it. */
  validate(resource: Resource): Diagnostic[] | undefined {
    const { apiVersion, kind } = resource.id;
    if (this.skip.has(kind) || this.skip.has(`${apiVersion}/${kind}`)) return undefined;
    const lookup = this.registry.lookup(apiVersion, kind);
    if (!('found' in lookup) || lookup.found.custom) return undefined;
    return validateGuarded(resource, this.registry, this.options);
  }
}

/** A crash validating one resource is one finding about it; the others' findings survive. */
function validateGuarded(resource: Resource, registry: SchemaRegistry, options: SchemaOptions): Diagnostic[] {
  try {
    return validateOne(resource, registry, options);
  } catch (err) {
    const message = `internal error while validating ${resource.id.kind} ${resource.id.name}: ${(err as Error).message}`;
    return [diagnosticFor(resource, { ruleId: 'internal-error', severity: 'error', message, pointer: '' })];
  }
}

function validateOne(resource: Resource, registry: SchemaRegistry, options: SchemaOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const isCrd = `${resource.id.apiVersion}/${resource.id.kind}` === CRD;
  const emit = (f: SchemaFinding & { severity?: Severity }) => {
    // A mistake inside a CRD's schema (`minimum: "5"`) is the CRD's: one rule for all of them.
    const ruleId = isCrd && IN_CRD_SCHEMA.test(f.pointer) ? 'invalid-crd' : f.ruleId;
    out.push(diagnosticFor(resource, { ruleId, severity: f.severity ?? schemaProblems[ruleId].severity, message: f.message, pointer: f.pointer, at: f.at, suggestion: f.suggestion }));
  };
  const ctx: CheckContext = { resource, report: emit };

  runObjectChecks(resource, ctx);
  const lookup = registry.lookup(resource.id.apiVersion, resource.id.kind);
  if ('missing' in lookup) {
    const severity = lookup.missing === 'missing-schema' && options.ignoreMissingSchemas ? 'warning' : 'error';
    const successor = lookup.missing === 'unknown-kind' ? successorSuggestion(resource, registry) : undefined;
    emit({ ruleId: lookup.missing, message: lookup.message, pointer: '/kind', at: 'value', severity, ...(successor && { suggestion: successor }) });
    return out;
  }
  const { validate, root, walker, prepare, brokenBy } = lookup.found;
  if (brokenBy !== undefined) return out; // reported once, at the CRD
  // The API server decodes an explicit null as "not set": so must validation. A CRD's defaults
  // are set on the value validated, which must then be a copy, never the resource itself.
  const value = prepare ? prunedCopy(resource.object) : pruneNulls(resource.object);
  prepare?.(value); // a CRD's defaults, which its CEL rules see too
  const schemaFindings = validate(value) ? [] : translateAjvErrors(validate.errors ?? [], resource, root, walker, value, lookup.found.custom === true);
  for (const f of schemaFindings) emit(f);
  runFieldChecks(value, root, walker, ctx);
  if (lookup.found.rules) runCelRules(value, lookup.found.rules, schemaFindings, emit);
  return out;
}
export { fieldPath, invalid, showValue } from './field-error.js';
export { Defaulter, withDefaults, type DefaultingOptions } from './defaults/index.js';
