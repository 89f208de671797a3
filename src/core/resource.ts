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
  /**
   * Rendered resources only: where the object was declared (its base, before patches and
   * transformers), and where each field a patch or transformer set was written. Files are as
   * `file` names them. For the editor's go-to-definition from a patch to what it patches.
   */
  rendered?: {
    declared(pointer: string): Located & { file: string };
    setBy(): (Located & { file: string })[];
  };
}

/** A parsed Kubernetes object plus its source positions: the unit every stage works on. */
export interface Resource {
  id: ResourceId;
  object: KubeObject;
  source: ResourceSource;
}
