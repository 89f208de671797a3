/** The ordered resources of a build, with kustomize's rule that an id may be registered once. */
import { BuildError } from './errors.js';
import { describeId, type RenderResource } from './resource.js';

export class ResMap {
  readonly items: RenderResource[] = [];

  append(r: RenderResource, blame?: { file: string; pointer: string }): void {
    const id = r.id();
    if (this.items.some((x) => x.id() === id)) {
      throw new BuildError(`may not add resource with an already registered id: ${describeId(r)}`, blame?.file ?? r.origin.file, blame?.pointer ?? '');
    }
    this.items.push(r);
  }

  /** Appends many at once, computing the current ids once rather than for every item. */
  appendAll(other: ResMap | readonly RenderResource[], blame?: { file: string; pointer: string }): void {
    const ids = new Set(this.items.map((x) => x.id()));
    for (const r of other instanceof ResMap ? other.items : other) {
      const id = r.id();
      if (ids.has(id)) throw new BuildError(`may not add resource with an already registered id: ${describeId(r)}`, blame?.file ?? r.origin.file, blame?.pointer ?? '');
      ids.add(id);
      this.items.push(r);
    }
  }

  remove(r: RenderResource): void {
    const i = this.items.indexOf(r);
    if (i !== -1) this.items.splice(i, 1);
  }
}
