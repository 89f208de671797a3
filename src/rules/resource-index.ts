/**
 * Lookups the cross-resource rules share: pod templates (all, and by namespace) and resources
 * by kind, namespace and name. Built once per resource list, on first use, and kept until
 * runRules is done with the list (it hands every rule the same array), not for as long as the
 * list lives: the resources last the whole run, and the index is about a third of their size. A rule that scanned every
 * resource for each PodDisruptionBudget or binding was quadratic: 35 s of a 50,000-document lint.
 */
import type { Resource } from '../core/index.js';
import { namespaceOf, podTemplate, type PodTemplate } from './workloads.js';

class ResourceIndex {
  private templates?: PodTemplate[];
  private templatesByNamespace?: Map<string, PodTemplate[]>;
  private byName?: Map<string, Resource[]>;
  private byLabel?: Map<string, PodTemplate[]>;

  constructor(private readonly resources: readonly Resource[]) {}

  podTemplates(): readonly PodTemplate[] {
    return (this.templates ??= this.resources.map(podTemplate).filter((t): t is PodTemplate => t !== undefined));
  }

  podTemplatesIn(namespace: string): readonly PodTemplate[] {
    this.templatesByNamespace ??= groupBy(this.podTemplates(), (t) => t.namespace);
    return this.templatesByNamespace.get(namespace) ?? [];
  }

  /**
   * The templates in `namespace` a selector may match: those carrying the rarest of the labels it
   * requires (`required`: a Service's selector, or a label selector's matchLabels), or every
   * template of the namespace when it requires none. Callers still match each candidate.
   */
  podTemplatesMaybeMatching(namespace: string, required: unknown): readonly PodTemplate[] {
    let best = this.podTemplatesIn(namespace);
    if (typeof required !== 'object' || required === null || best.length === 0) return best;
    this.byLabel ??= this.labelPostings();
    for (const [k, v] of Object.entries(required)) {
      if (typeof v !== 'string') continue;
      const posting = this.byLabel.get(labelKey(namespace, k, v)) ?? [];
      if (posting.length < best.length) best = posting;
      if (best.length === 0) break;
    }
    return best;
  }

  private labelPostings(): Map<string, PodTemplate[]> {
    const postings = new Map<string, PodTemplate[]>();
    for (const t of this.podTemplates()) {
      for (const [k, v] of Object.entries(t.labels)) {
        const key = labelKey(t.namespace, k, v);
        const posting = postings.get(key);
        if (posting) posting.push(t);
        else postings.set(key, [t]);
      }
    }
    return postings;
  }

  /** Resources of this kind and name: in `namespace`, or in any namespace when it is undefined (cluster-scoped kinds). */
  named(kind: string, name: string, namespace?: string): readonly Resource[] {
    this.byName ??= groupBy(this.resources, (r) => key(r.id.kind, r.id.name));
    const all = this.byName.get(key(kind, name)) ?? [];
    return namespace === undefined ? all : all.filter((r) => namespaceOf(r) === namespace);
  }
}

const key = (kind: string, name: string) => `${kind}\u0000${name}`;
const labelKey = (namespace: string, k: string, v: string) => `${namespace}\u0000${k}\u0000${v}`;

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const indexes = new WeakMap<readonly Resource[], ResourceIndex>();

export function indexOf(resources: readonly Resource[]): ResourceIndex {
  let index = indexes.get(resources);
  if (!index) indexes.set(resources, (index = new ResourceIndex(resources)));
  return index;
}

/** Lets the index of a list go, once every rule has run over it. */
export function releaseIndex(resources: readonly Resource[]): void {
  indexes.delete(resources);
}

/** Every pod template among the resources, in their order (shared by all rules of a run). */
export function podTemplates(resources: readonly Resource[]): readonly PodTemplate[] {
  return indexOf(resources).podTemplates();
}
