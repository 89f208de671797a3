/**
 * The variables a policy's expressions see (apiserver/pkg/admission/plugin/cel/activation.go):
 * `object`, `oldObject` (null: offline every input is a CREATE), `params`, `namespaceObject`,
 * `request` with what is known offline, and `variables`, each evaluated when first read
 * (plugin/cel/composition.go: "composited variable %q fails to evaluate: %v").
 */
import { CelEvaluationError, toCelValue } from '../../cel/index.js';
import type { KubeObject } from '../../core/index.js';
import type { Attributes } from './attributes.js';
import type { CompiledExpression } from './compile.js';

export type Activation = Record<string, unknown>;

const json = (v: unknown) => toCelValue(v, undefined, false);

/** An object's CEL value, converted once for all the policies, bindings and params that read it. */
const converted = new WeakMap<KubeObject, unknown>();
function celObject(o: KubeObject): unknown {
  let v = converted.get(o);
  if (v === undefined) converted.set(o, (v = json(o)));
  return v;
}

export function activation(object: KubeObject, a: Attributes, params: KubeObject | null, namespace: KubeObject | null, variables: ReadonlyMap<string, CompiledExpression>): Activation {
  const gvk = { group: a.group, version: a.version, kind: a.kind };
  const gvr = { group: a.group, version: a.version, resource: a.resource };
  // admission.k8s.io AdmissionRequest fields that an offline CREATE has; userInfo is not one of them.
  const request = { kind: gvk, resource: gvr, requestKind: gvk, requestResource: gvr, name: a.name, namespace: a.namespace, operation: a.operation, dryRun: false };
  const act: Activation = { object: celObject(object), oldObject: null, params: params ? celObject(params) : null, namespaceObject: namespace ? celObject(namespace) : null, request: json(request) };
  act.variables = lazyVariables(variables, act);
  return act;
}

/**
 * `variables.<name>`, evaluated on first read and kept. A plain Map with its own get and has:
 * cel-js takes no subclass of Map as a map (as cel/values.ts does for escaped field names).
 */
function lazyVariables(compiled: ReadonlyMap<string, CompiledExpression>, act: Activation): Map<string, unknown> {
  const map = new Map<string, unknown>();
  const done = new Map<string, { value: unknown } | { error: string }>();
  const value = (name: string): unknown => {
    let result = done.get(name);
    if (!result) {
      const v = compiled.get(name)!;
      if (!v.program) result = { error: `composited variable "${name}" fails to compile: ${v.error}` };
      else {
        try {
          result = { value: v.program.evaluate(act) };
        } catch (err) {
          result = { error: `composited variable "${name}" fails to evaluate: ${(err as Error).message}` };
        }
      }
      done.set(name, result);
    }
    if ('error' in result) throw new CelEvaluationError(result.error);
    return result.value;
  };
  for (const name of compiled.keys()) map.set(name, undefined);
  return Object.assign(map, {
    get: (key: string) => (compiled.has(key) ? value(key) : undefined),
    has: (key: string) => compiled.has(key),
  });
}
