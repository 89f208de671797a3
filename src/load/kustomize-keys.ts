import { isPair, isScalar, visit, type Document, type Scalar } from 'yaml';

/**
 * The first mapping key kustomize cannot carry: go-yaml v3 (kyaml) types a plain key such as
 * `012`, `0x1F`, `1_000`, `true` or `~` as a number, boolean or null, so the map decodes to
 * map[interface{}]interface{}, which kustomize's JSON encoding refuses ("json: unsupported
 * type"). Quoted keys are strings and pass. Only for kustomize's typing of resources.
 */
export function firstNonStringKey(doc: Document.Parsed): Scalar | undefined {
  let found: Scalar | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return undefined;
      if (typeof pair.key.value === 'string') return undefined;
      found = pair.key;
      return visit.BREAK;
    },
  });
  return found;
}
