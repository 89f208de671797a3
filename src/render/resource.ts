/**
 * A resource being built. It remembers where it came from and, for each field a patch or a
 * transformer set, where that came from, so findings on rendered output point at the file a
 * person has to edit.
 */
import { stringOf, type KubeObject, type Located } from '../core/index.js';

export interface Origin {
  file: string;
  /** Where, in `file`'s object, the rendered pointer's value was written. */
  pointer: string;
  locate(pointer: string): Located;
}

export class RenderResource {
  /** Fields set after loading: rendered pointer -> where the value came from. */
  readonly overrides = new Map<string, Origin>();
  /** Names and namespaces this resource had before prefixes, suffixes and hashes: for name references. */
  readonly previousIds: { name: string; namespace?: string }[] = [];
  /** Name prefixes and suffixes applied, outermost first: to tell apart referrals in diamond overlays. */
  prefixes: string[] = [];
  suffixes: string[] = [];
  /** Generated ConfigMaps and Secrets: how an overlay's generator of the same name combines with it. */
  behavior?: 'create' | 'merge' | 'replace';
  /** Set on generated objects: the generator kind, for origin annotations. */
  generatedBy?: 'ConfigMapGenerator' | 'SecretGenerator';
  /** Names of the vars whose objref is this resource (kustomize's refVarNames): see transformers/vars.ts. */
  refVarNames: string[] = [];
  /** Generated without disableNameSuffixHash: the content hash is appended when the build ends. */
  needsHashSuffix = false;

  constructor(
    public object: KubeObject,
    /** Where the resource was declared. */
    readonly origin: Origin,
  ) {}

  get apiVersion(): string {
    return stringOf(this.object.apiVersion ?? '');
  }
  get kind(): string {
    return stringOf(this.object.kind ?? '');
  }
  get metadata(): Record<string, unknown> {
    const m = this.object.metadata;
    if (m && typeof m === 'object' && !Array.isArray(m)) return m as Record<string, unknown>;
    const created: Record<string, unknown> = {};
    this.object.metadata = created;
    return created;
  }
  get name(): string {
    return typeof this.metadata.name === 'string' ? this.metadata.name : '';
  }
  get namespace(): string | undefined {
    return typeof this.metadata.namespace === 'string' && this.metadata.namespace !== '' ? this.metadata.namespace : undefined;
  }
  get group(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash === -1 ? '' : this.apiVersion.slice(0, slash);
  }
  get version(): string {
    const slash = this.apiVersion.indexOf('/');
    return slash === -1 ? this.apiVersion : this.apiVersion.slice(slash + 1);
  }

  /** kustomize's resource id: group, version, kind, namespace and name. */
  id(): string {
    return resId(this.group, this.version, this.kind, this.namespace, this.name);
  }

  /** Records that the value at `pointer` (and below) was written by `origin`. */
  setOrigin(pointer: string, origin: Origin): void {
    for (const key of [...this.overrides.keys()]) if (key === pointer || key.startsWith(pointer + '/')) this.overrides.delete(key);
    this.overrides.set(pointer, origin);
  }

  /** Where a rendered value came from: the deepest override above it, else the declaring file. */
  locate(pointer: string): Located & { file: string } {
    let best: string | undefined;
    for (const key of this.overrides.keys()) {
      if ((pointer === key || pointer.startsWith(key + '/')) && (best === undefined || key.length > best.length)) best = key;
    }
    const origin = best === undefined ? this.origin : this.overrides.get(best)!;
    const rest = best === undefined ? pointer : pointer.slice(best.length);
    return { ...origin.locate(origin.pointer + rest), file: origin.file };
  }

  clone(): RenderResource {
    const copy = new RenderResource(structuredClone(this.object), this.origin);
    for (const [k, v] of this.overrides) copy.overrides.set(k, v);
    copy.previousIds.push(...this.previousIds);
    copy.prefixes = [...this.prefixes];
    copy.suffixes = [...this.suffixes];
    copy.behavior = this.behavior;
    copy.needsHashSuffix = this.needsHashSuffix;
    copy.generatedBy = this.generatedBy;
    copy.refVarNames = [...this.refVarNames];
    return copy;
  }
}

export function resId(group: string, version: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group}/${version}/${kind}|${namespace ?? ''}|${name}`;
}

/** How kustomize prints an id in its errors: `Kind.version.group/name.namespace`. */
export function describeId(r: RenderResource): string {
  return `${r.kind}.${r.version || '[noVer]'}.${r.group || '[noGrp]'}/${r.name}.${r.namespace ?? '[noNs]'}`;
}
