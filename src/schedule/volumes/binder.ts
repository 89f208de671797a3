/**
 * Which volume each claim is bound to, as the run goes: the PV controller's work before the
 * first pod (catalog.ts), then the scheduler's for WaitForFirstConsumer claims when a pod that
 * uses them is bound to a node (AssumePodVolumes, pkg/scheduler/framework/plugins/volumebinding/binder.go).
 */
import { matchesNodeSelectorTerm } from '../match.js';
import type { NodeInfo } from '../node-info.js';
import { selects } from '../selectors.js';
import type { SchedNode } from '../types.js';
import { claimKey, claimOf, NO_PROVISIONER, type Claim, type Inputs, type StorageClass, type Volume } from './catalog.js';

/** Where a bound claim's volume is: a volume among the inputs, one that is missing, or one provisioned for it. */
export type Binding = { volume: Volume } | { missing: string } | { provisioned: unknown[] | undefined };

/** A claim a pod uses: its volume's claimName, or a StatefulSet replica's claim and the template it is made from. */
export interface PodClaim {
  name: string;
  template?: Record<string, unknown>;
}

const ZONE = 'topology.kubernetes.io/zone';

export class Binder {
  private readonly bindings = new Map<string, Binding>();
  /** Volumes bound to a claim (claimRef, or bound during the run). */
  private readonly taken = new Set<string>();

  /** While a what-if runs (Scheduler.whatIf): how to undo each binding `assume` made, newest last. */
  private journal: (() => void)[] | undefined;

  constructor(private readonly inputs: Inputs) {
    for (const v of inputs.volumes.values()) if (v.claimRef) this.taken.add(v.name);
    for (const [key, claim] of inputs.claims) this.bindAtStart(key, claim);
  }

  /** The claim, or the StatefulSet controller's claim made from its template when no such claim exists yet. */
  claim(namespace: string, c: PodClaim): Claim | undefined {
    const key = claimKey(namespace, c.name);
    let claim = this.inputs.claims.get(key);
    if (!claim && c.template) {
      claim = claimOf(namespace, c.name, c.template, this.inputs.defaultClass);
      this.inputs.claims.set(key, claim);
      this.bindAtStart(key, claim);
    }
    return claim;
  }

  binding(claim: Claim): Binding | undefined {
    return this.bindings.get(claimKey(claim.namespace, claim.name));
  }

  classOf(claim: Claim): StorageClass | undefined {
    return this.inputs.classes.get(claim.storageClass);
  }

  /** IsDelayBindingMode (pkg/volume/util): the claim's class among the inputs is WaitForFirstConsumer. */
  delayed(claim: Claim): boolean {
    return this.classOf(claim)?.waitForFirstConsumer === true;
  }

  /** The PV controller: volumeName, a claimRef naming the claim, then (Immediate only) a matching volume or provisioning. */
  private bindAtStart(key: string, claim: Claim): void {
    if (claim.volumeName) {
      const volume = this.inputs.volumes.get(claim.volumeName);
      this.bindings.set(key, volume ? { volume } : { missing: claim.volumeName });
      if (volume) this.taken.add(volume.name);
      return;
    }
    for (const volume of this.inputs.volumes.values()) {
      if (volume.claimRef === key) return void this.bindings.set(key, { volume });
    }
    if (this.delayed(claim)) return;
    const volume = this.findMatching(claim, undefined, new Set());
    if (volume) {
      this.taken.add(volume.name);
      this.bindings.set(key, { volume });
      return;
    }
    // Provisioned at once, where the provisioner likes: no node constraint can be known offline.
    // A class the inputs do not hold (a named one, or the cluster's default) is the cluster's,
    // and assumed to provision; only a class among the inputs without a provisioner, or
    // storageClassName "" (static volumes only), leaves the claim unbound.
    const cls = this.classOf(claim);
    const provisions = cls ? cls.provisioner !== NO_PROVISIONER : claim.clusterDefault || claim.storageClass !== '';
    if (provisions) this.bindings.set(key, { provisioned: undefined });
  }

