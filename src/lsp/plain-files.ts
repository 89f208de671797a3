/**
 * Manifests outside kustomization trees, parsed once per content: the file being checked and
 * the rest of the workspace, whose objects the cross-resource rules look across (a ConfigMap
 * in one file, the Deployment that mounts it in another).
 */
import { DEFAULT_MAX_FILE_SIZE, loadBytes, type LoadedFile } from '../load/index.js';
import type { Sources } from './sources.js';

interface Entry {
  stamp: string;
  /** The full parse, once something asked for it. */
  loaded?: LoadedFile;
  /** Known to hold no object, without parsing. */
  skipped?: boolean;
}

const NOTHING: LoadedFile = { file: '', resources: [], diagnostics: [] };

export class PlainFiles {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly sources: Sources) {}

  /** The file being checked: everything the loader says about it. */
  load(file: string, maxDepth?: number): LoadedFile {
    const entry = this.entry(file);
    if (!entry) return NOTHING;
    entry.loaded ??= loadBytes(this.readOrEmpty(file), file, { maxDepth });
    return entry.loaded;
  }

  /**
   * Another file, for its objects only. Files too large for the loader, and files that do not
   * even mention apiVersion or kind (most of a repository's YAML), are never parsed: they
   * cannot hold an object the rules would look at.
   */
  context(file: string, options: { maxFileSize?: number; maxDepth?: number }): LoadedFile {
    const entry = this.entry(file);
    if (!entry || entry.skipped) return NOTHING;
    if (entry.loaded) return entry.loaded;
    const size = this.sources.size(file);
    const bytes = size === undefined || size > (options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) ? undefined : this.readOrEmpty(file);
    if (!bytes || (!bytes.includes('apiVersion') && !bytes.includes('kind'))) {
      entry.skipped = true;
      return NOTHING;
    }
    entry.loaded = loadBytes(bytes, file, { maxDepth: options.maxDepth });
    return entry.loaded;
  }

  /** Whether the file was read already (its objects, or that it holds none), as far as the cache knows without asking the disk. */
  cached(file: string): boolean {
    const entry = this.entries.get(file);
    return entry !== undefined && (entry.loaded !== undefined || entry.skipped === true);
  }

  /** The cache entry of the file's current content; undefined when there is no such file. */
  private entry(file: string): Entry | undefined {
    const stamp = this.sources.stamp(file);
    if (stamp === undefined) {
      this.entries.delete(file);
      return undefined;
    }
    let entry = this.entries.get(file);
    if (entry?.stamp !== stamp) {
      entry = { stamp };
      this.entries.set(file, entry);
    }
    return entry;
  }

  private readOrEmpty(file: string): Buffer {
    try {
      return this.sources.read(file);
    } catch {
      return Buffer.alloc(0); // deleted between the stamp and the read: nothing to check
    }
  }
}
