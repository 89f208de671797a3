/**
 * Pod priority as the Priority admission plugin resolves it when a pod is created
 * (plugin/pkg/admission/priority/admission.go): the named PriorityClass, or else the
 * `globalDefault` class (the lowest value when several claim it), or else priority 0 with
 * preemptionPolicy PreemptLowerPriority. The two system classes exist in every cluster. A pod
 * naming a class that does not exist, or setting a priority or preemptionPolicy that differs
 * from its class's, is refused: its controller creates no pod.
 */
import { stringOf, type Resource } from '../core/index.js';
import type { SchedPod } from './types.js';

export type PreemptionPolicy = 'PreemptLowerPriority' | 'Never';

export interface PriorityClass {
  name: string;
  value: number;
  globalDefault: boolean;
  preemptionPolicy: PreemptionPolicy;
}

/** The admitted pod's priority fields, or the admission plugin's refusal. */
export type Admitted = { priority: number; preemptionPolicy: PreemptionPolicy; className: string; unknownClass?: boolean } | { refused: string };

/** pkg/apis/scheduling: SystemCriticalPriority and the two classes the API server creates. */
const SYSTEM_CRITICAL = 2_000_000_000;
const HIGHEST_USER_DEFINABLE = 1_000_000_000;
const SYSTEM_CLASSES: PriorityClass[] = [
  { name: 'system-node-critical', value: SYSTEM_CRITICAL + 1000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' },
  { name: 'system-cluster-critical', value: SYSTEM_CRITICAL, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' },
];

export interface PriorityClasses {
  byName: ReadonlyMap<string, PriorityClass>;
  /** The class pods without priorityClassName get, if any. */
  globalDefault?: PriorityClass;
}

export function priorityClassesOf(resources: readonly Resource[]): PriorityClasses {
  const byName = new Map(SYSTEM_CLASSES.map((c) => [c.name, c]));
  let globalDefault: PriorityClass | undefined;
  for (const r of resources) {
    if (r.id.kind !== 'PriorityClass' || !r.id.apiVersion.startsWith('scheduling.k8s.io/')) continue;
    // A user class may not take a system name (validatePriorityClass): the built-in one stays.
    if (SYSTEM_CLASSES.some((c) => c.name === r.id.name)) continue;
    const o = r.object;
    const value = typeof o.value === 'number' && Number.isInteger(o.value) ? o.value : 0;
    // ValidatePriorityClass (pkg/apis/scheduling/validation): above HighestUserDefinablePriority
    // the API server refuses the class, so it never exists.
    if (value > HIGHEST_USER_DEFINABLE) continue;
    const pc: PriorityClass = { name: r.id.name, value, globalDefault: o.globalDefault === true, preemptionPolicy: o.preemptionPolicy === 'Never' ? 'Never' : 'PreemptLowerPriority' };
    byName.set(pc.name, pc);
    // getDefaultPriorityClass: with more than one default (a race upstream), the lowest value wins.
    if (pc.globalDefault && (!globalDefault || pc.value < globalDefault.value)) globalDefault = pc;
  }
  return { byName, globalDefault };
}

/** admitPod with establishPriority: what the pod gets, or why it is refused (upstream wording). */
export function admitPriority(spec: Record<string, unknown>, classes: PriorityClasses): Admitted {
  const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  let priority = 0;
  let preemptionPolicy: PreemptionPolicy = 'PreemptLowerPriority';
  let className = '';
  if (name === '') {
    if (classes.globalDefault) ({ value: priority, preemptionPolicy, name: className } = classes.globalDefault);
  } else {
    const pc = classes.byName.get(name);
    // The cluster may hold a class the inputs do not (missing-priorityclass says the same): the
    // pods are scheduled with priority 0, and the workload is warned that the API server refuses
    // them (`no PriorityClass with name X was found`) where the class is missing.
    if (!pc) return { priority: 0, preemptionPolicy: 'PreemptLowerPriority', className: name, unknownClass: true };
    ({ value: priority, preemptionPolicy, name: className } = pc);
  }
  if (typeof spec.priority === 'number' && spec.priority !== priority) {
    return { refused: `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name` };
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null && stringOf(spec.preemptionPolicy) !== preemptionPolicy) {
    return { refused: `the string value of PreemptionPolicy (${stringOf(spec.preemptionPolicy)}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name` };
  }
  return { priority, preemptionPolicy, className };
}

export interface WorkloadPodList {
  workload: Resource;
  pods: SchedPod[];
}

/**
 * Admission as each pod is created: the workloads whose pods are admitted, with their priority
 * fields set (a workload's pods share one template, so one answer); each refused workload is
 * added to `refused` and makes no pod. A class the inputs lack is `assumed` to be the cluster's:
 * the workload is listed with that flag, and its pods are made with priority 0.
 */
export function admitWorkloads<W extends WorkloadPodList>(list: readonly W[], classes: PriorityClasses, refused: { workload: Resource; message: string; assumed?: boolean }[]): W[] {
  return list.filter((w) => {
    const first = w.pods[0];
    if (!first) return true;
    const result = admitPriority(first.spec, classes);
    if ('refused' in result) {
      refused.push({ workload: w.workload, message: result.refused });
      return false;
    }
    if (result.unknownClass) refused.push({ workload: w.workload, message: `no PriorityClass with name ${result.className} was found`, assumed: true });
    for (const pod of w.pods) {
      pod.priority = result.priority;
      pod.preemptionPolicy = result.preemptionPolicy;
    }
    return true;
  });
}
