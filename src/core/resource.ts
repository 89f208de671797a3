import type { ResourceId } from './diagnostic.js';
import type { Located } from './span.js';

export type KubeObject = Record<string, unknown>;

/** Where a resource came from, and how to find any of its values in that source. */
export interface ResourceSource {
  file: string;
  /** 0-based index of the YAML document in the file. */
  docIndex: number;
  /** 0-based index in `items` when the resource came out of a List. */
  itemIndex?: number;
  /** Maps a JSON pointer inside the resource to its source spans. */
  locate(pointer: string): Located;
}

/** A parsed Kubernetes object plus its source positions: the unit every stage works on. */
export interface Resource {
  id: ResourceId;
  object: KubeObject;
  source: ResourceSource;
}
