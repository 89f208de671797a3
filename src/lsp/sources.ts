/**
 * File contents as the editor sees them: an open document's unsaved buffer wins over the disk,
 * and a file on disk is read again only when its modification time or size changed. Every
 * path here is absolute and real (symbolic links resolved), as the render stage reports them.
 */
import * as fs from 'node:fs';

interface Buffered {
  bytes: Buffer;
  /** Bumped on every edit, never reused: a closed and reopened document starts a new history. */
  generation: number;
}

interface OnDisk {
  mtimeMs: number;
  size: number;
  bytes: Buffer;
}

export class Sources {
  private readonly buffers = new Map<string, Buffered>();
  private readonly disk = new Map<string, OnDisk>();
  private generation = 0;

  /** The editor's content for `file`, until `close`. */
  setBuffer(file: string, text: string): void {
    this.buffers.set(file, { bytes: Buffer.from(text, 'utf8'), generation: ++this.generation });
  }

  /** Grows with every edit of any open document: a multi-step check that saw it change read a mix of versions. */
  edits(): number {
    return this.generation;
  }

  close(file: string): void {
    this.buffers.delete(file);
  }

  isOpen(file: string): boolean {
    return this.buffers.has(file);
  }

  /** Changes whenever the content may have; undefined when there is no such file. */
  stamp(file: string): string | undefined {
    const open = this.buffers.get(file);
    if (open) return `buffer:${open.generation}`;
    const stat = statOrUndefined(file);
    return stat && stat.isFile() ? `disk:${stat.mtimeMs}:${stat.size}` : undefined;
  }

  /** The size in bytes, without reading the file; undefined when there is no such file. */
  size(file: string): number | undefined {
    const open = this.buffers.get(file);
    if (open) return open.bytes.length;
    return statOrUndefined(file)?.size;
  }

  /** The bytes, as fs.readFileSync gives them (and throwing as it does for a missing file). */
  read(file: string): Buffer {
    return this.readStamped(file).bytes;
  }

  /**
   * The bytes and the stamp they go with, from one look at the disk. While a file is unchanged
   * the same Buffer comes back, which lets the render stage reuse its parse.
   */
  readStamped(file: string): { bytes: Buffer; stamp: string } {
    const open = this.buffers.get(file);
    if (open) return { bytes: open.bytes, stamp: `buffer:${open.generation}` };
    const stat = fs.statSync(file);
    const stamp = `disk:${stat.mtimeMs}:${stat.size}`;
    const cached = this.disk.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return { bytes: cached.bytes, stamp };
    const bytes = fs.readFileSync(file);
    this.disk.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, bytes });
    return { bytes, stamp };
  }

  /** Drops what is cached of a file that was deleted or replaced behind the editor's back. */
  forget(file: string): void {
    this.disk.delete(file);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
