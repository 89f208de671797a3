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

  appendAll(other: ResMap, blame?: { file: string; pointer: string }): void {
    for (const r of other.items) this.append(r, blame);
  }

  remove(r: RenderResource): void {
    const i = this.items.indexOf(r);
    if (i !== -1) this.items.splice(i, 1);
  }
}
