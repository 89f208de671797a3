/**
 * Values the API server accepts only when a feature gate is on (pkg/features/kube_features.go).
 * With the gate off, as it is by default for an alpha feature, the value is refused like any
 * unsupported one; the finding then names the gate, so the author knows the value is not a
 * typo but a feature this cluster may not have.
 */
interface Gate {
  name: string;
  stage: 'alpha' | 'beta';
  since: string;
}

const TAINT_COMPARISON: Gate = { name: 'TaintTolerationComparisonOperators', stage: 'alpha', since: '1.35' };

/** By definition and property, then by value. */
const GATED: Record<string, Record<string, Record<string, Gate>>> = {
  'io.k8s.api.core.v1.Toleration': { operator: { Gt: TAINT_COMPARISON, Lt: TAINT_COMPARISON } },
};

/** What to add to an "Unsupported value" finding when the value is a gated feature's; else ''. */
export function gatedValueNote(definition: string | undefined, property: string, value: unknown): string {
  const gate = definition && typeof value === 'string' ? GATED[definition]?.[property]?.[value] : undefined;
  if (!gate) return '';
  return ` ("${value}" needs the ${gate.stage} feature gate ${gate.name}, Kubernetes ${gate.since} and later, off by default)`;
}
