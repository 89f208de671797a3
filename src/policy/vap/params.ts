/**
 * The params a binding gives its policy, found among the inputs as
 * apiserver/pkg/admission/plugin/policy/generic/policy_dispatcher.go (CollectParams) finds them
 * in the cluster: none without paramKind or paramRef (one evaluation with params null); by name
 * or by selector, in paramRef.namespace or else the object's namespace for a namespaced kind;
 * none found is an error only with parameterNotFoundAction Deny.
 */
import type { KubeObject, Resource } from '../../core/index.js';
import { matchesLabelSelector, type Labels } from '../../rules/index.js';
import type { ResourceMapper } from './attributes.js';
import type { Binding, Policy } from './objects.js';

export type Params = { params: (KubeObject | null)[] } | { error: string };

export function collectParams(policy: Policy, binding: Binding, namespace: string, candidates: readonly Resource[], mapper: ResourceMapper): Params {
  const kind = policy.paramKind;
  const ref = binding.paramRef;
  if (!kind || !ref) return { params: [null] };
  const namespaced = mapper.namespaced(kind.apiVersion, kind.kind);
  let inNamespace: string | undefined;
  if (namespaced) {
    inNamespace = ref.namespace || namespace;
    if (!inNamespace) return { error: 'cannot use namespaced paramRef in policy binding that matches cluster-scoped resources' };
  } else if (ref.namespace) return { error: 'paramRef.namespace must not be provided for a cluster-scoped `paramKind`' };
  const ofKind = candidates.filter((r) => r.id.apiVersion === kind.apiVersion && r.id.kind === kind.kind && (!namespaced || (r.id.namespace ?? 'default') === inNamespace));
  let found: Resource[];
  if (ref.name) {
    if (ref.selector) return { error: 'paramRef.name and paramRef.selector are mutually exclusive' };
    found = ofKind.filter((r) => r.id.name === ref.name);
  } else if (ref.selector) {
    const selector = ref.selector;
    found = ofKind.filter((r) => Object.keys(selector).length === 0 || matchesLabelSelector(selector, labelsOf(r.object)));
  } else return { error: 'one of name or selector must be provided' };
  if (found.length === 0 && ref.parameterNotFoundAction === 'Deny') return { error: 'no params found for policy binding with `Deny` parameterNotFoundAction' };
  return { params: found.map((r) => r.object) };
}

export function labelsOf(o: KubeObject): Labels {
  const meta = o.metadata as { labels?: unknown } | undefined;
  const labels = meta?.labels;
  if (typeof labels !== 'object' || labels === null) return {};
  return Object.fromEntries(Object.entries(labels).filter(([, v]) => typeof v === 'string')) as Labels;
}