  /**
   * FindMatchingVolume (staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go):
   * the smallest available volume of the claim's class with room, the claim's access modes and
   * volume mode, whose labels the claim's selector matches and, when a node is given, whose node
   * affinity the node satisfies.
   */
  findMatching(claim: Claim, node: SchedNode | undefined, excluded: ReadonlySet<string>): Volume | undefined {
    let best: Volume | undefined;
    for (const v of this.inputs.volumes.values()) {
      if (v.storageClass !== claim.storageClass || v.capacity < claim.request || v.volumeMode !== claim.volumeMode) continue;
      if (this.taken.has(v.name) || excluded.has(v.name)) continue;
      if (node && !volumeFitsNode(v.nodeTerms, node)) continue;
      if (claim.selector !== undefined && !selects(claim.selector, v.labels)) continue;
      if (!claim.accessModes.every((m) => v.accessModes.includes(m))) continue;
      if (!best || v.capacity < best.capacity) best = v;
    }
    return best;
  }

  /**
   * Runs `question`, then undoes the bindings `assume` made meanwhile: a what-if pod (a rollout's
   * surge, --headroom) is taken off its node again, and its claims must be unbound with it, as
   * kube-scheduler's Unreserve reverts assumed volumes (volumebinding/binder.go RevertAssumedPodVolumes).
   * A preemption victim removed for real keeps its claims bound, as in a cluster: that is not a what-if.
   */
  tentatively<T>(question: () => T): T {
    const outer = this.journal;
    const journal: (() => void)[] = [];
    this.journal = journal;
    try {
      return question();
    } finally {
      for (const undo of journal.reverse()) undo();
      this.journal = outer;
    }
  }

  /** Binds a claim during `assume`, journalled while a what-if runs. */
  private assumeBinding(key: string, binding: Binding, volume?: string): void {
    if (this.journal) {
      const before = this.bindings.get(key);
      const wasTaken = volume !== undefined && this.taken.has(volume);
      this.journal.push(() => {
        if (before === undefined) this.bindings.delete(key);
        else this.bindings.set(key, before);
        if (volume !== undefined && !wasTaken) this.taken.delete(volume);
      });
    }
    if (volume !== undefined) this.taken.add(volume);
    this.bindings.set(key, binding);
  }

  /** The pod is bound to `node`: its waiting claims are bound to the volumes chosen there, or provisioned in the node's zone. */
  assume(namespace: string, claims: readonly PodClaim[], node: NodeInfo): void {
    const chosen = new Set<string>();
    for (const c of sortBySize(this.waiting(namespace, claims))) {
      const key = claimKey(c.namespace, c.name);
      const volume = this.findMatching(c, node.node, chosen);
      if (volume) {
        chosen.add(volume.name);
        this.assumeBinding(key, { volume }, volume.name);
        continue;
      }
      // A zonal provisioner makes the volume in the selected node's zone; later users of the claim must follow it there.
      const zone = node.node.labels[ZONE];
      this.assumeBinding(key, { provisioned: zone === undefined ? undefined : [{ matchExpressions: [{ key: ZONE, operator: 'In', values: [zone] }] }] });
    }
  }

  /** The pod's unbound claims of WaitForFirstConsumer classes. */
  waiting(namespace: string, claims: readonly PodClaim[]): Claim[] {
    const out: Claim[] = [];
    for (const c of claims) {
      const claim = this.claim(namespace, c);
      if (claim && !this.binding(claim) && this.delayed(claim)) out.push(claim);
    }
    return out;
  }
}

/** CheckNodeAffinity (pkg/volume/util/util.go): a volume without node affinity fits every node; else one of its terms must match. */
export function volumeFitsNode(terms: unknown[] | undefined, node: SchedNode): boolean {
  return terms === undefined || terms.some((t) => matchesNodeSelectorTerm(t, node));
}

/** byPVCSize: the smallest request first, so the smallest claims pick first (findMatchingVolumes). */
export function sortBySize(claims: Claim[]): Claim[] {
  return claims.sort((a, b) => a.request - b.request);
}
