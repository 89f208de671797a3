/**
 * The shape of one Pod Security Standards check, after pod-security-admission's policy.Check
 * (staging/src/k8s.io/pod-security-admission/policy/checks.go): an id, a level, the policy
 * versions at which its behaviour changed, and a function that says why a pod is forbidden.
 */

/** The three Pod Security Standards levels, least to most restrictive. */
export type Level = 'privileged' | 'baseline' | 'restricted';

export const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

export interface PssCheckMeta {
  /** Upstream's check ID: checks are evaluated, and their reasons joined, in the order of these ids. */
  id: string;
  level: 'baseline' | 'restricted';
  /** What it forbids, one line, no trailing period (docs/rules.md). */
  description: string;
  /** The minor versions (v1.X) at which a revision of the check starts, oldest first: the first is where the check starts to apply. */
  versions: readonly number[];
  /** Baseline checks this restricted check replaces in a restricted evaluation, from policy version v1.`from` on. */
  overrides?: readonly { id: string; from: number }[];
  /** The upstream file the check follows. */
  upstream: string;
}

/** Why a pod is forbidden, as upstream's CheckResult says it, and the fields to edit. */
export interface Violation {
  /** ForbiddenReason: short, always shown ("privileged", "host namespaces"). */
  reason: string;
  /** ForbiddenDetail: which containers, values... shown in parentheses after the reason ('' for none). */
  detail: string;
  /** JSON pointers of the fields the user must edit (or add), one finding each. */
  pointers: string[];
}

export interface PssCheck {
  meta: PssCheckMeta;
  /** `version` is the minor of the policy version evaluated, already resolved (`latest` is the newest). */
  check(pod: PodView, version: number): Violation | undefined;
}

export type Obj = Record<string, unknown>;

export interface ContainerView {
  name: string;
  container: Obj;
  /** `/spec/containers/0`... */
  pointer: string;
  /** The container's securityContext, when it is a map. */
  securityContext?: Obj;
}

/** A pod spec and its metadata, wherever they sit in the object (a Pod, a workload's template). */
export interface PodView {
  annotations: Readonly<Record<string, string>>;
  /** `/metadata/annotations`, `/spec/template/metadata/annotations`... */
  annotationsPointer: string;
  spec: Obj;
  /** `/spec`, `/spec/template/spec`... */
  specPointer: string;
  /** The pod's securityContext, when it is a map. */
  securityContext?: Obj;
  /** Init containers, containers, then ephemeral containers, as upstream's visitContainers walks them. */
  containers: readonly ContainerView[];
}
