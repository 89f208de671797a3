/**
 * Pod Security Standards as the PodSecurity admission controller applies them
 * (staging/src/k8s.io/pod-security-admission/admission/admission.go): each Pod, and each pod
 * template of a workload, against the levels its namespace's labels (or the configured
 * defaults) ask for, with the controller's own words.
 *
 * A Pod is evaluated as ValidatePod does: the enforce level refuses it (an error); when it is
 * not refused, the warn level warns. A workload is evaluated as ValidatePodController does:
 * the warn level warns on the template; the enforce level is not evaluated on the workload,
 * but its controller's pods meet it when they are created and are refused, so a template the
 * enforce level forbids is an error with the refusal the pods get. The audit level writes to
 * the audit log, not to the user; it is reported as a warning where it says more than enforce
 * and warn already did.
 */
import { diagnosticFor, escapeSegment, stringOf, type Diagnostic, type Resource, type RuleMeta, type Severity } from '../../core/index.js';
import { isMap, namespaceOf } from '../../rules/index.js';
import { evaluatePod, MAX_VERSION, reasonWithDetail, type Forbidden } from './evaluate.js';
import { Defaulter, type KubernetesVersion } from '../../schema/index.js';
import { podViewOf } from './pod.js';
import { defaultPolicy, levelVersionString, MODES, policyToEvaluate, sameLevelVersion, type LevelVersion, type Policy, type Version } from './policy.js';
import type { Level, PodView } from './types.js';

export const POD_SECURITY_RULE_ID = 'pod-security';

export const podSecurityMeta: RuleMeta = {
  id: POD_SECURITY_RULE_ID,
  severity: 'error',
  securitySeverity: 7.5,
  description: 'A pod or pod template the PodSecurity admission controller would refuse (enforce) or warn about (warn, audit)',
  docs:
    "Each Pod, and each pod template of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController or PodTemplate, is checked against the Pod Security Standards level its namespace asks for with the `pod-security.kubernetes.io/enforce`, `warn` and `audit` labels (and their `-version` labels) on a Namespace among the inputs, or else the config's `podSecurity.default` (the admission controller's configured default for enforce and warn). Every check of the level, at the pinned version (`latest` or `v1.X`), is the admission controller's, and each finding carries the controller's text for one check, at the field to edit: `violates PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false)`. The enforce level makes an error (the API server refuses the Pod, or the workload's pods when its controller creates them); warn makes warnings (`would violate PodSecurity ...`, what kubectl prints); audit, which the controller writes to the audit log only, makes warnings that name its annotation (`audit annotation pod-security.kubernetes.io/audit-violations (audit level: not shown to the client): would violate PodSecurity ...`). Namespaces and runtime classes listed in `podSecurity.exemptions` are skipped, as the controller's exemptions skip them. A namespace label with a value the controller does not accept is an error at the label.",
};

/** kubeproof.yaml's `podSecurity`. */
export interface PodSecuritySettings {
  /** The controller's default enforce and warn level (and version): for namespaces not among the inputs, and modes their labels leave unset. */
  default?: { level: Level; version?: Version };
  exemptions?: { namespaces?: readonly string[]; runtimeClasses?: readonly string[] };
}

export interface PodSecurityOptions {
  podSecurity?: PodSecuritySettings;
  /** The cluster's version: what `latest` means, and the newest checks its controller has. */
  kubernetesVersion?: KubernetesVersion;
}

/** `1.33` → 33. */
function minorOf(v: KubernetesVersion | undefined): number {
  return v === undefined ? MAX_VERSION : Number(v.split('.')[1]);
}

