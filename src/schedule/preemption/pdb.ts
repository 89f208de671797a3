/**
 * PodDisruptionBudgets among the inputs, with the `status.disruptionsAllowed` the disruption
 * controller would compute from the dry run's placement (pkg/controller/disruption,
 * getExpectedPodCount and updatePdbStatus): healthy pods are the placed ones, the expected
 * count is every pod made for the selector. That is the controllers' scale when every pod is
 * a controller's (each makes its whole scale); a bare Pod counts here too, where the disruption
 * controller would leave it out of a percentage or maxUnavailable budget.
 */
import { stringOf, type Resource } from '../../core/index.js';
import { isMap, namespaceOf } from '../../rules/index.js';
import { isEmptySelector, selects } from '../selectors.js';
import type { SchedPod } from '../types.js';

export interface Budget {
  namespace: string;
  selector: unknown;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

export function budgetsOf(resources: readonly Resource[]): Budget[] {
  const out: Budget[] = [];
  for (const r of resources) {
    if (r.id.kind !== 'PodDisruptionBudget' || !r.id.apiVersion.startsWith('policy/') || !isMap(r.object.spec)) continue;
    const spec = r.object.spec;
    const intOrString = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? v : undefined);
    out.push({ namespace: namespaceOf(r), selector: spec.selector, minAvailable: intOrString(spec.minAvailable), maxUnavailable: intOrString(spec.maxUnavailable) });
  }
  return out;
}

/** A PDB's selector covers the pod: same namespace, and a selector that is neither missing nor empty (both match nothing). */
export function covers(budget: Budget, pod: Pick<SchedPod, 'namespace' | 'labels'>): boolean {
  return budget.namespace === pod.namespace && isMap(budget.selector) && !isEmptySelector(budget.selector) && selects(budget.selector, pod.labels);
}

/** intstr.GetScaledValueFromIntOrPercent, rounding up. */
function scaled(v: number | string, total: number): number {
  if (typeof v === 'number') return v;
  const m = /^([0-9]+)%$/.exec(stringOf(v));
  return m ? Math.ceil((Number(m[1]) * total) / 100) : 0;
}

/** disruptionsAllowed of each budget, given every pod made and the ones placed now. */
export function disruptionsAllowed(budgets: readonly Budget[], made: readonly SchedPod[], placed: (pod: SchedPod) => boolean): number[] {
  return budgets.map((b) => {
    const pods = made.filter((p) => covers(b, p));
    const healthy = pods.filter(placed).length;
    const expected = pods.length;
    let desired = 0;
    if (b.maxUnavailable !== undefined) desired = Math.max(0, expected - scaled(b.maxUnavailable, expected));
    else if (b.minAvailable !== undefined) desired = scaled(b.minAvailable, expected);
    const allowed = healthy - desired;
    return expected <= 0 || allowed <= 0 ? 0 : allowed;
  });
}

/**
 * filterPodsWithPDBViolation (defaultpreemption/default_preemption.go): walking the victims in
 * order, each one a budget covers uses up one allowed disruption; a victim that takes a budget
 * below zero violates it. Stable: both groups keep the input order.
 */
export function splitByViolation(pods: readonly SchedPod[], budgets: readonly Budget[], allowed: readonly number[]): [SchedPod[], SchedPod[]] {
  const left = [...allowed];
  const violating: SchedPod[] = [];
  const nonViolating: SchedPod[] = [];
  for (const pod of pods) {
    let violated = false;
    if (Object.keys(pod.labels).length > 0) {
      budgets.forEach((b, i) => {
        if (!covers(b, pod)) return;
        if (--left[i]! < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return [violating, nonViolating];
}
