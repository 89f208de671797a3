/**
 * Defaulting: an object as the API server holds it once decoded, which is what admission
 * (ValidatingAdmissionPolicy, Pod Security) and storage see. The API server decodes the request,
 * dropping explicit nulls, and runs the scheme's defaulting functions (SetObjectDefaults_<Kind> in
 * pkg/apis/<group>/<version>/zz_generated.defaults.go) or, for a custom resource, the defaults of
 * its CRD's structural schema (crd-defaults.ts, the same function validation applies).
 *
 * It lives in the schema stage, next to the CRD defaults it reuses, because defaulting is part of
 * decoding, before any check: policy and schedule sit above and may import it; nothing below needs it.
 *
 * Always a copy: the input is never changed. The newest release's defaults for every
 * --kubernetes-version: 1.33 to 1.35 share them for the fields set here.
 */
import type { KubeObject, Resource } from '../../core/index.js';
import { DEFAULT_KUBERNETES_VERSION, loadBundle, type KubernetesVersion, type SchemaNode } from '../../openapi/index.js';
import { applyDefaults } from '../crd-defaults.js';
import { crdVersions } from '../crd.js';
import { prunedCopy } from '../prune-nulls.js';
import { appsDefaulters } from './apps.js';
import { batchDefaulters } from './batch.js';
import { coreDefaulters } from './core.js';
import type { Fields } from './fields.js';

export { defaultPullPolicy, imageTag } from './image-pull-policy.js';

const BUILTIN: Record<string, Record<string, (o: Fields) => void>> = { v1: coreDefaulters, 'apps/v1': appsDefaulters, 'batch/v1': batchDefaulters };

/** Built-in defaults depend on nothing but the object: one copy per input object, whoever asks. */
const builtinCopies = new WeakMap<KubeObject, KubeObject>();

export interface DefaultingOptions {
  /** CustomResourceDefinitions whose schemas' `default`s apply to their custom resources. */
  crds?: readonly Resource[];
  kubernetesVersion?: KubernetesVersion;
}

export class Defaulter {
  private customSchemas: Map<string, SchemaNode> | undefined;

  constructor(private readonly options: DefaultingOptions = {}) {}

  /**
   * A defaulted copy of the object; a kind with no defaults is still copied, without its nulls.
   * Read it, never change it: a built-in object's copy is made once and shared (Pod Security and
   * the policies of a run read the same one).
   */
  defaulted(object: KubeObject): KubeObject {
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    const kind = typeof object.kind === 'string' ? object.kind : '';
    const builtin = Object.hasOwn(BUILTIN, apiVersion) && Object.hasOwn(BUILTIN[apiVersion]!, kind) ? BUILTIN[apiVersion]![kind] : undefined;
    if (builtin) {
      let copy = builtinCopies.get(object);
      if (!copy) {
        copy = prunedCopy(object) as KubeObject;
        builtin(copy);
        builtinCopies.set(object, copy);
      }
      return copy;
    }
    const copy = prunedCopy(object) as KubeObject;
    const schema = this.customSchema(`${apiVersion}/${kind}`);
    if (schema) applyDefaults(copy, schema);
    return copy;
  }

  /** The CRD schema of a kind, the CRDs read when a custom resource is first defaulted; a later CRD for the same version wins, as in the registry. */
  private customSchema(key: string): SchemaNode | undefined {
    if (!this.customSchemas) {
      this.customSchemas = new Map();
      const crds = this.options.crds ?? [];
      if (crds.length > 0) {
        const bundle = loadBundle(this.options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
        for (const crd of crds) for (const v of crdVersions(crd, bundle)) this.customSchemas.set(v.key, v.schema);
      }
    }
    return this.customSchemas.get(key);
  }
}

/** The defaulted copy of a built-in object (no custom resources' defaults). */
export function withDefaults(object: KubeObject): KubeObject {
  return new Defaulter().defaulted(object);
}