/** The kinds (and API groups) whose pod spec the controller extracts: admission.go defaultPodSpecResources. */
const POD_SPEC_KINDS: Record<string, string> = {
  Pod: '',
  ReplicationController: '',
  PodTemplate: '',
  ReplicaSet: 'apps',
  Deployment: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The controller's defaults from the config: the level is the default of enforce and warn alike (audit stays privileged). */
export function configuredDefaults(settings: PodSecuritySettings | undefined): Policy {
  const policy = defaultPolicy();
  if (!settings?.default) return policy;
  const lv: LevelVersion = { level: settings.default.level, version: settings.default.version ?? 'latest' };
  return { enforce: lv, warn: { ...lv }, audit: policy.audit };
}

/** Findings for every pod and pod template among the resources; Namespaces are looked up in `scope` first, then in `all`. */
export function checkPodSecurity(resources: readonly Resource[], options: PodSecurityOptions = {}, all: readonly Resource[] = resources): Diagnostic[] {
  const defaults = configuredDefaults(options.podSecurity);
  const newest = minorOf(options.kubernetesVersion);
  const exemptNamespaces = new Set(options.podSecurity?.exemptions?.namespaces ?? []);
  const exemptRuntimeClasses = new Set(options.podSecurity?.exemptions?.runtimeClasses ?? []);
  const namespaces = new Map<string, Resource>();
  for (const r of [...all, ...resources]) if (r.id.kind === 'Namespace' && r.id.apiVersion === 'v1') namespaces.set(r.id.name, r);
  const out: Diagnostic[] = [];
  const defaulter = new Defaulter();
  const own = new Set(resources);
  for (const ns of namespaces.values()) if (own.has(ns)) out.push(...labelProblems(ns, defaults));
  // One policy per namespace; a namespace that is privileged in every mode is skipped before any pod is read, as the controller short-circuits it.
  const policies = new Map<string, Policy | undefined>();
  const policyOf = (namespace: string): Policy | undefined => {
    if (!policies.has(namespace)) {
      const { policy } = policyToEvaluate(labelsOf(namespaces.get(namespace)), defaults);
      policies.set(namespace, MODES.every((m) => policy[m].level === 'privileged') ? undefined : policy);
    }
    return policies.get(namespace);
  };
  for (const r of resources) {
    const group = Object.hasOwn(POD_SPEC_KINDS, r.id.kind) ? POD_SPEC_KINDS[r.id.kind] : undefined; // not `constructor`...
    if (group === undefined || groupOf(r.id.apiVersion) !== group) continue;
    const namespace = namespaceOf(r);
    if (exemptNamespaces.has(namespace)) continue;
    const policy = policyOf(namespace);
    if (!policy) continue;
    // The controller sees the decoded, defaulted object (a volume without a source is an emptyDir; a
    // hostNetwork Pod's ports are host ports). Its pointers are the input's: a finding on a field the
    // user left out lands on the nearest parent they wrote (diagnosticFor).
    const pod = podViewOf({ ...r, object: defaulter.defaulted(r.object) });
    if (!pod) continue;
    const runtimeClass = pod.spec.runtimeClassName;
    if (typeof runtimeClass === 'string' && runtimeClass !== '' && exemptRuntimeClasses.has(runtimeClass)) continue;
    for (const f of evaluateResource(policy, r.id.kind === 'Pod', pod, newest)) {
      for (const pointer of f.violation.pointers) out.push(diagnosticFor(r, { ruleId: POD_SECURITY_RULE_ID, severity: f.severity, message: f.message, pointer }));
    }
  }
  return out;
}

/** admission.go EvaluatePod: the audit level's verdict is the `audit-violations` annotation of the PodSecurity plugin (api/constants.go AuditViolationsAnnotationKey). */
const AUDIT_LEAD = 'audit annotation pod-security.kubernetes.io/audit-violations (audit level: not shown to the client): ';

interface Reported {
  violation: Forbidden;
  severity: Severity;
  message: string;
}

/** What the controller says of one pod (spec), per failed check. */
export function evaluateResource(policy: Policy, isPod: boolean, pod: PodView, newest: number = MAX_VERSION): Reported[] {
  const out: Reported[] = [];
  const report = (lv: LevelVersion, severity: Severity, prefix: 'violates' | 'would violate', lead = '') => {
    const found = evaluatePod(lv, pod, newest);
    for (const v of found) out.push({ violation: v, severity, message: `${lead}${prefix} PodSecurity "${levelVersionString(lv)}": ${reasonWithDetail(v)}` });
    return found.length > 0;
  };
  const refused = report(policy.enforce, 'error', 'violates');
  // The controller adds no warning to a request it refuses; a template's pods are refused later, so its warning stands.
  const warned = (!refused || !isPod) && !(refused && sameLevelVersion(policy.warn, policy.enforce)) ? report(policy.warn, 'warning', 'would violate') : false;
  const saidAlready = (refused && sameLevelVersion(policy.audit, policy.enforce)) || (warned && sameLevelVersion(policy.audit, policy.warn));
  // The audit level's text goes into the audit event's annotation, never to the client: the finding names the annotation so it is not mistaken for a warning kubectl prints.
  if (!saidAlready) report(policy.audit, 'warning', 'would violate', AUDIT_LEAD);
  return out;
}

function labelsOf(ns: Resource | undefined): Record<string, string> {
  const metadata = ns && isMap(ns.object.metadata) ? ns.object.metadata : undefined;
  const labels = metadata && isMap(metadata.labels) ? metadata.labels : {};
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, stringOf(v)]));
}

/** A namespace the controller refuses to create, for a PodSecurity label it cannot read (admission.go ValidateNamespace). */
function labelProblems(ns: Resource, defaults: Policy): Diagnostic[] {
  return policyToEvaluate(labelsOf(ns), defaults).problems.map((p) =>
    diagnosticFor(ns, {
      ruleId: POD_SECURITY_RULE_ID,
      severity: 'error',
      message: `metadata.labels[${p.label}]: Invalid value: ${JSON.stringify(p.value)}: ${p.message}`,
      pointer: `/metadata/labels/${escapeSegment(p.label)}`,
    }),
  );
}
